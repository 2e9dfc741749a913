// `npm run bench`: prints the tables and writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { benchFullModel } from './full-model.ts';

const quick = process.argv.includes('--quick');
const results: Record<string, unknown> = {
  date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model,
};

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

console.log('Full model on synthetisch (median of repeats, after warm-up)');
console.log('actors    ticks/s   actor-ticks/s   ns/actor-tick   KB/actor   ties/actor');
const sizes: [number, number, number][] = quick ? [[1000, 20, 3], [10000, 5, 3]] : [[1000, 50, 5], [10000, 20, 3], [100000, 5, 3]];
const full = sizes.map(([n, ticks, reps]) => {
  const row = benchFullModel(n, ticks, reps);
  console.log(`${fmt(n).padStart(7)} ${fmt(row.ticksPerSecond, 1).padStart(9)} ${fmt(row.actorTicksPerSecond).padStart(15)} ${fmt(row.nsPerActorTick).padStart(15)} ${fmt(row.bytesPerActor / 1024, 2).padStart(10)} ${fmt(row.ties / n, 1).padStart(12)}`);
  return row;
});
results.fullModel = full;
const at = (n: number) => full.find((r) => r.actors === n);
if (at(10000) && at(100000)) {
  const ratio = at(100000)!.nsPerActorTick / at(10000)!.nsPerActorTick;
  console.log(`time per actor-tick at 100,000 vs 10,000 actors: ${ratio.toFixed(2)}× (flat = linear)`);
  results.scaling100kVs10k = ratio;
}

writeFileSync(join(import.meta.dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nwrote bench/results.json');
