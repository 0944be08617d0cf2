/** The one way worker events enter the store: a batch per animation frame, one `set`. */
import { assertNever, type WorkerEvent } from '../../shared/protocol';
import { applyRunsEvent } from './applyRunsEvent';
import type { PlaygroundState } from './index';

type Patch = Partial<PlaygroundState>;

/** An event's payload: the event without its `type` tag. */
function withoutType<E extends WorkerEvent>(event: E): Omit<E, 'type'> {
  const { type, ...payload } = event;
  void type;
  return payload;
}

function reduce(state: PlaygroundState, patch: Patch, event: WorkerEvent): void {
  const current = { ...state, ...patch };
  switch (event.type) {
    case 'backendSelected':
      Object.assign(patch, {
        backend: event.backend,
        backendReason: event.reason,
        adapterDescription: event.adapterDescription,
      });
      return;
    case 'dataLoadProgressed':
      patch.dataProgress = {
        ...current.dataProgress,
        [event.file]: { loadedBytes: event.loadedBytes, totalBytes: event.totalBytes },
      };
      return;
    case 'dataLoaded':
      patch.dataCounts = {
        train: event.trainCount,
        validation: event.validationCount,
        test: event.testCount,
      };
      patch.testImages = event.testImages;
      patch.testLabels = event.testLabels;
      return;
    case 'statusChanged':
      patch.status = event.status;
      // A new load starts its bar from zero, not from the last load's full files.
      if (event.status === 'loading') patch.dataProgress = {};
      return;
    case 'batchesTrained': {
      const last = event.losses[event.losses.length - 1];
      Object.assign(patch, {
        batchSteps: [...current.batchSteps, ...event.losses.map((l) => l.step)],
        batchLosses: [...current.batchLosses, ...event.losses.map((l) => l.loss)],
        step: last ? last.step : current.step,
        stepInEpoch: event.stepInEpoch,
        stepsPerEpoch: event.stepsPerEpoch,
        epochElapsedMs: event.epochElapsedMs,
        learningRate: event.learningRate,
        numTensors: event.numTensors,
        restoredEpoch: null,
      });
      return;
    }
    case 'epochEnded': {
      const { numTensors, ...record } = withoutType(event);
      Object.assign(patch, {
        epochRecords: [...current.epochRecords, record],
        epoch: event.epoch,
        step: event.step,
        stepInEpoch: 0,
        epochElapsedMs: 0,
        learningRate: event.learningRate,
        numTensors,
        restoredEpoch: null,
      });
      return;
    }
    case 'bestRestored':
      // The epoch history stays as it was; the views now show this checkpoint.
      patch.restoredEpoch = event.epoch;
      patch.warnings = [
        ...current.warnings,
        `Restored the best checkpoint (epoch ${event.epoch}, validation loss ${event.validationLoss.toFixed(4)}).`,
      ];
      return;
    case 'runReset':
      // The images stay until the new model's arrive: the worker redraws them right after.
      Object.assign(patch, {
        runConfig: event.config,
        trainStep: event.trainStep,
        trainStepReason: event.trainStepReason,
        numTensors: event.numTensors,
        errorMessage: null,
        restoredEpoch: null,
        epoch: 0,
        step: 0,
        stepInEpoch: 0,
        epochElapsedMs: 0,
        learningRate: event.config.learningRate,
        batchSteps: [],
        batchLosses: [],
        epochRecords: [],
        metricsHistory: [],
        robustnessCurve: null,
        // Only the conv model has feature maps; its views send them again right after.
        featureMaps: null,
        // A new run has no save yet: a restart must not resume the previous one.
        lastSave: null,
      });
      return;
    case 'reconstructionsComputed': {
      const { purpose, ...triplets } = withoutType(event);
      if (purpose === 'grid') patch.grid = triplets;
      else patch.robustnessStrip = triplets;
      return;
    }
    case 'metricsComputed': {
      const record = withoutType(event);
      patch.metricsHistory = [...current.metricsHistory.filter((m) => m.epoch !== record.epoch), record];
      return;
    }
    case 'robustnessCurveComputed': {
      patch.robustnessCurve = withoutType(event);
      return;
    }
    case 'latentCodesComputed':
      patch.latent = withoutType(event);
      return;
    case 'latentDecoded':
      patch.decodedPoint = withoutType(event);
      return;
    case 'manifoldDecoded':
      patch.manifold = withoutType(event);
      return;
    case 'featureMapsComputed':
      patch.featureMaps = withoutType(event);
      return;
    case 'runKept':
    case 'keptRunsLoaded':
    case 'keptRunEvaluated':
    case 'keptRunDeleted':
    case 'runsCompared':
      Object.assign(patch, applyRunsEvent(current, event));
      return;
    case 'runSaved': {
      const report = withoutType(event);
      const { bytes, readMs, writeMs, ...summary } = report;
      void [bytes, readMs, writeMs];
      Object.assign(patch, { lastSave: summary, lastSaveReport: report });
      return;
    }
    case 'savedRunFound':
      patch.resumableRun = event.run;
      return;
    case 'runRestored':
      Object.assign(patch, {
        batchSteps: event.history.batchLosses.map((l) => l.step),
        batchLosses: event.history.batchLosses.map((l) => l.loss),
        epochRecords: event.history.epochRecords,
        metricsHistory: event.history.metricsHistory,
        epoch: event.epoch,
        step: event.step,
        learningRate: event.learningRate,
        lastSave: event.savedRun,
        resumableRun: null,
      });
      return;
    case 'modelExported':
    case 'deviceLost':
      // The training client acts on these (download, restart); the failure message came before.
      return;
    case 'benchmarkProgressed':
    case 'benchmarkFinished':
      // The bench page listens to these itself.
      return;
    case 'failed':
      patch.errorMessage = event.message;
      return;
    default:
      assertNever(event);
  }
}

export function applyWorkerEvents(state: PlaygroundState, events: WorkerEvent[]): Patch {
  const patch: Patch = {};
  for (const event of events) reduce(state, patch, event);
  return patch;
}
