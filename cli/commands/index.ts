// Every CLI command registers itself here: one file per command.
import type { Command } from 'commander';
import { register as batch } from './batch.ts';
import { register as calibrate } from './calibrate.ts';
import { register as canonical } from './canonical.ts';
import { register as importCsv } from './import.ts';
import { register as list } from './list.ts';
import { register as patterns } from './patterns.ts';
import { register as measures } from './measures.ts';
import { register as merge } from './merge.ts';
import { register as replay } from './replay.ts';
import { register as report } from './report.ts';
import { register as run } from './run.ts';
import { register as sensitivity } from './sensitivity.ts';
import { register as validate } from './validate.ts';

export const COMMANDS: ((program: Command) => void)[] = [
  batch,
  calibrate,
  canonical,
  importCsv,
  list,
  patterns,
  measures,
  merge,
  replay,
  report,
  run,
  sensitivity,
  validate,
];
