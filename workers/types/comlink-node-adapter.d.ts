// comlink ships node-adapter.mjs with a .d.ts that TypeScript does not pair with the .mjs.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  /** A worker_threads Worker or MessagePort. */
  export interface NodeEndpoint {
    postMessage(message: any, transfer?: any): void;
    on(type: string, listener: (...args: any[]) => void): unknown;
    off(type: string, listener: (...args: any[]) => void): unknown;
    start?: () => void;
  }
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
