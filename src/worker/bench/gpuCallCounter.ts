/**
 * Counts every WebGPU call made in this worker by wrapping the prototypes of the GPU* classes
 * (installed once, on demand: the bench and the engine checks only). Counts are per method name,
 * e.g. `GPUComputePassEncoder.dispatchWorkgroups`.
 */

const WRAPPED_CLASSES = [
  'GPUDevice',
  'GPUQueue',
  'GPUCommandEncoder',
  'GPUComputePassEncoder',
  'GPUBuffer',
] as const;

export type GpuCallCounts = Record<string, number>;

let counts: GpuCallCounts | null = null;
/** Milliseconds spent inside each method (the renderer-side cost of issuing it). */
const milliseconds: GpuCallCounts = {};

function wrapPrototype(className: string, prototype: object): void {
  for (const method of Object.getOwnPropertyNames(prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, method);
    if (method === 'constructor' || !descriptor || typeof descriptor.value !== 'function') continue;
    const original: (...args: unknown[]) => unknown = descriptor.value;
    const key = `${className}.${method}`;
    Object.defineProperty(prototype, method, {
      ...descriptor,
      value: function (this: unknown, ...args: unknown[]) {
        if (counts) counts[key] = (counts[key] ?? 0) + 1;
        const startedMs = performance.now();
        const result = original.apply(this, args);
        milliseconds[key] = (milliseconds[key] ?? 0) + performance.now() - startedMs;
        return result;
      },
    });
  }
}

/** Wraps the prototypes (once); returns false where this worker has no WebGPU. */
export function installGpuCallCounter(): boolean {
  if (counts) return true;
  const prototypes = WRAPPED_CLASSES.map((name) => {
    const constructor: unknown = Reflect.get(globalThis, name);
    const prototype: unknown = typeof constructor === 'function' ? constructor.prototype : null;
    return [name, prototype] as const;
  });
  if (prototypes.some(([, prototype]) => !prototype || typeof prototype !== 'object')) return false;
  counts = {};
  for (const [name, prototype] of prototypes) {
    if (prototype && typeof prototype === 'object') wrapPrototype(name, prototype);
  }
  return true;
}

/** A copy of the counts so far (empty until installed). */
export function gpuCallCounts(): GpuCallCounts {
  return { ...(counts ?? {}) };
}

/** A copy of the time spent inside each method so far. */
export function gpuCallMilliseconds(): GpuCallCounts {
  return { ...milliseconds };
}

/** What happened between two readings, per method, and the totals the bench reports. */
export function gpuCallsBetween(before: GpuCallCounts, after: GpuCallCounts) {
  const calls: GpuCallCounts = {};
  let total = 0;
  for (const [key, value] of Object.entries(after)) {
    const delta = value - (before[key] ?? 0);
    if (delta > 0) {
      calls[key] = delta;
      total += delta;
    }
  }
  const count = (key: string) => calls[key] ?? 0;
  return {
    calls,
    total,
    dispatches: count('GPUComputePassEncoder.dispatchWorkgroups'),
    submits: count('GPUQueue.submit'),
    bindGroupsCreated: count('GPUDevice.createBindGroup'),
    buffersCreated: count('GPUDevice.createBuffer'),
  };
}
