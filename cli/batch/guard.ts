// What makes a folder-writing command survive a cluster's habits, shared by `batch`,
// `sensitivity`, `calibrate` and `merge`: one process per output folder (lock.ts), SIGTERM or
// SIGINT (Slurm at its time limit, Ctrl-C) stopping cleanly with the folder resumable, a time
// limit per run (--run-timeout) and the hidden crash hooks the tests use to make a run
// throw, kill its worker or hang.
import { mkdirSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { CrashHook } from '../../workers/batch-api.ts';
import { collect, UsageError } from '../io.ts';
import { acquireLock, type Lock } from './lock.ts';

/** Exit codes of a command stopped by a signal: 128 + the signal's number, as a shell reports it. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

const CRASH_MODES = ['throw', 'exit', 'exit-once', 'hang'] as const;

export function crashHooks(values: string[]): CrashHook[] {
  return values.map((v) => {
    const [runId, mode] = v.split('=');
    if (!runId || !CRASH_MODES.includes(mode as CrashHook['mode'])) throw new UsageError(`--test-crash expects runId=${CRASH_MODES.join('|')}, got '${v}'`);
    return { runId, mode: mode as CrashHook['mode'] };
  });
}

export function parseSeconds(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} expects a number of seconds greater than 0, got '${value}'`);
  return n;
}

/** The run time limit: --run-timeout, else the spec's runTimeout, else none. */
export function runTimeoutOf(flag: string | undefined, spec: number | undefined): number | undefined {
  return flag !== undefined ? parseSeconds(flag, '--run-timeout') : spec;
}

/** The flags every run-executing command shares: --run-timeout and the hidden crash hook. */
export function addRunGuardOptions(command: Command): Command {
  return command
    .option('--run-timeout <seconds>', "stop a run that takes longer, record it in failures.csv and go on (default: the spec's runTimeout, else none)")
    .addOption(new Option('--test-crash <runId=mode>', 'test hook: make a run throw, kill its worker or hang').hideHelp().argParser(collect).default([]));
}

/** The help text after the options of a command that runs in an output folder. */
export function signalHelp(what: string): string {
  return `\nSIGTERM or SIGINT (Slurm at its time limit, Ctrl-C) stop the ${what} cleanly: finished runs are kept, the manifest says\n` +
    `'interrupted', the exit code is 143 or 130, and --resume continues. One ${what} at a time may write to an --out folder.`;
}

/** Creates the folder, takes its lock, and releases it on any exit but a SIGKILL (then the lock is stale and taken over). */
export function lockFolder(dir: string): Lock {
  mkdirSync(dir, { recursive: true });
  const lock = acquireLock(dir);
  process.once('exit', () => lock.release());
  return lock;
}

export interface StopGuard {
  /** Aborted on the first SIGTERM or SIGINT. */
  readonly signal: AbortSignal;
  /** The signal that stopped the command, or null. */
  readonly stoppedBy: StopSignal | null;
  /** Stop listening (signals then have their default effect again). */
  off(): void;
}

/**
 * From here on a signal stops the command cleanly: the first aborts `signal` (the caller stops
 * its pool and writes what it has); a second means "now" and exits at once, releasing `locks`
 * — finished runs are durable already.
 */
export function onStopSignals(locks: readonly Lock[]): StopGuard {
  const abort = new AbortController();
  let stoppedBy: StopSignal | null = null;
  const handle = (signal: StopSignal) => {
    if (stoppedBy) {
      for (const l of locks) l.release();
      process.exit(SIGNAL_EXIT[signal]);
    }
    stoppedBy = signal;
    process.stderr.write(`\nsamenspel: ${signal} received: stopping; finished runs are kept (resume with --resume)\n`);
    abort.abort();
  };
  const onTerm = () => handle('SIGTERM');
  const onInt = () => handle('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  return {
    signal: abort.signal,
    get stoppedBy() { return stoppedBy; },
    off() { process.off('SIGTERM', onTerm); process.off('SIGINT', onInt); },
  };
}

/** Says what an interruption kept and how to continue; sets the exit code to the signal's. */
export function reportInterrupted(stoppedBy: StopSignal, kept: string): void {
  process.stderr.write(`samenspel: interrupted by ${stoppedBy}: ${kept}; continue with: npx samenspel ${resumeCommand()}\n`);
  process.exitCode = SIGNAL_EXIT[stoppedBy];
}

/** "3 runs failed (1 past the run time limit)" or "2 runs failed twice". */
export function failedRuns(failed: number, timedOut: number): string {
  return `${failed} run${failed === 1 ? '' : 's'} failed${timedOut ? ` (${timedOut} past the run time limit)` : ' twice'}`;
}

/** This command line with --resume (once), for the message after an interruption. */
export function resumeCommand(): string {
  const args: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--test-')) { if (!argv[i].includes('=')) i++; continue; }
    if (argv[i] !== '--resume') args.push(argv[i]);
  }
  const quote = (a: string) => (/^[\w./:=@,+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  return [...args.map(quote), '--resume'].join(' ');
}
