export interface ReduceLrOnPlateauOptions {
  factor: number;
  patience: number;
  /** Relative improvement needed to count as better. */
  threshold?: number;
  cooldown?: number;
  minLr?: number;
  /** Reductions smaller than this are skipped. */
  eps?: number;
}

/** The scheduler's counters, as torch's `state_dict()` keeps them (saved runs). */
export interface PlateauState {
  best: number;
  numBadEpochs: number;
  cooldownCounter: number;
}

/** torch.optim.lr_scheduler.ReduceLROnPlateau with mode 'min' and threshold_mode 'rel'. */
export class ReduceLrOnPlateau {
  private readonly factor: number;
  private readonly patience: number;
  private readonly threshold: number;
  private readonly cooldown: number;
  private readonly minLr: number;
  private readonly eps: number;
  private best = Infinity;
  private numBadEpochs = 0;
  private cooldownCounter = 0;

  constructor(options: ReduceLrOnPlateauOptions) {
    if (!(options.factor < 1)) throw new Error('factor should be < 1');
    this.factor = options.factor;
    this.patience = options.patience;
    this.threshold = options.threshold ?? 1e-4;
    this.cooldown = options.cooldown ?? 0;
    this.minLr = options.minLr ?? 0;
    this.eps = options.eps ?? 1e-8;
  }

  get bestMetric(): number {
    return this.best;
  }

  get badEpochs(): number {
    return this.numBadEpochs;
  }

  get state(): PlateauState {
    return { best: this.best, numBadEpochs: this.numBadEpochs, cooldownCounter: this.cooldownCounter };
  }

  restore(state: PlateauState): void {
    ({ best: this.best, numBadEpochs: this.numBadEpochs, cooldownCounter: this.cooldownCounter } = state);
  }

  step(metric: number, currentLr: number): { learningRate: number; reduced: boolean } {
    // A NaN metric is never better, as in torch.
    if (metric < this.best * (1 - this.threshold)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs <= this.patience) return { learningRate: currentLr, reduced: false };
    this.cooldownCounter = this.cooldown;
    this.numBadEpochs = 0;
    const newLr = Math.max(currentLr * this.factor, this.minLr);
    if (currentLr - newLr > this.eps) return { learningRate: newLr, reduced: true };
    return { learningRate: currentLr, reduced: false };
  }
}
