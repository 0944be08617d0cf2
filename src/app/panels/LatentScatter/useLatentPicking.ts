/**
 * The scatter's pointer interactions: a click anywhere on the plane decodes that point, a click
 * on a point selects its image, hovering a point shows that test image (from the page's copy).
 */
import { useCallback, useState } from 'react';
import type { PlotlyHTMLElement, PlotMouseEvent } from 'plotly.js-dist-min';
import { currentAxisRanges, isDragRelease, isRepeatedClick, planePointAt } from '../../charts/planePicking';
import type { LatentPoint } from '../../../shared/protocol';
import { usePlayground } from '../../store';
import {
  selectDecodedPoint,
  selectLatentPoint,
  selectSelectTestIndex,
  selectSetLatentPoint,
} from '../../store/selectors';
import type { ViewsSlice } from '../../store/viewsSlice';

export interface HoveredPoint extends LatentPoint {
  testIndex: number;
  className: string;
}

const planeClickListeners = new WeakSet<HTMLElement>();

/**
 * Plotly reports clicks only on points, so listen on the plot itself for clicks inside its plot
 * area (the `.nsewdrag` drag layer's box, whatever is drawn on top, except the mode bar) and map
 * them through the current axis ranges.
 */
function listenForPlaneClicks(plot: HTMLElement, onPlanePoint: (point: LatentPoint) => void): void {
  if (planeClickListeners.has(plot)) return;
  planeClickListeners.add(plot);
  let down: { clientX: number; clientY: number } | null = null;
  let previous: { clientX: number; clientY: number; timeMs: number } | null = null;
  // Capture phase: Plotly's own handlers must not hide where a drag began.
  plot.addEventListener(
    'mousedown',
    (event) => (down = { clientX: event.clientX, clientY: event.clientY }),
    true,
  );
  plot.addEventListener('click', (event) => {
    const dragLayer = plot.querySelector('.nsewdrag');
    const ranges = currentAxisRanges(plot);
    const onModeBar = event.target instanceof Element && event.target.closest('.modebar-container, .modebar');
    if (!dragLayer || !ranges || onModeBar || isDragRelease(down, event)) return;
    const click = { clientX: event.clientX, clientY: event.clientY, timeMs: performance.now() };
    const repeated = isRepeatedClick(previous, click);
    previous = click;
    const area = dragLayer.getBoundingClientRect();
    const fractionX = (event.clientX - area.left) / area.width;
    const fractionY = (event.clientY - area.top) / area.height;
    const inside = fractionX >= 0 && fractionX <= 1 && fractionY >= 0 && fractionY <= 1;
    if (!repeated && inside) onPlanePoint(planePointAt(fractionX, fractionY, ranges.x, ranges.y));
  });
}

function testIndexOf(event: PlotMouseEvent): number | null {
  const point = event.points.find((candidate) => typeof candidate.customdata === 'number');
  return point && typeof point.customdata === 'number' ? point.customdata : null;
}

export function useLatentPicking(latent: ViewsSlice['latent'], classNames: readonly string[]) {
  // The worker decodes the clicked point again after every epoch, from the store's request.
  const clickTarget = usePlayground(selectLatentPoint);
  const decodedPoint = usePlayground(selectDecodedPoint);
  const setLatentPoint = usePlayground(selectSetLatentPoint);
  const selectTestIndex = usePlayground(selectSelectTestIndex);
  const [hovered, setHovered] = useState<HoveredPoint | null>(null);

  const onReady = useCallback(
    (plot: PlotlyHTMLElement) => listenForPlaneClicks(plot, setLatentPoint),
    [setLatentPoint],
  );

  const onHover = (event: PlotMouseEvent) => {
    const testIndex = testIndexOf(event);
    if (testIndex === null || !latent || testIndex === hovered?.testIndex) return;
    const point = { x: latent.codes[2 * testIndex], y: latent.codes[2 * testIndex + 1] };
    const label = latent.labels[testIndex];
    setHovered({ ...point, testIndex, className: classNames[label] ?? `class ${label}` });
  };

  const onClick = (event: PlotMouseEvent) => {
    const testIndex = testIndexOf(event);
    if (testIndex !== null) selectTestIndex(testIndex);
  };

  return {
    clickTarget,
    hovered,
    clicked: decodedPoint,
    onReady,
    onHover,
    onUnhover: () => setHovered(null),
    onClick,
  };
}
