/** The decoder's view of the latent plane: a grid of points across it, each decoded to an image. */
import { useEffect, useRef } from 'react';
import { IMAGE_SIDE } from '../../../shared/dataset';
import { Panel } from '../../components/Panel';
import { drawScheduler } from '../../frameScheduler';
import { usePlayground } from '../../store';
import { selectManifold, selectManifoldGridSize } from '../../store/selectors';
import { formatLatentCoordinate, manifoldMosaicRgba } from './manifoldMosaic';

export function ManifoldView() {
  const manifold = usePlayground(selectManifold);
  const gridSize = usePlayground(selectManifoldGridSize);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const shownGridSize = manifold?.gridSize ?? gridSize;
  // One screen pixel per image pixel (420 px for 15 × 15): crisp without any scaling.
  const side = shownGridSize * IMAGE_SIDE;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !manifold) return;
    // Queued like every panel's drawing: the mosaic is 225 images.
    drawScheduler().schedule(canvas, () => {
      const rgba = manifoldMosaicRgba(manifold.images, manifold.gridSize);
      canvas.getContext('2d')?.putImageData(new ImageData(rgba, side, side), 0, 0);
    });
    return () => drawScheduler().cancel(canvas);
  }, [manifold, side]);

  const bounds = manifold?.bounds;
  return (
    <Panel
      showsModel
      title="Latent manifold"
      caption={`Images decoded from a ${shownGridSize}×${shownGridSize} grid of points spanning where the test codes lie (y up, as in the scatter).`}
      testId="manifold"
      className="manifold-panel"
    >
      <div className="manifold-frame">
        <div className="manifold-y-axis" style={{ height: side }}>
          <span>{bounds && `y ${formatLatentCoordinate(bounds.yMax)}`}</span>
          <span>{bounds && `y ${formatLatentCoordinate(bounds.yMin)}`}</span>
        </div>
        <canvas ref={canvasRef} width={side} height={side} className="manifold-canvas" />
        <span />
        <div className="manifold-x-axis">
          <span>{bounds && `x ${formatLatentCoordinate(bounds.xMin)}`}</span>
          <span>{bounds && `x ${formatLatentCoordinate(bounds.xMax)}`}</span>
        </div>
      </div>
    </Panel>
  );
}
