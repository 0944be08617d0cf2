/** Backend (and why), status, epoch and step, data-loading and epoch progress with ETAs, errors. */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground, type PlaygroundState } from '../../store';
import { dataLoadProgress, epochBar, formatDuration, type Progress } from './progress';

function ProgressBar({ label, progress }: { label: string; progress: Progress }) {
  return (
    <div className="progress" title={label}>
      <span>{label}</span>
      <progress value={progress.fraction} max={1} />
      <span className="eta">ETA {formatDuration(progress.etaMs)}</span>
    </div>
  );
}

function useLoadingElapsedMs(loading: boolean): number {
  const startedMs = useRef(0);
  const [elapsedMs, setElapsedMs] = useState(0);
  useEffect(() => {
    if (!loading) return;
    startedMs.current = performance.now();
    const timer = setInterval(() => setElapsedMs(performance.now() - startedMs.current), 250);
    return () => clearInterval(timer);
  }, [loading]);
  return elapsedMs;
}

/** Only the fields shown: the bar then skips the epoch-end burst of panel data. */
function selectStatusBar(s: PlaygroundState) {
  return {
    backend: s.backend,
    adapterDescription: s.adapterDescription,
    trainStep: s.trainStep,
    trainStepReason: s.trainStepReason,
    status: s.status,
    epoch: s.epoch,
    epochs: s.runConfig.epochs,
    step: s.step,
    learningRate: s.learningRate,
    dataProgress: s.dataProgress,
    stepInEpoch: s.stepInEpoch,
    stepsPerEpoch: s.stepsPerEpoch,
    epochElapsedMs: s.epochElapsedMs,
    backendReason: s.backendReason,
    errorMessage: s.errorMessage,
    dismissError: s.dismissError,
    warnings: s.warnings,
  };
}

export function StatusBar() {
  const state = usePlayground(useShallow(selectStatusBar));
  const loading = state.status === 'loading';
  const loadingElapsedMs = useLoadingElapsedMs(loading);
  const epoch = epochBar(state);
  const notWebGpu = state.backend !== null && state.backend !== 'webgpu';
  return (
    <div className="status-bar">
      <h1>Autoencoder Playground</h1>
      <span className="status-item">
        backend <strong data-testid="backend">{state.backend ?? '…'}</strong>
        {state.adapterDescription && <small className="adapter"> ({state.adapterDescription})</small>}
        {state.trainStep && (
          <small className="train-step" data-testid="train-step" title={state.trainStepReason}>
            {' '}
            · {state.trainStep === 'engine' ? 'fused engine' : 'tfjs ops'}
          </small>
        )}
      </span>
      <span className="status-item">
        status{' '}
        <strong data-testid="status" className={`status-${state.status}`}>
          {state.status}
        </strong>
      </span>
      <span className="status-item">
        epoch <strong data-testid="epoch">{state.epoch}</strong>/{state.epochs}
      </span>
      <span className="status-item">
        step <strong data-testid="step">{state.step}</strong>
      </span>
      <span className="status-item">lr {state.learningRate.toExponential(1)}</span>
      {loading && (
        <ProgressBar label="data" progress={dataLoadProgress(state.dataProgress, loadingElapsedMs)} />
      )}
      {epoch && <ProgressBar label={epoch.label} progress={epoch.progress} />}
      {notWebGpu && (
        <p className="backend-reason" data-testid="backend-reason">
          Not on WebGPU: {state.backendReason}
        </p>
      )}
      {state.errorMessage && (
        <p className="error" role="alert" data-testid="error">
          {state.errorMessage}
          <button onClick={state.dismissError} aria-label="dismiss">
            ×
          </button>
        </p>
      )}
      {state.warnings.map((warning) => (
        <p className="warning" key={warning}>
          {warning}
        </p>
      ))}
    </div>
  );
}
