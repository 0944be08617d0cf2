/** The speed benchmark as a worker command: its own data (Fashion-MNIST) and every backend in turn. */
import type { BackendName } from '../../shared/config';
import type { BackendChoice, EmitEvent, WorkerCommand } from '../../shared/protocol';
import type { LoadDataset } from '../data/datasetCache';
import { runBenchmark } from './benchmark';

export async function benchmarkCommand(
  command: Extract<WorkerCommand, { type: 'runBenchmark' }>,
  deps: { loadDataset: LoadDataset; selectBackend(forced: BackendName | null): Promise<BackendChoice> },
  emit: EmitEvent,
): Promise<void> {
  const dataset = await deps.loadDataset(new URL('data/fashion-mnist/', command.dataBaseUrl).href, {
    trainSubset: command.request.trainSubset,
    testSubset: 1,
  });
  const activate = async (backend: BackendName) => {
    const choice = await deps.selectBackend(backend);
    return choice.backend === backend ? (choice.adapterDescription ?? backend) : null;
  };
  const progress = (message: string) => emit({ type: 'benchmarkProgressed', message });
  emit({
    type: 'benchmarkFinished',
    result: await runBenchmark(command.request, dataset, activate, progress),
  });
}
