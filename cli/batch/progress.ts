// Progress on stderr: a cli-progress bar with ETA on a terminal, plain lines (about every 5 %
// or 10 s) when stderr is a file or pipe (Slurm logs, CI), nothing with --quiet.
import cliProgress from 'cli-progress';

export interface Progress {
  /** One more run finished (ok or failed). */
  tick(failed: boolean): void;
  stop(): void;
}

const seconds = (s: number) => (s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 120 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`);

export function createProgress(label: string, total: number, done: number, mode: 'auto' | 'quiet'): Progress {
  if (mode === 'quiet' || total === 0) return { tick() {}, stop() {} };
  const start = Date.now();
  const initial = done;
  let value = done;
  let failures = 0;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({
      format: `${label} {bar} {percentage}% | {value}/{total} runs | {rate} runs/s | ETA {eta_formatted}{failed}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    }, cliProgress.Presets.shades_classic);
    bar.start(total, done, { rate: '–', failed: '' });
    return {
      tick(failed) {
        value++;
        if (failed) failures++;
        const rate = (value - initial) / ((Date.now() - start) / 1000);
        bar.update(value, { rate: rate.toFixed(1), failed: failures ? ` | ${failures} failed` : '' });
      },
      stop() { bar.stop(); },
    };
  }
  const step = Math.max(1, Math.ceil(total / 20));
  let lastLine = start;
  const line = () => {
    const elapsed = (Date.now() - start) / 1000;
    const rate = (value - initial) / Math.max(elapsed, 1e-3);
    const eta = rate > 0 ? (total - value) / rate : NaN;
    process.stderr.write(`${label}: ${value}/${total} runs (${Math.floor((100 * value) / total)} %), ${rate.toFixed(1)} runs/s` +
      `${Number.isFinite(eta) && value < total ? `, ETA ${seconds(eta)}` : ''}${failures ? `, ${failures} failed` : ''}\n`);
    lastLine = Date.now();
  };
  return {
    tick(failed) {
      value++;
      if (failed) failures++;
      if (value === total || value % step === 0 || Date.now() - lastLine > 10_000) line();
    },
    stop() {},
  };
}
