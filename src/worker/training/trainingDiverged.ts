/** A training loss that is NaN or infinite: the run stops and a checkpoint is restored. */
export class TrainingDiverged extends Error {
  constructor(
    readonly step: number,
    readonly loss: number,
  ) {
    super(`The training loss became ${loss} at step ${step}.`);
    this.name = 'TrainingDiverged';
  }

  /** What the page shows, once the handler knows which weights it restored. */
  explain(restoredEpoch: number | null): string {
    const restored =
      restoredEpoch === null
        ? 'the initial weights were restored'
        : `the best checkpoint (epoch ${restoredEpoch}) was restored`;
    return (
      `The loss became ${this.loss} at step ${this.step}: the learning rate is probably too high. ` +
      `Training stopped and ${restored}; lower the learning rate and reset.`
    );
  }
}
