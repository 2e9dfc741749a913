// Every CLI command registers itself here: one file per command.
import type { Command } from 'commander';
import { register as list } from './list.ts';
import { register as run } from './run.ts';
import { register as validate } from './validate.ts';

export const COMMANDS: ((program: Command) => void)[] = [
  list,
  run,
  validate,
];
