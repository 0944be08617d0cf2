/**
 * The latent scatter's points, drawn on a canvas of their own under Plotly's axes: they follow the
 * legend, hovering and clicking a point picks its image, and box and lasso brushes filter the grid.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';

const QUERY = 'backend=wasm&trainSubset=1024&testSubset=256&batchSize=64&seed=1';

async function trainOneEpoch(page: Page): Promise<PlaygroundPage> {
  const app = new PlaygroundPage(page);
  await app.trainOneEpochAndPause(QUERY);
  // The first epoch's codes arrive after its last step: wait until they are all on screen.
  const canvas = page.getByTestId('latent-scatter').locator('canvas.latent-points');
  await expect(canvas).toHaveAttribute('data-epoch', '1', { timeout: 60_000 });
  await expect(canvas).toHaveAttribute('data-drawn-points', '256', { timeout: 30_000 });
  return app;
}

/**
 * Where a point was drawn: the viewport position of the first 2×2 block of class-coloured
 * (saturated) pixels on the canvas, so the pointer lands on a point, not between two.
 */
function pointPixel(canvas: Locator): Promise<{ x: number; y: number } | null> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (!context) return null;
    const { data, width, height } = context.getImageData(0, 0, element.width, element.height);
    const saturated = (x: number, y: number) => {
      const at = 4 * (y * width + x);
      return (
        Math.max(data[at], data[at + 1], data[at + 2]) - Math.min(data[at], data[at + 1], data[at + 2]) > 60
      );
    };
    for (let y = 2; y < height - 2; y++) {
      for (let x = 2; x < width - 2; x++) {
        if (saturated(x, y) && saturated(x + 1, y) && saturated(x, y + 1) && saturated(x + 1, y + 1)) {
          const box = element.getBoundingClientRect();
          return {
            x: box.left + ((x + 1) * box.width) / width,
            y: box.top + ((y + 1) * box.height) / height,
          };
        }
      }
    }
    return null;
  });
}

async function drawnPoints(canvas: Locator): Promise<number> {
  return Number(await canvas.getAttribute('data-drawn-points'));
}

test('the scatter draws every test image, follows the legend and the zoom, and picks the point under the pointer', async ({
  page,
}) => {
  const app = await trainOneEpoch(page);
  const scatter = page.getByTestId('latent-scatter');
  const canvas = scatter.locator('canvas.latent-points');
  await expect(canvas).toHaveAttribute('data-drawn-points', '256', { timeout: 30_000 });
  expect((await app.snapshot()).latentPoints).toBe(256);

  // Hiding a class in the legend takes its points off the canvas; showing it brings them back.
  await scatter.getByRole('button', { name: 'T-shirt/top' }).click();
  await expect.poll(() => drawnPoints(canvas)).toBeLessThan(256);
  await expect.poll(() => drawnPoints(canvas)).toBeGreaterThan(200);
  await scatter.getByRole('button', { name: 'T-shirt/top' }).click();
  await expect(canvas).toHaveAttribute('data-drawn-points', '256');

  const point = await pointPixel(canvas);
  expect(point).not.toBeNull();
  await page.mouse.move(point?.x ?? 0, point?.y ?? 0);
  const hoverCaption = scatter.locator('.latent-hover figcaption');
  await expect(hoverCaption).toHaveText(/ #\d+$/);
  const hoveredIndex = Number((await hoverCaption.textContent())?.split('#')[1]);

  // A click on the point selects its image and decodes that spot of the plane.
  await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
  await expect.poll(async () => (await app.snapshot()).selectedTestIndex).toBe(hoveredIndex);
  await expect(page.getByTestId('latent-decoded')).toHaveAttribute('data-state', 'decoded', {
    timeout: 30_000,
  });
  await page.mouse.move(0, 0);
  await expect(hoverCaption).toHaveText('hover a point');

  // Zooming into the left half leaves points off screen; a double-click brings them all back.
  const area = await scatter.locator('.nsewdrag').first().boundingBox();
  const { x, y, width, height } = area ?? { x: 0, y: 0, width: 0, height: 0 };
  await page.mouse.move(x + 2, y + height - 2);
  await page.mouse.down();
  await page.mouse.move(x + width / 2, y + 40, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => drawnPoints(canvas)).toBeLessThan(256);
  await page.mouse.dblclick(x + width / 4, y + height / 2);
  await expect(canvas).toHaveAttribute('data-drawn-points', '256');
});

test('a box brush over the whole plane holds every point, a lasso some; clearing the brush drops the outline', async ({
  page,
}) => {
  await trainOneEpoch(page);
  const scatter = page.getByTestId('latent-scatter');
  const area = await scatter.locator('.nsewdrag').first().boundingBox();
  expect(area).not.toBeNull();
  const { x, y, width, height } = area ?? { x: 0, y: 0, width: 0, height: 0 };

  // Drags start at the bottom: Plotly's mode bar covers the top of the plot area under the pointer.
  await scatter.getByRole('button', { name: 'box', exact: true }).click();
  await expect(scatter.getByRole('button', { name: 'box', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.mouse.move(x + 2, y + height - 2);
  await page.mouse.down();
  await page.mouse.move(x + width / 2, y + height / 2, { steps: 5 });
  await page.mouse.move(x + width - 2, y + 2, { steps: 5 });
  await page.mouse.up();
  await expect(scatter.locator('.brush-note')).toHaveText('256 brushed');
  await expect(page.getByTestId('recon-grid')).toContainText('brushed: 8 of 256');

  await page.getByTestId('clear-brush').click();
  await expect(scatter.locator('.brush-note')).toHaveCount(0);
  await expect(page.getByTestId('recon-grid')).not.toContainText('brushed');

  // A lasso around the left half of the plane.
  await scatter.getByRole('button', { name: 'lasso', exact: true }).click();
  await expect(scatter.getByRole('button', { name: 'lasso', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const corners = [
    [x + 2, y + height - 2],
    [x + width / 2, y + height - 2],
    [x + width / 2, y + 2],
    [x + 2, y + 2],
    [x + 2, y + height - 4],
  ];
  await page.mouse.move(corners[0][0], corners[0][1]);
  await page.mouse.down();
  for (const [cornerX, cornerY] of corners.slice(1)) await page.mouse.move(cornerX, cornerY, { steps: 8 });
  await page.mouse.up();
  const note = scatter.locator('.brush-note');
  await expect(note).toHaveText(/^\d+ brushed$/);
  const lassoed = Number((await note.textContent())?.split(' ')[0]);
  expect(lassoed).toBeGreaterThan(0);
  expect(lassoed).toBeLessThan(256);
  // Brushing decodes nothing: a lasso ends where it began, and is still a drag, not a click.
  await expect(page.getByTestId('latent-decoded')).toHaveAttribute('data-state', 'empty');
  await scatter.screenshot({ path: 'e2e/artifacts/panel-latent-lassoed.png' });
});
