// The app's Web Worker: the engine runs here, never on the UI thread. The UI talks to it
// through comlink (viz/client.ts); frames come back as transferred typed arrays.
import * as Comlink from 'comlink';
import { createSimHost } from './app-host.ts';
import type { Frame, FrameRequest, SimApi, TieBundle } from './app-protocol.ts';

const host = createSimHost();

const api: SimApi = {
  ...host,
  frame(request: FrameRequest): Frame | null {
    const f = host.frame(request);
    return f ? Comlink.transfer(f, host.buffersOf(f)) : null;
  },
  rows(): Float64Array {
    const r = host.rows();
    return Comlink.transfer(r, [r.buffer as ArrayBuffer]);
  },
  ties(): TieBundle {
    const t = host.ties();
    return Comlink.transfer(t, host.buffersOf(t));
  },
};

Comlink.expose(api);
