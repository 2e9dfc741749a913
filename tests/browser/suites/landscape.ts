// The NK landscape (sim/engine/landscape) and its Lazer–Friedman docking give the same bits in
// Chromium as in Node: the page imports the same modules from the dev server, and a byte hash
// of every enumerated worth, the landscape after turbulence, and a Lazer–Friedman curve are
// compared with the same computation here. The dev server's root is viz/, so the modules are
// fetched by their absolute path (/@fs/…).
import { openPage, ROOT } from '../harness.ts';
import { assertEqual, test } from '../registry.ts';
import * as landscapeModule from '../../../sim/engine/landscape/index.ts';
import * as rngModule from '../../../sim/engine/rng.ts';
import * as lfModule from '../../../sim/docking/lazerFriedman.ts';

type L = typeof landscapeModule; type R = typeof rngModule; type F = typeof lfModule;

/** Runs in Node and, serialised, in the page: no closures over outer names. */
function fingerprint(L: L, R: R, F: F): string {
  const bytesHash = (values: Float64Array): string => {
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h.toString(16);
  };
  const land = L.createLandscape({ perAspect: 4, aspects: 4, k: 5, withinShare: 0.5 }, R.createRng(7));
  const sums = new Float64Array(1 << land.n);
  L.enumerate(land, sums);
  const before = [land.wMax, land.wMean, land.best, bytesHash(sums)];
  L.turbulence(land, 0.25, R.createRng(8));
  L.enumerate(land, sums);
  const pol = L.drawPolarity(land, [0.9, 0.1, 0.7, 0.4], 0.3, R.createRng(9));
  const scaled = new Float64Array(3);
  L.WORTH_SCALES.forEach((s, i) => { scaled[i] = L.scaledWorth(land, sums[12345], s); });
  const lf = F.runLazerFriedman({ n: 16, k: 5, agents: 50, network: 'line', ticks: 30, landscapes: 2, seed: 3 });
  return JSON.stringify([before, [land.wMax, land.wMean, land.best, bytesHash(sums)], [pol.polarity, pol.statusQuo], Array.from(scaled), bytesHash(Float64Array.from(lf.score))]);
}

test('the NK landscape and Lazer–Friedman give the same bits in Chromium as in Node', async ({ browser, url, note }) => {
  const node = fingerprint(landscapeModule, rngModule, lfModule);
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  const chromium = await page.evaluate(async ({ source, paths }) => {
    const [L, R, F] = await Promise.all(paths.map((p) => import(/* @vite-ignore */ p)));
    // tsx (keepNames) wraps named functions in __name(…); the page gets an identity for it.
    const make = new Function('__name', `return (${source})`) as (n: (f: unknown) => unknown) => (l: unknown, r: unknown, f: unknown) => string;
    return make((f) => f)(L, R, F);
  }, { source: fingerprint.toString(), paths: ['sim/engine/landscape/index.ts', 'sim/engine/rng.ts', 'sim/docking/lazerFriedman.ts'].map((p) => `/@fs${ROOT}/${p}`) });
  note(`fingerprint ${node.slice(0, 120)}…`);
  assertEqual(chromium, node, 'landscape, turbulence, polarities, scales and a Lazer–Friedman curve');
  assertEqual(errors.join('\n'), '', 'console errors');
}, 120_000);

/** Every shipped scenario, stepped: a hash of the CSV of its series (runs in Node and in the page). */
function scenarioHashes(S: typeof import('../../../sim/index.ts'), scenarios: { id: string; json: unknown }[], ticks: number): string[] {
  return scenarios.map(({ id, json }) => {
    const { recorder } = S.simulate({ scenario: S.parseScenario(json, id), seed: 3, ticks });
    const text = S.seriesToCsv(recorder);
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return `${id}:${h.toString(16)}`;
  });
}

test('every shipped scenario runs on the landscape bit-identically in Chromium and Node (55 ticks, one turbulence shock)', async ({ browser, url, note }) => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const S = await import('../../../sim/index.ts');
  const dir = join(ROOT, 'scenarios');
  const scenarios = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ id: f, json: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown }));
  const node = scenarioHashes(S, scenarios, 55);
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  const chromium = await page.evaluate(async ({ source, path, scenarios }) => {
    const mod = await import(/* @vite-ignore */ path);
    const make = new Function('__name', `return (${source})`) as (n: (f: unknown) => unknown) => (s: unknown, sc: unknown, t: number) => string[];
    return make((f) => f)(mod, scenarios, 55);
  }, { source: scenarioHashes.toString(), path: `/@fs${ROOT}/sim/index.ts`, scenarios });
  note(node.join(', '));
  assertEqual(chromium.join('\n'), node.join('\n'), 'the CSV of every shipped scenario');
  assertEqual(errors.join('\n'), '', 'console errors');
}, 300_000);
