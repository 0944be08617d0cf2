/**
 * Saved runs and files for the command handler: resuming a saved run (the resume button, or a
 * restarted worker), exporting and importing the model and the run, and the device-loss hook.
 * A failed import or resume says why and leaves the current run as it was.
 */
import type { TrainingConfig } from '../../shared/config';
import {
  assertNever,
  type EmitEvent,
  type PersistenceCommand,
  type WorkerEvent,
} from '../../shared/protocol';
import { loseDevice } from '../backend/deviceLoss';
import type { TrainingSession } from '../training/trainingSession';
import { VIEW_PARTS, type ViewPart } from '../views/panelViews';
import { exportModelFiles, importModelFiles, layoutOf } from './modelFiles';
import { RunHistoryRecorder } from './runHistoryRecorder';
import { RunSaver } from './runSaver';
import { checkpointMismatch } from './sessionCheckpoint';
import { messageOf } from '../../shared/errorMessage';

/** What the handler lends: its current session and the ways it starts, stops and redraws runs. */
export interface RunControls {
  session(): TrainingSession | null;
  /** `prepare` brings the new session to a saved state before it is shown and its status set. */
  newSession(
    config: TrainingConfig,
    emit: EmitEvent,
    prepare?: (session: TrainingSession) => Promise<void>,
  ): Promise<void>;
  stopRunLoop(): Promise<void>;
  startRunLoop(session: TrainingSession, emit: EmitEvent): void;
  redraw(parts: readonly ViewPart[], emit: EmitEvent): Promise<void>;
}

export function createPersistence(controls: RunControls) {
  const recorder = new RunHistoryRecorder();
  const saver = new RunSaver(recorder);

  const currentSession = (): TrainingSession => {
    const session = controls.session();
    if (!session) throw new Error('There is no run yet.');
    return session;
  };

  /** Loads the saved run into a new session and trains on; throws with the reason it cannot. */
  async function resume(runId: string, emit: EmitEvent): Promise<TrainingSession> {
    const saved = await saver.load(runId, emit);
    if (!saved) throw new Error('The saved run is gone or unreadable.');
    await controls.newSession(saved.config, emit, async (session) => {
      const variables = session.evaluationModel().namedState.map(({ variable }) => variable);
      const stateSize = variables.reduce((sum, variable) => sum + variable.size, 0);
      const { splits, stepsPerEpoch } = session;
      const problem = checkpointMismatch(saved.checkpoint, { splits, stepsPerEpoch, stateSize });
      if (problem) throw new Error(`Cannot resume the saved run: ${problem}.`);
      await session.resumeFrom(saved.checkpoint);
      await saver.beginRun(saved.summary);
      const { epoch, step, learningRate } = session;
      emit({
        type: 'runRestored',
        history: saved.history,
        epoch,
        step,
        learningRate,
        savedRun: saved.summary,
      });
    });
    const session = currentSession();
    if (!session.isFinished) controls.startRunLoop(session, emit);
    return session;
  }

  async function handle(command: PersistenceCommand, emit: EmitEvent): Promise<void> {
    switch (command.type) {
      case 'resumeSavedRun':
        await resume(command.runId, emit);
        return;
      case 'exportModel': {
        const files = await exportModelFiles(currentSession().evaluationModel());
        emit(
          { type: 'modelExported', ...files },
          files.weightFiles.map((file) => file.data),
        );
        return;
      }
      case 'importModel': {
        const session = currentSession();
        // Every check runs before the run is touched.
        const flat = await importModelFiles(command.files, layoutOf(session.evaluationModel()));
        await controls.stopRunLoop();
        await session.loadWeights(flat);
        await controls.redraw(VIEW_PARTS, emit);
        return;
      }
      case 'importRun': {
        const { run } = command;
        await controls.newSession(run.config, emit, (session) => {
          // The curves and the rate come back; the weights are the seed's until a model file is imported.
          session.continueAt(run.epoch, run.step, run.learningRate);
          const { epoch, step, learningRate } = session;
          emit({ type: 'runRestored', history: run.history, epoch, step, learningRate, savedRun: null });
          return Promise.resolve();
        });
        return;
      }
      case 'loseDevice':
        loseDevice();
        return;
      default:
        assertNever(command);
    }
  }

  return {
    observe: (event: WorkerEvent) => recorder.observe(event),
    beginRun: () => saver.beginRun(),
    saveIfDue: (session: TrainingSession, emit: EmitEvent) => saver.saveIfDue(session, emit),
    save: (session: TrainingSession, emit: EmitEvent) => saver.save(session, emit),
    async offerLatest(emit: EmitEvent): Promise<void> {
      emit({ type: 'savedRunFound', run: await saver.latest(emit) });
    },
    /** A failed command says why in `failed` and leaves the run and its status as they were. */
    async handle(command: PersistenceCommand, emit: EmitEvent): Promise<void> {
      try {
        await handle(command, emit);
      } catch (error) {
        emit({ type: 'failed', message: messageOf(error) });
      }
    },
    /** A restarted worker: resumes its tab's last save, else starts the configured run, then says so. */
    async recover(
      recovery: { runId: string | null; reason: string },
      config: TrainingConfig,
      emit: EmitEvent,
    ) {
      let outcome = 'Nothing was saved yet: the run starts again.';
      if (recovery.runId) {
        try {
          const session = await resume(recovery.runId, emit);
          outcome = `Resumed from the last save (epoch ${session.epoch}, step ${session.step}).`;
        } catch (error) {
          outcome = `${messageOf(error)} The run starts again.`;
        }
      }
      if (!controls.session()) await controls.newSession(config, emit);
      emit({ type: 'failed', message: `${recovery.reason} ${outcome}` });
    },
  };
}

export type Persistence = ReturnType<typeof createPersistence>;
