import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_REQUEST } from '../../shared/viewRequest';
import { usePlayground } from './index';

beforeEach(() => usePlayground.setState(usePlayground.getInitialState(), true));

describe('the view request in the store', () => {
  it('starts as the default and changes one field per action', () => {
    const store = usePlayground.getState();
    expect(store.viewRequest).toBe(DEFAULT_VIEW_REQUEST);
    store.setEvalNoiseLevel(0.7);
    store.setLatentPoint({ x: -1, y: 3 });
    expect(usePlayground.getState().viewRequest).toEqual({
      ...DEFAULT_VIEW_REQUEST,
      evalNoiseLevel: 0.7,
      latentPoint: { x: -1, y: 3 },
    });
  });

  it('asks for the brushed images in the grid, and the fixed ones again when the brush is cleared', () => {
    const store = usePlayground.getState();
    store.setBrushedTestIndices([40, 41]);
    expect(usePlayground.getState().viewRequest.gridTestIndices).toEqual([40, 41]);
    store.setBrushedTestIndices([]);
    expect(usePlayground.getState()).toMatchObject({
      brushedTestIndices: null,
      viewRequest: { gridTestIndices: DEFAULT_VIEW_REQUEST.gridTestIndices },
    });
  });
});
