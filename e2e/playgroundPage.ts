/** Page object: drives the app only through the test contract's ids (data-testid) and window.playground. */
import { expect, type Page } from '@playwright/test';
import type { PlaygroundSnapshot } from '../src/app/playgroundSnapshot';

export type Snapshot = PlaygroundSnapshot;

export const SUBSET = 'trainSubset=512&testSubset=256&seed=1';

export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async open(query: string): Promise<void> {
    await this.page.goto(`./?${query}`);
  }

  snapshot(): Promise<Snapshot> {
    return this.page.evaluate(() => window.playground.snapshot());
  }

  async waitForStatus(status: string, timeout = 240_000): Promise<void> {
    await expect(this.page.getByTestId('status')).toHaveText(status, { timeout });
  }

  async stepCount(): Promise<number> {
    return Number(await this.page.getByTestId('step').textContent());
  }

  async waitForStepAtLeast(steps: number, timeout = 300_000): Promise<void> {
    await expect.poll(() => this.stepCount(), { timeout, intervals: [500] }).toBeGreaterThanOrEqual(steps);
  }

  /** Opens the app with `query`, trains until the first epoch ends, and pauses. */
  async trainOneEpochAndPause(query: string): Promise<void> {
    await this.open(query);
    await this.waitForStatus('idle');
    await this.page.getByTestId('start').click();
    await this.waitForEpochAtLeast(1);
    await this.page.getByTestId('pause').click();
    await this.waitForStatus('paused');
  }

  async waitForEpochAtLeast(epochs: number, timeout = 400_000): Promise<void> {
    await expect
      .poll(async () => Number(await this.page.getByTestId('epoch').textContent()), {
        timeout,
        intervals: [500],
      })
      .toBeGreaterThanOrEqual(epochs);
  }
}
