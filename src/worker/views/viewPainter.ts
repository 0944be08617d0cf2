/**
 * Keeps the page's latest view request and redraws views from (model, request). Views are drawn
 * one at a time, in order, each from the request current when it starts; a request that changes
 * a view while it draws marks it to be drawn again. So the last event of every view always comes
 * from the latest request, and none from an older request follows one from a newer.
 * A view is drawn in chunks with yield points between: a new request preempts it (it is drawn
 * again after the views the request changed) and `stop` (pause, reset) ends the drawing, keeping
 * what was left for `resume`.
 */
import type { EmitEvent } from '../../shared/protocol';
import { Cancelled, isCancelled, type YieldPoint } from '../control/cancellation';
import { sameNoise } from '../../shared/runs';
import { usableViewRequest, type ViewRequest } from '../../shared/viewRequest';
import { VIEW_PARTS, type ViewPart } from './panelViews';

export type DrawView<Session> = (
  session: Session,
  request: ViewRequest,
  part: ViewPart,
  emit: EmitEvent,
  between: YieldPoint,
) => Promise<void>;

/** What a new model (a reset) shows; metrics need a trained epoch. */
export const MODEL_VIEWS: readonly ViewPart[] = VIEW_PARTS.filter((part) => part !== 'metrics');

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** The views whose inputs differ between two requests. */
export function changedViews(previous: ViewRequest, next: ViewRequest): ViewPart[] {
  const noiseTypeChanged = previous.evalNoiseType !== next.evalNoiseType;
  const changed: Record<ViewPart, boolean> = {
    grid:
      noiseTypeChanged ||
      previous.evalNoiseLevel !== next.evalNoiseLevel ||
      !sameList(previous.gridTestIndices, next.gridTestIndices),
    robustness: noiseTypeChanged || !sameList(previous.stripNoiseLevels, next.stripNoiseLevels),
    metrics: false,
    latent: previous.manifoldGridSize !== next.manifoldGridSize,
    decodedPoint:
      previous.latentPoint?.x !== next.latentPoint?.x || previous.latentPoint?.y !== next.latentPoint?.y,
    comparison:
      !sameList(previous.comparedRuns, next.comparedRuns) ||
      !sameNoise(previous.runsNoise, next.runsNoise) ||
      !sameList(previous.gridTestIndices, next.gridTestIndices),
  };
  return VIEW_PARTS.filter((part) => changed[part]);
}

interface Waiter {
  parts: Set<ViewPart>;
  resolve(): void;
  reject(error: unknown): void;
}

/** Generic over the session only so tests can draw without a model. */
export class ViewPainter<Session> {
  private latest: ViewRequest;
  private session: Session | null = null;
  private readonly pending = new Set<ViewPart>();
  private waiters: Waiter[] = [];
  private drawing = false;
  private drawn: Promise<void> = Promise.resolve();
  /** Bumped by `stop`: the drawing loop ends at the next yield point. */
  private stops = 0;
  /** Bumped by a new request: the view being drawn starts again later. */
  private preemptions = 0;

  constructor(
    request: ViewRequest,
    private readonly draw: DrawView<Session>,
    private readonly yieldToEvents: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.latest = usableViewRequest(request);
  }

  get request(): ViewRequest {
    return this.latest;
  }

  /** Keeps `request` and redraws the views it changes; resolves once they are drawn. */
  setRequest(request: ViewRequest, emit: EmitEvent): Promise<void> {
    const next = usableViewRequest(request);
    const changed = changedViews(this.latest, next);
    this.latest = next;
    if (changed.length > 0) this.preemptions += 1;
    return this.redraw(changed, emit);
  }

  /** Ends the drawing at its next yield point; its waiters reject with Cancelled, its views stay pending. */
  stop(): void {
    this.stops += 1;
  }

  /** Draws the views a `stop` left pending. */
  resume(emit: EmitEvent): Promise<void> {
    return this.redraw([...this.pending], emit);
  }

  /** Draws for `session` from now on. */
  attach(session: Session): void {
    this.session = session;
  }

  /** Stops drawing and waits for the view being drawn, so the session can be disposed. */
  async detach(): Promise<void> {
    this.session = null;
    this.pending.clear();
    this.stop();
    await this.drawn;
  }

  /** Redraws `parts` from the latest request; resolves once each is drawn (or nothing is attached). */
  redraw(parts: readonly ViewPart[], emit: EmitEvent): Promise<void> {
    if (!this.session || parts.length === 0) return Promise.resolve();
    parts.forEach((part) => this.pending.add(part));
    const done = new Promise<void>((resolve, reject) =>
      this.waiters.push({ parts: new Set(parts), resolve, reject }),
    );
    if (!this.drawing) {
      this.drawing = true;
      this.drawn = this.drawPending(emit);
    }
    return done;
  }

  /** Never rejects: a failed draw rejects its waiters instead. */
  private async drawPending(emit: EmitEvent): Promise<void> {
    let failure: { error: unknown } | null = null;
    const stopsAtStart = this.stops;
    try {
      for (let part = this.nextPart(); part && this.session; part = this.nextPart()) {
        if (this.stops !== stopsAtStart) throw new Cancelled();
        this.pending.delete(part);
        const preemptionsAtStart = this.preemptions;
        const between = async () => {
          await this.yieldToEvents();
          if (this.stops !== stopsAtStart || this.preemptions !== preemptionsAtStart) throw new Cancelled();
        };
        try {
          await this.draw(this.session, this.latest, part, emit, between);
          this.settle(part);
        } catch (error) {
          if (!isCancelled(error)) throw error;
          if (this.session) this.pending.add(part);
          if (this.stops !== stopsAtStart) throw error;
        }
      }
    } catch (error) {
      failure = { error };
      if (!isCancelled(error)) this.pending.clear();
    }
    // Synchronously with the loop's end, so a redraw asked from now on starts a new loop.
    this.drawing = false;
    // Detached or failed: what was still pending is not drawn.
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((waiter) => (failure ? waiter.reject(failure.error) : waiter.resolve()));
  }

  /** Pending views in a fixed order: the grid the user looks at first, latent codes last. */
  private nextPart(): ViewPart | undefined {
    return VIEW_PARTS.find((part) => this.pending.has(part));
  }

  private settle(part: ViewPart): void {
    this.waiters = this.waiters.filter((waiter) => {
      waiter.parts.delete(part);
      if (waiter.parts.size === 0) waiter.resolve();
      return waiter.parts.size > 0;
    });
  }
}
