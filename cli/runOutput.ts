// What `run` and `replay` share: one run through the engine's driver loop (simulate), with
// optional per-actor sampling and a stop condition as observers of that loop, then the series
// as CSV or JSON. Files are written whole to a temporary name and renamed, so a failure never
// leaves a partial file.
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import {
  actorHeader, actorSampler, runToJson, seriesToCsv, simulate, untilCondition,
  type RulesChange, type Scenario, type ScenarioEvent, type UntilCondition,
} from '../sim/index.ts';

export interface RunJob {
  scenario: Scenario;
  rules?: RulesChange;
  seed: number | string;
  events: ScenarioEvent[];
  ticks: number;
  until?: UntilCondition;
  /** Per-actor rows to this CSV file every `every` ticks. */
  actors?: { file: string; every: number };
  /** Prepend scenario, rules and seed columns to the CSV (runs then stack). */
  idColumns?: { scenario: string; rules: string; seed: string };
  out?: string;
  quiet?: boolean;
}

/** Writes text to `file` through a temporary name, so the file is whole or absent. */
export function writeWhole(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Warns on stderr about events that come after the run's last tick: they will not happen. */
export function warnLateEvents(events: readonly { tick: number }[], ticks: number, source: string, prefix = 'events'): void {
  events.forEach((e, i) => {
    if (e.tick > ticks) process.stderr.write(`samenspel: warning: ${source}: ${prefix}[${i}] at tick ${e.tick} comes after the last tick (${ticks}); it will not happen\n`);
  });
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function executeJob(job: RunJob): void {
  const progress = !job.quiet && process.stderr.isTTY;
  const every = Math.max(1, Math.floor(job.ticks / 50));
  const observers: ((run: Parameters<NonNullable<Parameters<typeof simulate>[0]['onTick']>>[0]) => void)[] = [];
  if (progress) observers.push((r) => { if (r.tick % every === 0) process.stderr.write(`\r${job.scenario.id}: tick ${r.tick}/${job.ticks}`); });
  let actorsFd: number | null = null;
  let actorsTmp = '';
  let actorRows = 0;
  const runLabel = `${job.scenario.id}__s${job.seed}`;
  if (job.actors) {
    actorsTmp = `${job.actors.file}.tmp-${process.pid}`;
    actorsFd = openSync(actorsTmp, 'w');
    writeSync(actorsFd, actorHeader({ scenario: job.scenario }));
    const fd = actorsFd;
    observers.push(actorSampler(job.actors.every, runLabel, (rows) => { writeSync(fd, rows); actorRows++; }));
  }
  const until = job.until ? untilCondition(job.until) : undefined;
  let result: ReturnType<typeof simulate>;
  try {
    result = simulate({
      scenario: job.scenario, rules: job.rules, seed: job.seed, events: job.events, ticks: job.ticks, until,
      onTick: observers.length ? (r) => { for (const o of observers) o(r); } : undefined,
    });
    if (actorsFd !== null) {
      closeSync(actorsFd);
      actorsFd = null;
      renameSync(actorsTmp, job.actors!.file);
    }
  } finally {
    if (actorsFd !== null) closeSync(actorsFd);
    if (actorsTmp) rmSync(actorsTmp, { force: true });
  }
  if (progress) process.stderr.write('\n');
  const { run, recorder } = result;
  const stoppedAt = job.until && run.tick < job.ticks ? run.tick : job.until && until!(run) ? run.tick : null;
  if (job.until && !job.quiet) {
    process.stderr.write(stoppedAt !== null
      ? `stopped at tick ${stoppedAt}: ${job.until.text}\n`
      : `ran all ${job.ticks} ticks: ${job.until.text} was never met\n`);
  }
  let text: string;
  if (job.out?.endsWith('.json')) {
    const json = runToJson(run, recorder);
    const extra = job.until ? { until: { condition: job.until.text, met: stoppedAt !== null, tick: stoppedAt } } : {};
    text = JSON.stringify({ ...json, ...extra }, null, 1) + '\n';
  } else {
    text = seriesToCsv(recorder);
    if (job.idColumns || job.until) {
      const id = job.idColumns;
      const prefix = id ? [csvCell(id.scenario), csvCell(id.rules), csvCell(id.seed)].join(',') + ',' : '';
      const lines = text.split('\n');
      const body = lines.slice(1, -1).map((line, r) => {
        const tick = recorder.tick(r);
        return prefix + line + (job.until ? `,${tick === stoppedAt ? 1 : 0}` : '');
      });
      const header = (id ? 'scenario,rules,seed,' : '') + lines[0] + (job.until ? ',stopped' : '');
      text = [header, ...body].join('\n') + '\n';
    }
  }
  if (job.out) {
    writeWhole(job.out, text);
    if (!job.quiet) process.stderr.write(`wrote ${job.out}: ${recorder.length} ticks of '${job.scenario.id}', seed ${job.seed}\n`);
  } else {
    process.stdout.write(text);
  }
  if (job.actors && !job.quiet) process.stderr.write(`wrote ${job.actors.file}: ${run.state.n} actors × ${actorRows} sampled ticks\n`);
}
