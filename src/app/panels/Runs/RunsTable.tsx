/** One row per kept run: its settings, and its test metrics at the table's one evaluation noise. */
import type { EvaluationNoise, KeptRunSummary } from '../../../shared/runs';
import { training } from '../../trainingClient';
import { RUNS_TABLE_COLUMNS } from './runsTableFormat';

interface RunsTableProps {
  runs: readonly KeptRunSummary[];
  noise: EvaluationNoise;
}

export function RunsTable({ runs, noise }: RunsTableProps) {
  return (
    <div className="runs-table-scroll">
      <table className="runs-table" data-testid="runs-table">
        <thead>
          <tr>
            {RUNS_TABLE_COLUMNS.map((column) => (
              <th key={column.header} title={column.meaning} scope="col">
                {column.header}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Delete</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId} data-run-id={run.runId}>
              {RUNS_TABLE_COLUMNS.map((column) => (
                <td key={column.header} data-column={column.header}>
                  {column.cell(run, noise)}
                </td>
              ))}
              <td>
                <button
                  type="button"
                  data-testid="delete-kept-run"
                  title={`Delete ${run.name} and its kept weights`}
                  onClick={() => training.deleteKeptRun(run.runId)}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length === 0 && (
        <p className="runs-empty">No kept runs yet: pause or finish a run and keep it, or run a sweep.</p>
      )}
    </div>
  );
}
