/**
 * The worker's side of kept runs: keeping the stopped current run (its best checkpoint's weights),
 * deleting one, scoring them all at the table's evaluation noise, and the comparison view.
 */
import type { EmitEvent, RunStatus, WorkerCommand } from '../../shared/protocol';
import { usableEvaluationNoise, type KeptRunSummary } from '../../shared/runs';
import type { ViewRequest } from '../../shared/viewRequest';
import type { TrainingSession } from '../training/trainingSession';
import { EvaluationInputs, type TestSplitSource } from './evaluationInputs';
import { KeptRunEvaluation } from './keptRunEvaluation';
import { KeptRuns } from './keptRuns';
import { RunComparer } from './runComparer';

export type RunsCommand = Extract<WorkerCommand, { type: 'keepRun' | 'deleteKeptRun' }>;

export interface RunsDependencies {
  session(): TrainingSession | null;
  status(): RunStatus;
  testSplit: TestSplitSource;
  yieldToEvents(): Promise<void>;
}

export function createRunsCommands(deps: RunsDependencies) {
  const runs = new KeptRuns();
  const evaluation = new KeptRunEvaluation(runs, new EvaluationInputs(deps.testSplit), deps.yieldToEvents);
  const comparer = new RunComparer(runs, deps.testSplit);
  const refuse = (message: string, emit: EmitEvent) => emit({ type: 'failed', message });

  async function keepRun(command: Extract<RunsCommand, { type: 'keepRun' }>, emit: EmitEvent) {
    const session = deps.session();
    const status = deps.status();
    if (!session || (status !== 'paused' && status !== 'done')) {
      return refuse('Only a paused or finished run can be kept: pause it first.', emit);
    }
    const best = await session.best.readWeights();
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
    runs.add({ summary, weights: best.weights });
    emit({ type: 'runKept', run: summary });
    evaluation.evaluate(summary.runId, emit);
  }

  return {
    comparer,
    evaluation,
    async handle(command: RunsCommand, emit: EmitEvent): Promise<void> {
      if (command.type === 'keepRun') return keepRun(command, emit);
      evaluation.forget(command.runId);
      if (runs.delete(command.runId)) emit({ type: 'keptRunDeleted', runId: command.runId });
    },
    /** The table's evaluation noise comes with every view request. */
    setRequest(request: ViewRequest, emit: EmitEvent): void {
      evaluation.setNoise(usableEvaluationNoise(request.runsNoise), emit);
    },
  };
}

export type RunsCommands = ReturnType<typeof createRunsCommands>;
