import { afterEach, describe, expect, it } from 'vitest';
import { snapshot } from './playgroundSnapshot';
import { usePlayground } from './store';
import { applyWorkerEvents } from './store/applyWorkerEvents';

describe('playground snapshot', () => {
  afterEach(() => usePlayground.setState(usePlayground.getInitialState(), true));

  it('has no robustness curve before the worker sends one', () => {
    expect(snapshot().robustnessCurve).toBeNull();
  });

  it('carries the latest robustness curve as a copy the caller cannot change', () => {
    const state = usePlayground.getState();
    const curve = { epoch: 3, noiseLevels: [0, 0.5, 1], psnr: [18.2, 14.1, 9.7] };
    usePlayground.setState(applyWorkerEvents(state, [{ type: 'robustnessCurveComputed', ...curve }]));
    const taken = snapshot().robustnessCurve;
    expect(taken).toEqual(curve);
    taken?.psnr.splice(0);
    expect(snapshot().robustnessCurve?.psnr).toEqual([18.2, 14.1, 9.7]);
  });
});
