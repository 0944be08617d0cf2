/** The latent points' canvas under Plotly's axes (usePlotCanvas), drawn by drawLatentPlane. */
import { drawLatentPlane, type LatentScene } from '../../charts/drawLatentPlane';
import { usePlotCanvas, type PlotCanvasDrawer } from '../../charts/usePlotCanvas';

const drawLatentScene: PlotCanvasDrawer<LatentScene | null> = (context, scene, view, pixelRatio) => ({
  drawnPoints: String(drawLatentPlane(context, scene, view, pixelRatio)),
  epoch: String(scene?.epoch ?? ''),
});

export function useLatentCanvas(scene: LatentScene | null) {
  return usePlotCanvas(scene, 'latent-points', drawLatentScene);
}
