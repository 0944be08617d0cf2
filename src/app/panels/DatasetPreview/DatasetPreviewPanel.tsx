/** One example of each class with its name, shown as soon as the data is loaded. */
import { classNamesOf, IMAGE_PIXELS } from '../../../shared/dataset';
import { ImageCanvas } from '../../components/ImageCanvas';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import { selectClassExamples, selectRunConfig } from '../../store/selectors';

export function DatasetPreviewPanel() {
  const examples = usePlayground(selectClassExamples);
  const names = classNamesOf(usePlayground(selectRunConfig).dataset);
  return (
    <Panel title="Dataset" caption="One test image of each of the 10 classes." testId="dataset-preview">
      <div className="class-examples">
        {names.map((name, label) => (
          <figure key={name}>
            <ImageCanvas
              pixels={examples ? examples.subarray(label * IMAGE_PIXELS, (label + 1) * IMAGE_PIXELS) : null}
              sizePx={42}
              title={name}
            />
            <figcaption>{name}</figcaption>
          </figure>
        ))}
      </div>
    </Panel>
  );
}
