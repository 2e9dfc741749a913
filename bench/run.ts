// `npm run bench`: the side-by-side benchmark. Prints tables and writes bench/results.json.
// Medians over repeats; quote ratios — the machines are noisy. `--quick` for a short pass,
// `--no-browser` to skip the Chromium part.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { benchFullModel } from './full-model.ts';
import { bareKernel, engineKernel, floccKernel, objectKernel } from './deffuant.ts';
import { benchSecondRun } from './second-run.ts';
import { benchBatchThroughput, formatBatchRow, machineCeiling } from './batch-throughput.ts';

const quick = process.argv.includes('--quick');
const noBrowser = process.argv.includes('--no-browser');
const results: Record<string, unknown> = {
  date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, quick,
};
const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const repeat = (n: number, f: () => number) => median(Array.from({ length: n }, f));

// 1. The Deffuant kernel, four ways.
console.log('1. Deffuant kernel (K = 6, ε = 0.3): million actor-updates per second (median of repeats)');
console.log('     N     engine      bare   objects     Flocc   engine/bare  engine/Flocc');
const kernelSizes = quick ? [1000, 10000] : [1000, 10000, 100000];
const kernel = kernelSizes.map((n) => {
  const ticks = Math.max(5, Math.round(2e6 / n));
  const reps = quick ? 3 : 5;
  const engine = repeat(reps, () => engineKernel(n, ticks));
  const bare = repeat(reps, () => bareKernel(n, ticks));
  const objects = repeat(3, () => objectKernel(n, Math.max(3, Math.round(ticks / 4))));
  const flocc = repeat(3, () => floccKernel(n, Math.max(2, Math.round(ticks / 40))));
  console.log(`${fmt(n).padStart(7)} ${fmt(engine / 1e6, 1).padStart(9)} ${fmt(bare / 1e6, 1).padStart(9)} ${fmt(objects / 1e6, 2).padStart(9)} ${fmt(flocc / 1e6, 3).padStart(9)} ${fmt(engine / bare, 2).padStart(13)} ${fmt(engine / flocc, 0).padStart(13)}`);
  return { actors: n, engine, bare, objects, flocc, engineVsBare: engine / bare, engineVsFlocc: engine / flocc };
});
results.deffuant = kernel;

// 2. The full model.
console.log('\n2. Full model on synthetisch (median of repeats, after warm-up)');
console.log(' actors    ticks/s   actor-ticks/s   ns/actor-tick   KB/actor   ties/actor');
const sizes: [number, number, number][] = quick ? [[1000, 100, 3], [10000, 20, 3]] : [[1000, 200, 5], [10000, 40, 3], [100000, 8, 3]];
const full = sizes.map(([n, ticks, reps]) => {
  const row = benchFullModel(n, ticks, reps, n <= 1000 ? 50 : 5);
  console.log(`${fmt(n).padStart(7)} ${fmt(row.ticksPerSecond, 1).padStart(10)} ${fmt(row.actorTicksPerSecond).padStart(15)} ${fmt(row.nsPerActorTick).padStart(15)} ${fmt(row.bytesPerActor / 1024, 2).padStart(10)} ${fmt(row.ties / n, 1).padStart(12)}`);
  return row;
});
results.fullModel = full;
const at = (n: number) => full.find((r) => r.actors === n);
if (at(10000) && at(100000)) {
  results.scaling100kVs10k = at(100000)!.nsPerActorTick / at(10000)!.nsPerActorTick;
  console.log(`time per actor-tick at 100,000 vs 10,000 actors: ${(results.scaling100kVs10k as number).toFixed(2)}× (1 = linear)`);
}

// 3. A second, different run in the same process.
const second = benchSecondRun();
results.secondRun = second;
console.log(`\n3. Same run after other runs in the process: ${fmt(second.first)} → ${fmt(second.again)} ns/actor-tick (${second.ratio.toFixed(2)}×; ≤ 1.10 is the goal)`);

// 4. Batch throughput with 1 and 2 worker threads: 1,000 runs of jeugdhulp × 150 ticks through
// `samenspel batch`, 1- and 2-worker batches alternating (bench/batch-throughput.ts).
const batch = await benchBatchThroughput({ repeats: quick ? 1 : 3, runs: quick ? 200 : 1000 });
const ceiling = await machineCeiling(quick ? 50 : 200);
results.batch = { ...batch, ceiling };
console.log(`\n4. Batch (${batch.rows[0].runs} runs of jeugdhulp × 150 ticks; runs/s from pool start, worker start-up included)`);
for (const r of batch.rows) console.log(`   ${formatBatchRow(r)}`);
console.log(`   machine ceiling: the engine alone in 2 processes at once ran ${ceiling.ratio.toFixed(2)}× the runs/s of 1 process (load ${ceiling.load[0]}); no pool can beat that here`);
console.log(`   median: 1 worker ${batch.one.toFixed(1)} runs/s, 2 workers ${batch.two.toFixed(1)} runs/s — speed-up ${batch.speedup.toFixed(2)}× (goal ≥ 1.8×; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);

// 5. The network view in headless Chromium.
if (!noBrowser) {
  try {
    const { benchBrowser } = await import('./browser.ts');
    const rows = await benchBrowser(quick ? [1000] : [1000, 10000]);
    results.browser = rows;
    console.log('\n5. App in headless Chromium (engine in a web worker), playing at maximum speed');
    console.log(' actors   frames/s   median / p95 (ms): ring toggle · play/pause button · worker confirms · language');
    for (const r of rows) {
      console.log(`${fmt(r.actors).padStart(7)} ${fmt(r.framesPerSecond, 1).padStart(10)}   ${fmt(r.uiMedian, 0)} / ${fmt(r.uiP95, 0)} · ${fmt(r.buttonMedian, 0)} / ${fmt(r.buttonP95, 0)} · ${fmt(r.roundTripMedian, 0)} / ${fmt(r.roundTripP95, 0)} · ${fmt(r.languageMedian, 0)} / ${fmt(r.languageP95, 0)}`);
    }
  } catch (e) {
    console.log(`\n5. App in headless Chromium: skipped (${(e as Error).message.split('\n')[0]})`);
  }
}

writeFileSync(join(import.meta.dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nwrote bench/results.json');
