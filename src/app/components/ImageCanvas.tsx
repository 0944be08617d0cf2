/** One 28×28 image on a canvas, scaled crisply (nearest neighbour) by CSS. */
import { useEffect, useRef } from 'react';
import { IMAGE_SIDE } from '../../shared/dataset';
import { drawScheduler } from '../frameScheduler';
import { toRgba, type ColorMap } from './imagePixels';

interface ImageCanvasProps {
  pixels: Float32Array | null;
  sizePx?: number;
  colorMap?: ColorMap;
  scaleMax?: number;
  highlighted?: boolean;
  title?: string;
  testIndex?: number;
  onSelect?: () => void;
}

export function ImageCanvas({
  pixels,
  sizePx = 56,
  colorMap = 'grey',
  scaleMax = 1,
  highlighted = false,
  title,
  testIndex,
  onSelect,
}: ImageCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Queued: the grid, error maps and strip redraw ~50 canvases at once after an epoch.
    drawScheduler().schedule(canvas, () => {
      const context = canvas.getContext('2d');
      if (!context) return;
      if (!pixels) context.clearRect(0, 0, IMAGE_SIDE, IMAGE_SIDE);
      else
        context.putImageData(new ImageData(toRgba(pixels, colorMap, scaleMax), IMAGE_SIDE, IMAGE_SIDE), 0, 0);
    });
    return () => drawScheduler().cancel(canvas);
  }, [pixels, colorMap, scaleMax]);
  return (
    <canvas
      ref={canvasRef}
      width={IMAGE_SIDE}
      height={IMAGE_SIDE}
      className={highlighted ? 'image-canvas highlighted' : 'image-canvas'}
      style={{ width: sizePx, height: sizePx }}
      title={title}
      data-test-index={testIndex}
      data-highlighted={highlighted ? 'true' : undefined}
      onClick={onSelect}
    />
  );
}
