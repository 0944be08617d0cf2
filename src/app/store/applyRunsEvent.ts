/** How the kept runs' events change the store (applyWorkerEvents hands them here). */
import type { WorkerEvent } from '../../shared/protocol';
import type { KeptRunSummary } from '../../shared/runs';
import type { PlaygroundState } from './index';

export type RunsEvent = Extract<
  WorkerEvent,
  { type: 'runKept' | 'keptRunsLoaded' | 'keptRunEvaluated' | 'keptRunDeleted' | 'runsCompared' }
>;

const byKeptTime = (a: KeptRunSummary, b: KeptRunSummary) => a.keptAtMs - b.keptAtMs;

export function applyRunsEvent(current: PlaygroundState, event: RunsEvent): Partial<PlaygroundState> {
  const others = (runId: string) => current.keptRuns.filter((run) => run.runId !== runId);
  switch (event.type) {
    case 'runKept':
      return { keptRuns: [...others(event.run.runId), event.run].sort(byKeptTime) };
    case 'keptRunsLoaded':
      return { keptRuns: [...event.runs].sort(byKeptTime) };
    case 'keptRunEvaluated':
      return {
        keptRuns: current.keptRuns.map((run) =>
          run.runId === event.runId ? { ...run, metrics: event.metrics } : run,
        ),
      };
    case 'keptRunDeleted': {
      const { comparedRuns } = current.viewRequest;
      return {
        keptRuns: others(event.runId),
        // The comparison no longer asks for a run that is gone.
        ...(comparedRuns.includes(event.runId) && {
          viewRequest: {
            ...current.viewRequest,
            comparedRuns: comparedRuns.filter((id) => id !== event.runId),
          },
        }),
      };
    }
    case 'runsCompared': {
      const { type, ...comparison } = event;
      void type;
      return { comparison };
    }
  }
}
