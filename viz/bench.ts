// How fast the controls react while a run plays: a function the latency bench calls through
// page.evaluate (not asserted in a timed test; machines differ). Two measures per sample:
//  ui        — click the ring toggle (the network re-targets every actor) until the next frame;
//  button    — click play/pause until the button shows it (the UI answers at once);
//  roundTrip — click play/pause until a frame from the worker confirms the new state;
//  language  — click the language toggle (every view and control redraws) until the next frame.

export interface LatencyStats { median: number; p95: number; max: number; samples: number }
export interface LatencyReport { ui: LatencyStats; button: LatencyStats; roundTrip: LatencyStats; language: LatencyStats; longTasks: number; actors: number; framesPerSecond: number }

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function stats(xs: number[]): LatencyStats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1], samples: s.length };
}

export async function measureLatency(samples = 20): Promise<LatencyReport> {
  const lang = document.getElementById('lang-toggle') as HTMLButtonElement;
  const ring = document.getElementById('ring-toggle') as HTMLButtonElement;
  const play = document.getElementById('btn-play') as HTMLButtonElement;
  let longTasks = 0;
  const observer = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask')
    ? new PerformanceObserver((list) => { longTasks += list.getEntries().length; }) : null;
  observer?.observe({ type: 'longtask' });
  let frames = 0;
  let counting = true;
  const countFrames = () => { frames++; if (counting) requestAnimationFrame(countFrames); };
  requestAnimationFrame(countFrames);
  const t0 = performance.now();
  const ui: number[] = [], button: number[] = [], roundTrip: number[] = [], language: number[] = [];
  const hook = (window as unknown as { __samenspel: { workerPlaying: boolean } }).__samenspel;
  for (let i = 0; i < samples; i++) {
    let start = performance.now();
    ring.click();
    await nextFrame();
    ui.push(performance.now() - start);
    await sleep(30);
    start = performance.now();
    lang.click();
    await nextFrame();
    language.push(performance.now() - start);
    await sleep(30);
    const before = play.getAttribute('aria-pressed');
    const wanted = before !== 'true';
    start = performance.now();
    play.click();
    while (play.getAttribute('aria-pressed') === before && performance.now() - start < 5000) await new Promise((r) => setTimeout(r, 0));
    button.push(performance.now() - start);
    while (hook.workerPlaying !== wanted && performance.now() - start < 5000) await new Promise((r) => setTimeout(r, 0));
    roundTrip.push(performance.now() - start);
    await sleep(30);
    if (i % 2 === 1 && play.getAttribute('aria-pressed') !== 'true') play.click(); // keep the run playing
  }
  counting = false;
  observer?.disconnect();
  const seconds = (performance.now() - t0) / 1000;
  const meta = (window as unknown as { __samenspel: { meta: { n: number } | null } }).__samenspel.meta;
  return { ui: stats(ui), button: stats(button), roundTrip: stats(roundTrip), language: stats(language), longTasks, actors: meta?.n ?? 0, framesPerSecond: frames / seconds };
}
