/** Export the model (tfjs), the run (JSON) and the curves (CSV); import a model or a run; copy the run's link. */
import { useState, type ChangeEvent } from 'react';
import { parseRunFile } from '../../../shared/runFile';
import { searchFromConfig } from '../../../shared/urlConfig';
import { Panel } from '../../components/Panel';
import { downloadBlob, readModelFiles } from '../../persistence/downloads';
import { curvesCsv, runJson } from '../../persistence/runExport';
import { usePlayground } from '../../store';
import { selectStatus } from '../../store/selectors';
import { training } from '../../trainingClient';
import { messageOf } from '../../../shared/errorMessage';

const selectReportError = (s: ReturnType<typeof usePlayground.getState>) => s.reportError;

/** The picked files, and the input cleared so picking the same file again fires a change. */
function takeFiles(event: ChangeEvent<HTMLInputElement>): File[] {
  const files = [...(event.target.files ?? [])];
  event.target.value = '';
  return files;
}

export function RunFilesPanel() {
  const status = usePlayground(selectStatus);
  const reportError = usePlayground(selectReportError);
  const [copied, setCopied] = useState(false);
  const noModel = status === 'loading' || status === 'failed';

  const exportRun = () =>
    downloadBlob(
      new Blob([runJson(usePlayground.getState())], { type: 'application/json' }),
      'autoencoder-run.json',
    );
  const exportCsv = () =>
    downloadBlob(
      new Blob([curvesCsv(usePlayground.getState())], { type: 'text/csv' }),
      'autoencoder-curves.csv',
    );

  const importModel = async (event: ChangeEvent<HTMLInputElement>) => {
    try {
      training.importModel(await readModelFiles(takeFiles(event)));
    } catch (error) {
      reportError(messageOf(error));
    }
  };

  const importRun = async (event: ChangeEvent<HTMLInputElement>) => {
    const [file] = takeFiles(event);
    if (!file) return;
    try {
      const run = parseRunFile(await file.text());
      history.replaceState(null, '', `${location.pathname}${searchFromConfig(run.config)}`);
      training.importRun(run);
    } catch (error) {
      reportError(messageOf(error));
    }
  };

  const copyLink = async () => {
    const link = `${location.origin}${location.pathname}${searchFromConfig(usePlayground.getState().runConfig)}`;
    await navigator.clipboard.writeText(link).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <Panel
      title="Files"
      caption="Save the model (tfjs layers format), the run (JSON) or its curves (CSV); load them back here or in another browser."
      className="run-files"
    >
      <div className="button-row">
        <button data-testid="export-model" disabled={noModel} onClick={training.exportModel}>
          Export model
        </button>
        <button data-testid="export-run" onClick={exportRun}>
          Export run
        </button>
        <button data-testid="export-csv" onClick={exportCsv}>
          Export CSV
        </button>
        <button data-testid="copy-link" onClick={() => void copyLink()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <label className="file-input">
        Import model (.json + .bin){' '}
        <input
          data-testid="import-model"
          type="file"
          multiple
          accept=".json,.bin,application/json,application/octet-stream"
          disabled={noModel}
          onChange={(event) => void importModel(event)}
        />
      </label>
      <label className="file-input">
        Import run (.json){' '}
        <input
          data-testid="import-run"
          type="file"
          accept=".json,application/json"
          onChange={(event) => void importRun(event)}
        />
      </label>
    </Panel>
  );
}
