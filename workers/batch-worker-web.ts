// Web-worker entry of a batch worker, for the app's Compare panel:
//   createPool<BatchWorkerApi>({ size, create: webWorkerFactory(() =>
//     new Worker(new URL('./batch-worker-web.ts', import.meta.url), { type: 'module' })),
//     setup: (r) => r.init({ batch, scenarios }) })
import { expose } from 'comlink';
import { createBatchWorkerApi } from './batch-api.ts';

expose(createBatchWorkerApi(() => (self as unknown as { close(): void }).close()));
