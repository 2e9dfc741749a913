// The output-folder lock: who holds it, as a merge reports for a shard still being written.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, liveHolder, LOCK_FILE } from '../../cli/batch/lock.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'samenspel-lock-'));

describe('folder lock', () => {
  it('names a live holder, and nobody once it is released', () => {
    const dir = folder();
    expect(liveHolder(dir)).toBeNull();
    const lock = acquireLock(dir);
    expect(liveHolder(dir)).toMatch(new RegExp(`\\(pid ${process.pid}, started \\d{4}-`));
    expect(() => acquireLock(dir)).toThrow(/is in use by another/);
    lock.release();
    expect(liveHolder(dir)).toBeNull();
  });

  it('a lock left by a process that has ended is stale: no holder, and it is taken over', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(gone), host: hostname(), started: 'x', command: 'batch spec.json' }));
    expect(liveHolder(dir)).toBeNull();
    const notes: string[] = [];
    acquireLock(dir, (s) => notes.push(s)).release();
    expect(notes.join()).toMatch(/stale lock of a batch/);
  });

  it('a lock from another host is taken as live (its process cannot be checked from here)', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere', started: 'x', command: 'calibrate spec.json' }));
    expect(liveHolder(dir)).toBe('a calibration (pid 1 on elsewhere, started x)');
  });
});
