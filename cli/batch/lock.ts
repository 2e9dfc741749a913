// One process at a time per output folder (batch, sensitivity, calibrate, merge): two processes
// appending to the same runs.jsonl would interleave runs of two sessions. The lock is a file created exclusively ('wx') holding the
// owner's pid and host; a lock whose process is gone (killed, crashed, node reset) is stale and
// taken over with a note, so a SIGKILL never blocks --resume.
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../io.ts';

export const LOCK_FILE = 'batch.lock';

interface LockInfo { pid: number; host: string; started: string; command: string }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Lock { release(): void }

function readLock(file: string): Partial<LockInfo> {
  try { return JSON.parse(readFileSync(file, 'utf8')) as LockInfo; } catch { return {}; }
}

/** Who holds a folder's lock and is still running ("a batch (pid 123, started …)"), or null:
 * for a merge that finds runs missing in a shard that may still be being written. */
export function liveHolder(dir: string): string | null {
  const file = join(dir, LOCK_FILE);
  if (!existsSync(file)) return null;
  const held = readLock(file);
  const sameHost = held.host === undefined || held.host === hostname();
  if (typeof held.pid !== 'number' || (sameHost && !alive(held.pid))) return null;
  return `a ${holderName(held.command)} (pid ${held.pid}${sameHost ? '' : ` on ${held.host}`}, started ${held.started ?? '?'})`;
}

const NOUNS: Record<string, string> = { batch: 'batch', sensitivity: 'sensitivity analysis', calibrate: 'calibration', merge: 'merge' };

/** The holder's command (its first argument), for the messages; a lock without one is a batch's (older locks). */
function holderName(command: string | undefined): string {
  const first = (command ?? '').split(' ')[0];
  return command === undefined ? 'batch' : Object.hasOwn(NOUNS, first) ? NOUNS[first] : 'samenspel process';
}

/** Takes the folder's lock or throws a UsageError naming the process that holds it. */
export function acquireLock(dir: string, note: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Lock {
  const file = join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: process.argv.slice(2).join(' ') };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(info) + '\n');
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            const now = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
            if (now.pid === info.pid && now.host === info.host) rmSync(file, { force: true });
          } catch { /* gone already */ }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = readLock(file); // torn or empty: {}, treated as stale below
    const sameHost = held.host === undefined || held.host === info.host;
    const holder = holderName(held.command);
    if (typeof held.pid === 'number' && (!sameHost || alive(held.pid))) {
      throw new UsageError(`${dir} is in use by another ${holder} (pid ${held.pid}${sameHost ? '' : ` on ${held.host}`}, started ${held.started ?? '?'}): ` +
        `wait for it to end, or choose another --out. If you are sure no samenspel process writes there, delete ${file}`);
    }
    note(`samenspel: ${file}: stale lock of a ${holder} that is no longer running (pid ${held.pid ?? '?'}); taking it over`);
    if (existsSync(file)) rmSync(file, { force: true });
  }
  throw new UsageError(`${file}: could not take the lock (another process keeps creating it)`);
}
