// The UI's handle on the simulation worker (comlink). The engine never runs on this thread.
import * as Comlink from 'comlink';
import type { SimApi } from '../workers/app-protocol.ts';

export type SimClient = Comlink.Remote<SimApi>;

export function createSimClient(): { api: SimClient; worker: Worker } {
  const worker = new Worker(new URL('../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'samenspel-sim' });
  return { api: Comlink.wrap<SimApi>(worker), worker };
}
