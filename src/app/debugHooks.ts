/** `window.playground.debug`: faults end-to-end tests trigger on purpose; harmless in every build. */
import { training } from './trainingClient';

export interface DebugHooks {
  /** The next training loss becomes NaN, as a divergence would make it. */
  injectNonFinite(): void;
  /** Destroys the WebGPU device (on other backends: crashes the worker), as a real device loss would. */
  loseDevice(): void;
}

export const debugHooks: DebugHooks = {
  injectNonFinite: () => training.injectNonFinite(),
  loseDevice: () => training.loseDevice(),
};
