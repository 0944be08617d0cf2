/** What the engine-check worker posts to engine-check.html: one result per check, then the end. */
export interface CheckResult {
  name: string;
  passed: boolean;
  /** Worst relative error found, where the check compares numbers. */
  worstError: number | null;
  detail: string;
}

export type CheckMessage =
  | { type: 'progress'; result: CheckResult }
  | { type: 'done'; results: CheckResult[]; numTensors: number }
  | { type: 'error'; message: string };
