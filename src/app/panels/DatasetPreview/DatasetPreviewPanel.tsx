/** One example of each class with its name, shown as soon as the data is loaded. */
import { useMemo } from 'react';
import { classNamesOf } from '../../../shared/dataset';
import { byteImageAt, firstIndexOfEachClass } from '../../../shared/imageMath';
import { ImageCanvas } from '../../components/ImageCanvas';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import { selectRunConfig, selectTestImages, selectTestLabels } from '../../store/selectors';

export function DatasetPreviewPanel() {
  const testImages = usePlayground(selectTestImages);
  const testLabels = usePlayground(selectTestLabels);
  const names = classNamesOf(usePlayground(selectRunConfig).dataset);
  const examples = useMemo(() => {
    if (!testImages || !testLabels) return names.map(() => null);
    return firstIndexOfEachClass(testLabels, names.length).map((index) =>
      index < 0 ? null : byteImageAt(testImages, index),
    );
  }, [testImages, testLabels, names]);
  return (
    <Panel title="Dataset" caption="The first test image of each of the 10 classes." testId="dataset-preview">
      <div className="class-examples">
        {names.map((name, label) => (
          <figure key={name}>
            <ImageCanvas pixels={examples[label]} sizePx={42} title={name} />
            <figcaption>{name}</figcaption>
          </figure>
        ))}
      </div>
    </Panel>
  );
}
