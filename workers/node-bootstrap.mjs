// Worker threads do not inherit the parent's tsx loader, so each batch worker starts here:
// register tsx in this thread, then load the TypeScript entry named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
