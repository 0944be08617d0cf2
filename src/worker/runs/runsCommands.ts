/**
 * The worker's side of kept runs: keeping the stopped current run (its best checkpoint's weights),
 * deleting one, storing them for the next visit, scoring them all at the table's evaluation noise,
 * and the comparison view.
 */
import type { EmitEvent, RunStatus, WorkerCommand } from '../../shared/protocol';
import { usableEvaluationNoise, type KeptRunSummary } from '../../shared/runs';
import type { ViewRequest } from '../../shared/viewRequest';
import type { DatasetCache } from '../data/datasetCache';
import type { TrainingSession } from '../training/trainingSession';
import { EvaluationInputs, type TestSplitSource } from './evaluationInputs';
import { KeptRunEvaluation } from './keptRunEvaluation';
import { KeptRuns } from './keptRuns';
import { KeptRunStorage } from './keptRunStorage';
import { RunComparer } from './runComparer';
import { messageOf } from '../../shared/errorMessage';

export type RunsCommand = Extract<WorkerCommand, { type: 'keepRun' | 'deleteKeptRun' }>;

export interface RunsDependencies {
  session(): TrainingSession | null;
  status: { readonly status: RunStatus };
  datasets: Pick<DatasetCache, 'testSplit'>;
  yieldToEvents(): Promise<void>;
  storage?: KeptRunStorage;
}

export function createRunsCommands(deps: RunsDependencies) {
  const runs = new KeptRuns();
  const testSplit: TestSplitSource = (dataset, testSubset) => deps.datasets.testSplit(dataset, testSubset);
  const evaluation = new KeptRunEvaluation(runs, new EvaluationInputs(testSplit), deps.yieldToEvents);
  const comparer = new RunComparer(runs, testSplit);
  const storage = deps.storage ?? new KeptRunStorage();
  const refuse = (message: string, emit: EmitEvent) => emit({ type: 'failed', message });

  async function keepRun(command: Extract<RunsCommand, { type: 'keepRun' }>, emit: EmitEvent) {
    const session = deps.session();
    const { status } = deps.status;
    if (!session || (status !== 'paused' && status !== 'done')) {
      return refuse('Only a paused or finished run can be kept: pause it first.', emit);
    }
    const best = await session.best.saved();
    if (!best) return refuse('Nothing to keep yet: a run is kept with its best epoch, so finish one.', emit);
    const summary: KeptRunSummary = {
      runId: crypto.randomUUID(),
      name: command.name,
      keptAtMs: Date.now(),
      config: session.config,
      latentDimensions: session.evaluationModel().latentSize,
      epochsTrained: session.epoch,
      bestEpoch: best.epoch,
      curves: command.curves,
      metrics: null,
    };
    const run = { summary, weights: best.weights };
    runs.add(run);
    emit({ type: 'runKept', run: summary });
    evaluation.evaluate(summary.runId, emit);
    await storage
      .put(run)
      .catch((error: unknown) =>
        refuse(`The run is kept for this visit only: storing it failed (${messageOf(error)}).`, emit),
      );
  }

  return {
    comparer,
    async handle(command: RunsCommand, emit: EmitEvent): Promise<void> {
      if (command.type === 'keepRun') return keepRun(command, emit);
      evaluation.forget(command.runId);
      if (runs.delete(command.runId)) emit({ type: 'keptRunDeleted', runId: command.runId });
      await storage
        .delete(command.runId)
        .catch((error: unknown) => refuse(`Deleting the stored run failed: ${messageOf(error)}`, emit));
    },
    /** The kept runs stored by earlier visits, into the table and scored again. */
    async restore(emit: EmitEvent): Promise<void> {
      try {
        (await storage.list()).forEach((run) => runs.add(run));
      } catch (error) {
        return refuse(`The kept runs of earlier visits could not be read: ${messageOf(error)}`, emit);
      }
      const restored = runs.list();
      if (restored.length === 0) return;
      emit({ type: 'keptRunsLoaded', runs: restored.map((run) => run.summary) });
      restored.forEach((run) => evaluation.evaluate(run.summary.runId, emit));
    },
    /** The table's evaluation noise comes with every view request. */
    setRequest(request: ViewRequest, emit: EmitEvent): void {
      evaluation.setNoise(usableEvaluationNoise(request.runsNoise), emit);
    },
  };
}
