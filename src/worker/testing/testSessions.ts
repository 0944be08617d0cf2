/**
 * Training sessions for tests: the tfjs step over synthetic images, their events recorded, and
 * every session a test file made disposed after each test.
 */
import { afterEach } from 'vitest';
import type { TrainingConfig } from '../../shared/config';
import type { WorkerEvent } from '../../shared/protocol';
import { createTrainingSession } from '../training/createTrainingSession';
import { createRunSplits, disposeRunSplits } from '../training/splits';
import type { syntheticSplit } from '../training/syntheticImages';
import { TfjsStepper } from '../training/tfjsStepper';
import type { TrainingSession } from '../training/trainingSession';

type Split = ReturnType<typeof syntheticSplit>;

/** Call at a test file's top level; the returned function makes sessions on `dataset`. */
export function testSessions(dataset: { train: Split; test: Split }) {
  const sessions: TrainingSession[] = [];
  afterEach(() => {
    for (const session of sessions.splice(0)) {
      disposeRunSplits(session.splits);
      session.dispose();
    }
  });
  return async function newTestSession(
    runConfig: TrainingConfig,
    onEpochEnded: (session: TrainingSession) => Promise<void> = async () => undefined,
  ): Promise<{ session: TrainingSession; events: WorkerEvent[] }> {
    const events: WorkerEvent[] = [];
    const splits = createRunSplits(dataset, 'test');
    const session: TrainingSession = await createTrainingSession(
      runConfig,
      splits,
      (event) => events.push(event),
      () => onEpochEnded(session),
      async (model) => ({ stepper: new TfjsStepper(model, runConfig, splits.trainPixels), reason: 'test' }),
    );
    sessions.push(session);
    return { session, events };
  };
}
