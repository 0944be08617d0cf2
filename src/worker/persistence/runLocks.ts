/**
 * One writer per saved run: a tab holds its run's Web Lock while it saves, so two tabs never
 * write the same record, and pruning skips runs another tab is still writing.
 */
const PREFIX = 'autoencoder-playground-run:';

function lockManager(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/** Takes the run's lock if no one holds it; resolves with its release, or null when it is taken. */
export function tryHoldRunLock(runId: string): Promise<(() => void) | null> {
  const locks = lockManager();
  // Without Web Locks (Node tests) there is only this thread to write.
  if (!locks) return Promise.resolve(() => undefined);
  return new Promise((resolve) => {
    void locks.request(`${PREFIX}${runId}`, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(null);
        return undefined;
      }
      return new Promise<void>((release) => resolve(release));
    });
  });
}

/** Ids of the runs some tab is writing now. */
export async function heldRunIds(): Promise<Set<string>> {
  const locks = lockManager();
  if (!locks) return new Set();
  const { held = [] } = await locks.query();
  return new Set(held.flatMap(({ name }) => (name?.startsWith(PREFIX) ? [name.slice(PREFIX.length)] : [])));
}
