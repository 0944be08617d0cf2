/**
 * The worker's brain as a plain `(command, emit)` function, so tests can drive it without a
 * Worker. It owns the loaded data and the current TrainingSession, and turns every failure into
 * a `failed` event instead of a dead worker.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName, TrainingConfig } from '../shared/config';
import { validateConfig } from '../shared/config';
import {
  assertNever,
  type BackendChoice,
  type EmitEvent,
  type RunStatus,
  type WorkerCommand,
} from '../shared/protocol';
import { DEFAULT_VIEW_REQUEST } from '../shared/viewRequest';
import type { LoadedDataset } from './data/loadDataset';
import { createPersistence } from './persistence/persistenceCommands';
import { chooseStepper } from './training/chooseStepper';
import { TrainingSession } from './training/trainingSession';
import { createRunSplits, disposeRunSplits } from './training/splits';
import { drawView, VIEW_PARTS } from './views/panelViews';
import { MODEL_VIEWS, ViewPainter } from './views/viewPainter';

export interface HandlerDependencies {
  selectBackend(forced: BackendName | null): Promise<BackendChoice>;
  loadDataset(
    baseUrl: string,
    options: {
      trainSubset: number | null;
      testSubset: number | null;
      onProgress?: (file: string, loadedBytes: number, totalBytes: number | null) => void;
    },
  ): Promise<LoadedDataset>;
  /** Lets queued messages (pause, slider moves) in between training steps. */
  yieldToEvents(): Promise<void>;
  watchDeviceLoss(onLost: (message: string) => void): void;
}

export type CommandHandler = (command: WorkerCommand, emit: EmitEvent) => Promise<void>;

