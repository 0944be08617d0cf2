/**
 * The worker's brain as a plain `(command, emit)` function, so tests can drive it without a
 * Worker. It owns the loaded data and the current TrainingSession, and turns every failure into
 * a `failed` event instead of a dead worker.
 */
import * as tf from '@tensorflow/tfjs';
import { validateConfig, type BackendName, type TrainingConfig } from '../shared/config';
import { assertNever, type BackendChoice, type EmitEvent, type WorkerCommand } from '../shared/protocol';
import { DEFAULT_VIEW_REQUEST } from '../shared/viewRequest';
import { DatasetCache, type LoadDataset } from './data/datasetCache';
import { CancelScope, isCancelled } from './control/cancellation';
import { RunStatusMachine, settledStatus } from './control/runStatusMachine';
import { serialCommands } from './control/serialCommands';
import { createPersistence } from './persistence/persistenceCommands';
import { chooseStepper } from './training/chooseStepper';
import { TrainingDiverged } from './training/trainingDiverged';
import { createTrainingSession } from './training/createTrainingSession';
import type { TrainingSession } from './training/trainingSession';
import { createRunSplits, disposeRunSplits } from './training/splits';
import { createRunsCommands } from './runs/runsCommands';
import { drawView, VIEW_PARTS, type ViewSources } from './views/panelViews';
import { MODEL_VIEWS, ViewPainter } from './views/viewPainter';
import { messageOf } from '../shared/errorMessage';

export interface HandlerDependencies {
  selectBackend(forced: BackendName | null): Promise<BackendChoice>;
  loadDataset: LoadDataset;
  /** A macrotask: lets queued messages (pause, slider moves) in between steps and chunks. */
  yieldToEvents(): Promise<void>;
  watchDeviceLoss(onLost: (message: string) => void): void;
}

export type CommandHandler = (command: WorkerCommand, emit: EmitEvent) => Promise<void>;

