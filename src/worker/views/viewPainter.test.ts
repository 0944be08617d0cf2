import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../../shared/protocol';
import { DEFAULT_VIEW_REQUEST, type ViewRequest } from '../../shared/viewRequest';
import type { ViewPart } from './panelViews';
import { changedViews, ViewPainter } from './viewPainter';

/** A painter whose draws finish only when the test releases them, recording what each drew. */
function slowPainter() {
  const drawn: { session: string; part: ViewPart; level: number }[] = [];
  const releases: (() => void)[] = [];
  const painter = new ViewPainter<string>(DEFAULT_VIEW_REQUEST, async (session, request, part) => {
    await new Promise<void>((resolve) => releases.push(resolve));
    drawn.push({ session, part, level: request.evalNoiseLevel });
  });
  const emit = (event: WorkerEvent) => void event;
  /** Lets the draw in progress finish, then waits until the next one starts or all are done. */
  const release = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { painter, drawn, emit, release, waiting: () => releases.length };
}

const request = (change: Partial<ViewRequest>): ViewRequest => ({ ...DEFAULT_VIEW_REQUEST, ...change });

describe('changedViews', () => {
  it('names the views whose inputs changed', () => {
    expect(changedViews(DEFAULT_VIEW_REQUEST, request({}))).toEqual([]);
    expect(changedViews(DEFAULT_VIEW_REQUEST, request({ evalNoiseLevel: 0.5 }))).toEqual(['grid']);
    expect(changedViews(DEFAULT_VIEW_REQUEST, request({ evalNoiseType: 'masking' }))).toEqual([
      'grid',
      'robustness',
    ]);
    // The comparison shows the grid's images too.
    expect(changedViews(DEFAULT_VIEW_REQUEST, request({ gridTestIndices: [0, 1] }))).toEqual([
      'grid',
      'comparison',
    ]);
    expect(changedViews(DEFAULT_VIEW_REQUEST, request({ comparedRuns: ['a'] }))).toEqual(['comparison']);
    expect(
      changedViews(DEFAULT_VIEW_REQUEST, request({ runsNoise: { type: 'gaussian', level: 0.5 } })),
    ).toEqual(['comparison']);
    expect(changedViews(DEFAULT_VIEW_REQUEST, request({ latentPoint: { x: 0, y: 0 } }))).toEqual([
      'decodedPoint',
    ]);
    expect(changedViews(DEFAULT_VIEW_REQUEST, request({ manifoldGridSize: 9 }))).toEqual(['latent']);
    expect(changedViews(DEFAULT_VIEW_REQUEST, request({ stripNoiseLevels: [0.5] }))).toEqual(['robustness']);
  });
});

describe('ViewPainter', () => {
  it('draws nothing before a session is attached, then from the latest request', async () => {
    const { painter, drawn, emit, release } = slowPainter();
    await painter.setRequest(request({ evalNoiseLevel: 0.5 }), emit);
    expect(drawn).toEqual([]);
    painter.attach('run 1');
    const done = painter.redraw(['grid'], emit);
    await release();
    await done;
    expect(drawn).toEqual([{ session: 'run 1', part: 'grid', level: 0.5 }]);
  });

  it('draws one view at a time and again when a request changes it mid-draw', async () => {
    const { painter, drawn, emit, release } = slowPainter();
    painter.attach('run');
    const epoch = painter.redraw(['grid', 'decodedPoint'], emit);
    const slider = [0.3, 0.4, 0.5].map((level) =>
      painter.setRequest(request({ evalNoiseLevel: level }), emit),
    );
    for (let i = 0; i < 3; i++) await release();
    await Promise.all([epoch, ...slider]);
    // The grid in progress finished at 0.25; three slider moves made ONE more grid, at the latest.
    expect(drawn.map(({ part, level }) => [part, level])).toEqual([
      ['grid', 0.25],
      ['grid', 0.5],
      ['decodedPoint', 0.5],
    ]);
  });

  it('stops at detach: the view in progress ends, the pending ones are dropped', async () => {
    const { painter, drawn, emit, release, waiting } = slowPainter();
    painter.attach('old');
    const all = painter.redraw(['grid', 'robustness', 'latent'], emit);
    const detached = painter.detach();
    await release();
    await Promise.all([all, detached]);
    expect(drawn.map((d) => d.part)).toEqual(['grid']);
    expect(waiting()).toBe(0);
    painter.attach('new');
    const next = painter.redraw(['latent'], emit);
    await release();
    await next;
    expect(drawn.at(-1)).toMatchObject({ session: 'new', part: 'latent' });
  });

  it('rejects the waiting redraws when a view fails, and draws again afterwards', async () => {
    let fail = true;
    const painter = new ViewPainter<string>(DEFAULT_VIEW_REQUEST, async () => {
      if (fail) throw new Error('device lost');
    });
    const emit = (event: WorkerEvent) => void event;
    painter.attach('run');
    await expect(painter.redraw(['grid', 'latent'], emit)).rejects.toThrow('device lost');
    fail = false;
    await expect(painter.redraw(['grid'], emit)).resolves.toBeUndefined();
  });

  it('stops at a yield point between chunks, keeps the views left, and resumes them', async () => {
    const chunks: string[] = [];
    let stopAfterChunk: string | null = null;
    const painter = new ViewPainter<string>(
      DEFAULT_VIEW_REQUEST,
      async (_session, _request, part, _emit, between) => {
        for (let chunk = 0; chunk < 3; chunk++) {
          if (chunk > 0) await between();
          chunks.push(`${part}${chunk}`);
          if (stopAfterChunk === `${part}${chunk}`) painter.stop();
        }
      },
      () => new Promise((resolve) => setTimeout(resolve, 0)),
    );
    const emit = (event: WorkerEvent) => void event;
    painter.attach('run');
    stopAfterChunk = 'robustness1';
    await expect(painter.redraw(['grid', 'robustness', 'latent'], emit)).rejects.toThrow('cancelled');
    expect(chunks).toEqual(['grid0', 'grid1', 'grid2', 'robustness0', 'robustness1']);
    stopAfterChunk = null;
    chunks.length = 0;
    await painter.resume(emit);
    // The stopped view starts again, then the one never begun; the finished one is not redrawn.
    expect(chunks).toEqual(['robustness0', 'robustness1', 'robustness2', 'latent0', 'latent1', 'latent2']);
  });

  it('lets a new request preempt a long view at its next chunk and draws that view again after', async () => {
    const chunks: string[] = [];
    const painter = new ViewPainter<string>(
      DEFAULT_VIEW_REQUEST,
      async (_session, request, part, _emit, between) => {
        for (let chunk = 0; chunk < 3; chunk++) {
          if (chunk > 0) await between();
          chunks.push(`${part}${chunk}@${request.evalNoiseLevel}`);
        }
      },
      () => new Promise((resolve) => setTimeout(resolve, 0)),
    );
    const emit = (event: WorkerEvent) => void event;
    painter.attach('run');
    const epoch = painter.redraw(['latent'], emit);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const slider = painter.setRequest(request({ evalNoiseLevel: 0.9 }), emit);
    await Promise.all([epoch, slider]);
    expect(chunks.filter((c) => c.startsWith('grid'))).toEqual(['grid0@0.9', 'grid1@0.9', 'grid2@0.9']);
    // The grid came before the latent view finished; the latent view was drawn whole after it.
    expect(chunks.indexOf('grid0@0.9')).toBeLessThan(chunks.lastIndexOf('latent0@0.9'));
    expect(chunks.slice(-3)).toEqual(['latent0@0.9', 'latent1@0.9', 'latent2@0.9']);
  });
});
