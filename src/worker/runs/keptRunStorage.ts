/**
 * Kept runs on disk, in the saved runs' database (its own store), so they come back after a
 * reload. Without IndexedDB (Node tests) nothing is stored and nothing comes back.
 */
import { RunDatabase } from '../persistence/runDatabase';
import type { KeptRun } from './keptRuns';

export class KeptRunStorage {
  private database: Promise<RunDatabase | null> | null = null;

  constructor(private readonly openDatabase: () => Promise<RunDatabase> = () => RunDatabase.open()) {}

  private open(): Promise<RunDatabase | null> {
    if (typeof indexedDB === 'undefined') return Promise.resolve(null);
    this.database ??= this.openDatabase();
    return this.database;
  }

  async put(run: KeptRun): Promise<void> {
    await (await this.open())?.putKept(run);
  }

  async list(): Promise<KeptRun[]> {
    return (await (await this.open())?.keptRuns()) ?? [];
  }

  async delete(runId: string): Promise<void> {
    await (await this.open())?.deleteKept(runId);
  }
}
