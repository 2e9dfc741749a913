// Progress shows a sign of life while runs are slow: elapsed time and runs in flight, also
// when no run ends for a while (plain lines, as in a Slurm log).
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../cli/batch/progress.ts';
import { sleep } from './helpers.ts';

describe('batch progress', () => {
  it('writes a heartbeat line with elapsed time and runs in flight while no run ends', async () => {
    const out: string[] = [];
    const p = createProgress('batch x', 10, 0, { mode: 'lines', write: (s) => out.push(s), heartbeat: 0.05 });
    let busy = 3;
    p.inFlight!(() => busy);
    await sleep(400);
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]).toMatch(/^batch x: 0\/10 runs \(0 %\), 3 running, 0 s elapsed, 0\.0 runs\/s/);
    busy = 2;
    for (let i = 0; i < 10; i++) p.tick(i === 4);
    expect(out.at(-1)).toMatch(/^batch x: 10\/10 runs \(100 %\), 2 running, \d+ s elapsed, [\d.]+ runs\/s, 1 failed\n$/);
    const n = out.length;
    await sleep(200);
    expect(out.length).toBe(n); // finished: no more heartbeats
    p.stop();
  });

});