export function createCommandHandler(deps: HandlerDependencies): CommandHandler {
  const datasets = new DatasetCache(deps.loadDataset);
  let session: TrainingSession | null = null;
  let runLoop: Promise<void> | null = null;
  const status = new RunStatusMachine();
  // Pause and reset cancel the training loop (and the epoch end it awaits) through this scope.
  const runScope = new CancelScope(deps.yieldToEvents);
  // The page sends its request with `initialize`; the default only types the state before it.
  const painter = new ViewPainter<ViewSources>(DEFAULT_VIEW_REQUEST, drawView, deps.yieldToEvents);
  const runs = createRunsCommands({ ...deps, session: () => session, status, datasets });
  const persistence = createPersistence({
    session: () => session,
    newSession: (config, emit, prepare) => newSession(config, emit, prepare),
    stopRunLoop: () => stopRunLoop(),
    startRunLoop: (current, emit) => startRunLoop(current, emit),
    redraw: (parts, emit) => painter.redraw(parts, emit),
  });

  const fail = (error: unknown, emit: EmitEvent) => {
    session?.pause();
    emit({ type: 'failed', message: messageOf(error) });
    status.to('failed', emit);
  };

  /** Background drawing (not awaited by a command): a stop is normal, anything else a failure. */
  const drawInBackground = (drawing: Promise<void>, emit: EmitEvent) =>
    void drawing.catch((error: unknown) => {
      if (!isCancelled(error)) fail(error, emit);
    });

  /** Stops long work at its next yield point: the training loop, its epoch end, the views. */
  const interrupt = () => {
    session?.pause();
    runScope.cancel();
    painter.stop();
  };

  /** `prepare` (a resumed run) brings the new session to its saved state before its views and status. */
  async function newSession(
    config: TrainingConfig,
    emit: EmitEvent,
    prepare?: (created: TrainingSession) => Promise<void>,
  ) {
    const problems = validateConfig(config);
    if (problems.length > 0) throw new Error(`Settings out of range: ${problems.join('; ')}`);
    await stopRunLoop();
    const loaded = await datasets.get(config, emit);
    await painter.detach();
    disposeSession();
    const splits = createRunSplits(loaded, config.validation);
    const created = await createTrainingSession(
      config,
      splits,
      emit,
      // Stopped by pause or reset like the loop that awaits it.
      () => painter.redraw(VIEW_PARTS, emit),
      (model) => chooseStepper(model, config, splits),
    ).catch((error: unknown) => {
      disposeRunSplits(splits);
      throw error;
    });
    session = created;
    await persistence.beginRun();
    emit({
      type: 'runReset',
      config,
      trainStep: created.stepper.kind,
      trainStepReason: created.stepperReason,
      numTensors: tf.memory().numTensors,
    });
    if (prepare) {
      // A session that failed to take its saved state is not left half-restored.
      await prepare(created).catch(async (error: unknown) => {
        await newSession(config, emit);
        throw error;
      });
    }
    painter.attach({ session: created, comparer: runs.comparer });
    // The panels show the model before the status says it can train (idle: untrained).
    await painter.redraw(MODEL_VIEWS, emit);
    status.to(settledStatus(created), emit);
  }

  function disposeSession() {
    if (!session) return;
    disposeRunSplits(session.splits);
    session.dispose();
    session = null;
  }

  async function stopRunLoop() {
    interrupt();
    await runLoop;
  }

  function startRunLoop(current: TrainingSession, emit: EmitEvent) {
    if (!status.to('training', emit)) return;
    // Saves go between steps, never inside the epoch end's chunks, so pause and reset stay quick.
    runLoop = current
      .run(runScope.begin(), () => persistence.saveIfDue(current, emit))
      .then(() => {
        if (current.isFinished) status.to('done', emit);
        return persistence.save(current, emit);
      })
      .catch((error: unknown) => endedByError(current, error, emit))
      .finally(() => {
        runLoop = null;
      });
  }

  /** A cancelled loop ends quietly (the canceller sets the status); a divergence restores weights. */
  async function endedByError(current: TrainingSession, error: unknown, emit: EmitEvent) {
    if (isCancelled(error)) return;
    if (!(error instanceof TrainingDiverged) || current !== session) return fail(error, emit);
    const restored = await current.restoreAfterDivergence();
    if (restored) emit({ type: 'bestRestored', ...restored });
    fail(new Error(error.explain(restored?.epoch ?? null)), emit);
    drawInBackground(painter.redraw(MODEL_VIEWS, emit), emit);
  }

  async function handle(command: WorkerCommand, emit: EmitEvent): Promise<void> {
    switch (command.type) {
      case 'initialize': {
        datasets.baseUrl = command.dataBaseUrl;
        await painter.setRequest(command.views, emit);
        runs.setRequest(command.views, emit);
        status.to('loading', emit);
        const choice = await deps.selectBackend(command.config.backend);
        emit({ type: 'backendSelected', ...choice });
        deps.watchDeviceLoss((message) => {
          fail(new Error(`${message} Restarting from the last save…`), emit);
          emit({ type: 'deviceLost', message });
        });
        if (command.recovery) await persistence.recover(command.recovery, command.config, emit);
        else await newSession(command.config, emit).then(() => persistence.offerLatest(emit));
        // After the run's data: kept runs of its data set are scored on it, not on a second copy.
        return runs.restore(emit);
      }
      case 'reset': {
        const problems = validateConfig(command.config);
        const usable = session && status.status !== 'failed';
        if (problems.length > 0 && usable) {
          // A refused reset keeps the current run: the user loses nothing.
          emit({ type: 'failed', message: `Settings out of range: ${problems.join('; ')}` });
          return;
        }
        await stopRunLoop();
        status.to('loading', emit);
        try {
          await newSession(command.config, emit);
        } catch (error) {
          // Data for the new settings failed to load: report it and keep the current run usable.
          if (!session || !usable || isCancelled(error)) throw error;
          emit({ type: 'failed', message: messageOf(error) });
          status.to(settledStatus(session), emit);
        }
        return;
      }
      case 'start':
      case 'resume':
        if (session && (status.status === 'idle' || status.status === 'paused')) startRunLoop(session, emit);
        return;
      case 'pause':
        await stopRunLoop();
        if (status.status !== 'training' || !session) return;
        status.to(settledStatus(session), emit);
        // Paused at once; the save follows (a reload then resumes from here).
        await persistence.save(session, emit);
        // The views the pause stopped are drawn while paused; the next command stops them again.
        drawInBackground(painter.resume(emit), emit);
        return;
      case 'step': {
        const current = session;
        if (!current || (status.status !== 'idle' && status.status !== 'paused')) return;
        status.to('training', emit);
        try {
          await current.trainOneStep(runScope.begin());
          await current.settle();
          await persistence.save(current, emit);
        } catch (error) {
          await endedByError(current, error, emit);
        }
        current.pause();
        // Refused after a failure: failed stays.
        status.to(settledStatus(current), emit);
        return;
      }
      case 'restoreBest': {
        if (!session || status.status === 'training' || status.status === 'loading') return;
        const restored = await session.restoreBest();
        if (!restored) return;
        emit({ type: 'bestRestored', ...restored });
        // The history keeps each epoch's metrics: only the views of the model are redrawn.
        await painter.redraw(MODEL_VIEWS, emit);
        return;
      }
      case 'setViews':
        runs.setRequest(command.views, emit);
        await painter.setRequest(command.views, emit);
        return;
      case 'keepRun':
      case 'deleteKeptRun':
        return runs.handle(command, emit);
      case 'injectNonFinite':
        session?.poisonNextLoss();
        return;
      case 'runBenchmark': {
        await stopRunLoop();
        await painter.detach();
        disposeSession();
        const { benchmarkCommand } = await import('./bench/benchmarkCommand');
        await benchmarkCommand(command, deps, emit);
        return;
      }
      case 'resumeSavedRun':
      case 'exportModel':
      case 'importModel':
      case 'importRun':
      case 'loseDevice':
        await persistence.handle(command, emit);
        return;
      default:
        assertNever(command);
    }
  }

  const guarded = async (command: WorkerCommand, sendEvent: EmitEvent) => {
    // The saved run keeps the curves and metrics the page is sent.
    const emit: EmitEvent = (event, transfer) => {
      persistence.observe(event);
      sendEvent(event, transfer);
    };
    try {
      await handle(command, emit);
    } catch (error) {
      // Work a later command cancelled is not a failure.
      if (!isCancelled(error)) fail(error, emit);
    }
  };
  return serialCommands(guarded, (command) => {
    if (INTERRUPTING.has(command.type)) interrupt();
    // The painter orders its own draws and always draws the latest request.
    return RUN_NOW.has(command.type) ? 'run-now' : 'queue';
  });
}

/** Commands that stop long work the moment they arrive, before those queued ahead of them run. */
const INTERRUPTING: ReadonlySet<WorkerCommand['type']> = new Set([
  'pause',
  'reset',
  'initialize',
  'runBenchmark',
]);

/** Commands that touch no run state the queue protects: they act the moment they arrive. */
const RUN_NOW: ReadonlySet<WorkerCommand['type']> = new Set(['setViews', 'injectNonFinite', 'loseDevice']);
