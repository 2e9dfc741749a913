// Batch throughput: the same batch with 1 and with 2 worker threads, through the real CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export interface BatchRow { workers: number; runs: number; seconds: number; runsPerSecond: number }

export function benchBatch(workers: number, replications: number): BatchRow {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-bench-'));
  const spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify({
    id: 'bench', title: 'bench', scenarios: [{ scenario: 'synthetisch', set: ['actors=1000'] }],
    strategies: ['open-netwerk', 'faciliterend', 'sturende-regie', 'keten'],
    replications, ticks: 100, seed: 1, measures: ['impact'],
  }));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'samenspel.js'), 'batch', spec, '--out', join(dir, 'out'), '--workers', String(workers)],
    { cwd: ROOT, encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`batch failed: ${r.stderr}`);
  const runs = 4 * replications;
  return { workers, runs, seconds, runsPerSecond: runs / seconds };
}
