/** Learnable fake data for tests that train: imported only by *.test.ts. */
import { IMAGE_PIXELS } from '../../shared/dataset';
import type { SplitData } from '../data/loadDataset';

/** Smooth synthetic "images" (a bright blob per class) so the model has something learnable. */
export function syntheticSplit(count: number): SplitData {
  const images = new Float32Array(count * IMAGE_PIXELS);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    labels[n] = n % 10;
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      const [row, col] = [Math.floor(p / 28), p % 28];
      const distance = Math.hypot(row - 4 - 2 * labels[n], col - 14);
      images[n * IMAGE_PIXELS + p] = Math.max(0, 1 - distance / 8);
    }
  }
  return { images, labels, count };
}