export function createCommandHandler(deps: HandlerDependencies): CommandHandler {
  let data: LoadedDataset | null = null;
  let dataKey = '';
  let dataBaseUrl = '';
  let session: TrainingSession | null = null;
  let runLoop: Promise<void> | null = null;
  // The page sends its request with `initialize`; the default only types the state before it.
  const painter = new ViewPainter<TrainingSession>(DEFAULT_VIEW_REQUEST, drawView);
  let failed = false;
  const persistence = createPersistence({
    session: () => session,
    newSession: (config, emit) => newSession(config, emit),
    stopRunLoop: () => stopRunLoop(),
    startRunLoop: (current, emit) => startRunLoop(current, emit),
    redraw: (parts, emit) => painter.redraw(parts, emit),
  });

  const setStatus = (next: RunStatus, emit: EmitEvent) => {
    emit({ type: 'statusChanged', status: next });
  };

  const fail = (error: unknown, emit: EmitEvent) => {
    failed = true;
    session?.pause();
    emit({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    setStatus('failed', emit);
  };

  async function ensureData(config: TrainingConfig, emit: EmitEvent): Promise<LoadedDataset> {
    const key = `${config.dataset}|${config.trainSubset}|${config.testSubset}`;
    if (data && key === dataKey) return data;
    const startedMs = performance.now();
    data = null;
    const loaded = await deps.loadDataset(new URL(`data/${config.dataset}/`, dataBaseUrl).href, {
      trainSubset: config.trainSubset,
      testSubset: config.testSubset,
      onProgress: (file, loadedBytes, totalBytes) =>
        emit({ type: 'dataLoadProgressed', file, loadedBytes, totalBytes }),
    });
    data = loaded;
    dataKey = key;
    const testImages = Uint8Array.from(loaded.test.images, (value) => Math.round(value * 255));
    const testLabels = loaded.test.labels.slice(0, loaded.test.count);
    emit(
      {
        type: 'dataLoaded',
        trainCount: loaded.train.count,
        validationCount:
          config.validation === 'test' ? loaded.test.count : Math.round(loaded.train.count * 0.1),
        testCount: loaded.test.count,
        elapsedMs: performance.now() - startedMs,
        testImages,
        testLabels,
      },
      [testImages.buffer, testLabels.buffer],
    );
    return loaded;
  }

  async function newSession(config: TrainingConfig, emit: EmitEvent) {
    const problems = validateConfig(config);
    if (problems.length > 0) throw new Error(`Settings out of range: ${problems.join('; ')}`);
    await stopRunLoop();
    const loaded = await ensureData(config, emit);
    await painter.detach();
    disposeSession();
    const splits = createRunSplits(loaded, config.validation);
    const created = await TrainingSession.create(
      config,
      splits,
      emit,
      () => painter.redraw(VIEW_PARTS, emit),
      (model) => chooseStepper(model, config, splits),
    ).catch((error: unknown) => {
      disposeRunSplits(splits);
      throw error;
    });
    session = created;
    failed = false;
    await persistence.beginRun();
    emit({
      type: 'runReset',
      config,
      trainStep: created.stepper.kind,
      trainStepReason: created.stepperReason,
      numTensors: tf.memory().numTensors,
    });
    setStatus('idle', emit);
    painter.attach(created);
    await painter.redraw(MODEL_VIEWS, emit);
  }

  function disposeSession() {
    if (!session) return;
    disposeRunSplits(session.splits);
    session.dispose();
    session = null;
  }

  async function stopRunLoop() {
    session?.pause();
    await runLoop;
  }

  function startRunLoop(current: TrainingSession, emit: EmitEvent) {
    setStatus('training', emit);
    const yieldAndSave = () => deps.yieldToEvents().then(() => persistence.saveIfDue(current, emit));
    runLoop = current
      .run(yieldAndSave)
      .then(() => persistence.save(current, emit))
      .then(() => {
        if (session === current && !failed) setStatus(current.isFinished ? 'done' : 'paused', emit);
      })
      .catch((error: unknown) => fail(error, emit))
      .finally(() => {
        runLoop = null;
      });
  }

  async function handle(command: WorkerCommand, emit: EmitEvent): Promise<void> {
    switch (command.type) {
      case 'initialize': {
        dataBaseUrl = command.dataBaseUrl;
        await painter.setRequest(command.views, emit);
        setStatus('loading', emit);
        const choice = await deps.selectBackend(command.config.backend);
        emit({ type: 'backendSelected', ...choice });
        deps.watchDeviceLoss((message) => {
          fail(new Error(`${message} Restarting from the last save…`), emit);
          emit({ type: 'deviceLost', message });
        });
        if (command.recovery) return persistence.recover(command.recovery, command.config, emit);
        await newSession(command.config, emit);
        await persistence.offerLatest(emit);
        return;
      }
      case 'reset': {
        const problems = validateConfig(command.config);
        if (problems.length > 0 && session && !failed) {
          // A refused reset keeps the current run: the user loses nothing.
          emit({ type: 'failed', message: `Settings out of range: ${problems.join('; ')}` });
          return;
        }
        setStatus('loading', emit);
        try {
          await newSession(command.config, emit);
        } catch (error) {
          // Data for the new settings failed to load: report it and keep the current run usable.
          if (!session || failed) throw error;
          emit({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
          setStatus(session.isFinished ? 'done' : session.step > 0 ? 'paused' : 'idle', emit);
        }
        return;
      }
      case 'start':
      case 'resume':
        if (session && !session.isRunning && !session.isFinished && !failed) startRunLoop(session, emit);
        return;
      case 'pause':
        session?.pause();
        return;
      case 'step':
        if (!session || session.isRunning || session.isFinished || failed) return;
        setStatus('training', emit);
        await session.trainOneStep();
        await session.settle();
        await persistence.save(session, emit);
        session.pause();
        setStatus(session.isFinished ? 'done' : 'paused', emit);
        return;
      case 'restoreBest': {
        const restored = await session?.restoreBest();
        if (!session || !restored) return;
        emit({ type: 'bestRestored', ...restored });
        await painter.redraw(VIEW_PARTS, emit);
        return;
      }
      case 'setViews':
        await painter.setRequest(command.views, emit);
        return;
      case 'runBenchmark': {
        await stopRunLoop();
        await painter.detach();
        disposeSession();
        const dataset = await deps.loadDataset(new URL('data/fashion-mnist/', command.dataBaseUrl).href, {
          trainSubset: command.request.trainSubset,
          testSubset: 1,
        });
        const { runBenchmark } = await import('./bench/benchmark');
        const activate = async (backend: BackendName) => {
          const choice = await deps.selectBackend(backend);
          return choice.backend === backend ? (choice.adapterDescription ?? backend) : null;
        };
        const progress = (message: string) => emit({ type: 'benchmarkProgressed', message });
        emit({
          type: 'benchmarkFinished',
          result: await runBenchmark(command.request, dataset, activate, progress),
        });
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

  return async (command, sendEvent) => {
    // The saved run keeps the curves and metrics the page is sent.
    const emit: EmitEvent = (event, transfer) => {
      persistence.observe(event);
      sendEvent(event, transfer);
    };
    try {
      await handle(command, emit);
    } catch (error) {
      fail(error, emit);
    }
  };
}
