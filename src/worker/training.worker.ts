/** Worker entry: wires the command handler to postMessage. All tensor work happens in this thread. */
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';
import { watchDeviceLoss } from './backend/deviceLoss';
import { selectBackend } from './backend/selectBackend';
import { createCommandHandler } from './commandHandler';
import { loadDataset } from './data/loadDataset';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** A macrotask yield through a MessageChannel: unlike setTimeout it is not clamped to 4 ms. */
const yieldChannel = new MessageChannel();
const yieldQueue: Array<() => void> = [];
yieldChannel.port1.onmessage = () => yieldQueue.shift()?.();
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    yieldQueue.push(resolve);
    yieldChannel.port2.postMessage(null);
  });
}

const handle = createCommandHandler({ selectBackend, loadDataset, yieldToEvents, watchDeviceLoss });

function emit(event: WorkerEvent, transfer: Transferable[] = []): void {
  scope.postMessage(event, transfer);
}

scope.onmessage = (message: MessageEvent<WorkerCommand>) => {
  void handle(message.data, emit);
};

scope.onerror = (error) => {
  emit({ type: 'failed', message: `Worker error: ${String(error)}` });
};
scope.onunhandledrejection = (event) => {
  emit({ type: 'failed', message: `Worker error: ${String(event.reason)}` });
};
