// fsync for append-only files, off the main thread's critical path. A blocking fsync per
// finished run (~4.5 ms on the project machine's disk) stalled the event loop that hands runs
// to idle workers: with 1 worker every run waited for it, and with 2 workers it capped the
// batch at ~220 runs/s however fast the workers were (docs/PERFORMANCE.md §4). Here a line is
// written synchronously (a kill cannot lose it: it is in the page cache) and fsync'd by
// libuv's thread pool, one fsync in flight per file, the next covering every line written
// meanwhile. A machine crash can lose at most the lines of the last fsync or two; --resume
// runs those again (the runs are deterministic, so the files come out byte-identical).
import { closeSync, fsync, fsyncSync } from 'node:fs';

interface SyncState { inFlight: boolean; pending: boolean; closed: boolean }
const states = new Map<number, SyncState>();

function syncNow(fd: number, s: SyncState): void {
  s.inFlight = true;
  s.pending = false;
  fsync(fd, () => {
    s.inFlight = false;
    if (s.pending && !s.closed) syncNow(fd, s);
  });
}

/** Schedules an fsync of `fd` covering everything written to it so far. */
export function syncSoon(fd: number): void {
  let s = states.get(fd);
  if (!s) states.set(fd, (s = { inFlight: false, pending: false, closed: false }));
  if (s.inFlight) s.pending = true;
  else syncNow(fd, s);
}

/** fsyncs what is left, synchronously, and closes `fd`. */
export function closeSynced(fd: number): void {
  const s = states.get(fd);
  if (s) s.closed = true;
  states.delete(fd);
  try { fsyncSync(fd); } finally { closeSync(fd); }
}
