// Progress on stderr: a cli-progress bar with ETA on a terminal, plain lines (about every 5 %
// or 10 s) when stderr is a file or pipe (Slurm logs, CI), nothing with --quiet. Both show the
// elapsed time and the runs in flight, and a plain line is also written while no run ends
// (every `heartbeat` seconds), so a log of slow runs still shows the batch is alive.
import cliProgress from 'cli-progress';

export interface Progress {
  /** One more run finished (ok or failed). */
  tick(failed: boolean): void;
  /** Where to read how many runs are in flight (the pool's busy workers). */
  inFlight?(count: () => number): void;
  stop(): void;
}

export interface ProgressOptions {
  mode: 'auto' | 'quiet' | 'lines';
  /** Where lines go (default process.stderr). */
  write?: (s: string) => void;
  /** Seconds between sign-of-life lines when no run ends (default 30). */
  heartbeat?: number;
}

export const duration = (s: number) => (s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 120 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`);

export function createProgress(label: string, total: number, done: number, options: ProgressOptions | 'auto' | 'quiet'): Progress {
  const opts: ProgressOptions = typeof options === 'string' ? { mode: options } : options;
  if (opts.mode === 'quiet' || total === 0) return { tick() {}, stop() {} };
  const write = opts.write ?? ((s: string) => { process.stderr.write(s); });
  const start = Date.now();
  const initial = done;
  let value = done;
  let failures = 0;
  let inFlight = () => 0;
  const elapsed = () => (Date.now() - start) / 1000;
  if (opts.mode === 'auto' && process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({
      format: `${label} {bar} {percentage}% | {value}/{total} runs | {running} running | {rate} runs/s | {duration_formatted} elapsed | ETA {eta_formatted}{failed}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    }, cliProgress.Presets.shades_classic);
    bar.start(total, done, { rate: '–', failed: '', running: 0 });
    // The bar redraws elapsed time by itself; refresh the in-flight count too while runs are slow.
    const timer = setInterval(() => bar.update({ running: inFlight() }), 1000);
    timer.unref();
    return {
      tick(failed) {
        value++;
        if (failed) failures++;
        const rate = (value - initial) / elapsed();
        bar.update(value, { rate: rate.toFixed(1), failed: failures ? ` | ${failures} failed` : '', running: inFlight() });
      },
      inFlight(count) { inFlight = count; },
      stop() { clearInterval(timer); bar.stop(); },
    };
  }
  const step = Math.max(1, Math.ceil(total / 20));
  let lastLine = start;
  const line = () => {
    const s = elapsed();
    const rate = (value - initial) / Math.max(s, 1e-3);
    const eta = rate > 0 ? (total - value) / rate : NaN;
    const running = inFlight();
    write(`${label}: ${value}/${total} runs (${Math.floor((100 * value) / total)} %), ${running} running, ${duration(s)} elapsed, ${rate.toFixed(1)} runs/s` +
      `${Number.isFinite(eta) && value < total ? `, ETA ${duration(eta)}` : ''}${failures ? `, ${failures} failed` : ''}\n`);
    lastLine = Date.now();
  };
  const heartbeat = (opts.heartbeat ?? 30) * 1000;
  const timer = setInterval(() => { if (Date.now() - lastLine >= heartbeat && value < total) line(); }, Math.min(heartbeat, 5000));
  timer.unref();
  return {
    tick(failed) {
      value++;
      if (failed) failures++;
      if (value === total || value % step === 0 || Date.now() - lastLine > 10_000) line();
    },
    inFlight(count) { inFlight = count; },
    stop() { clearInterval(timer); },
  };
}
