// Invariants over random scenarios, rules and interventions (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun, MEASURES, restoreRun, seriesToCsv, createRecorder, type Run } from '../../sim/index.ts';
import { interventionArb, partialRulesArb, scenarioArb } from '../arbitraries.ts';

function checkState(run: Run): void {
  const s = run.state;
  const m = run.measures;
  MEASURES.forEach((spec, i) => {
    const v = m[i];
    expect(Number.isFinite(v), `${spec.key} is ${v} at tick ${run.tick}`).toBe(true);
    expect(v, `${spec.key} below its minimum`).toBeGreaterThanOrEqual(spec.min);
    if (spec.max !== null) expect(v, `${spec.key} above its maximum`).toBeLessThanOrEqual(spec.max + 1e-12);
  });
  // Actors are conserved: every present actor has exactly one position.
  const at = (k: string) => m[MEASURES.findIndex((x) => x.key === k)];
  let present = 0;
  for (let i = 0; i < s.n; i++) if (s.present[i]) present++;
  expect(at('core') + at('periphery') + at('outside')).toBe(present);
  expect(at('present')).toBe(present);
  // Element checks by hand (an expect() per element would dominate the test's time).
  const bad = (what: string) => { throw new Error(`${what} at tick ${run.tick}`); };
  for (let i = 0; i < s.n; i++) {
    if (!(s.engagement[i] >= 0 && s.engagement[i] <= 1)) bad(`engagement[${i}] = ${s.engagement[i]}`);
    if (s.position[i] > 2) bad(`position[${i}] = ${s.position[i]}`);
    if (s.degree[i] > s.cap) bad(`degree[${i}] > cap`);
    const pr = s.projectOf[i];
    if (pr >= 0 && s.projectState[pr] === 0) bad(`actor ${i} in a free project slot`);
    for (let q = i * s.cap; q < i * s.cap + s.degree[i]; q++) {
      if (!(s.tieTrust[q] >= 0 && s.tieTrust[q] <= 1)) bad(`trust ${s.tieTrust[q]}`);
      if (s.tieTo[q] === i) bad(`self-tie of ${i}`);
    }
  }
  for (let x = 0; x < s.n * s.k; x++) {
    if (!(s.pref[x] >= 0 && s.pref[x] <= 1)) bad(`pref[${x}] = ${s.pref[x]}`);
    if (!(s.belief[x] >= 0 && s.belief[x] <= 1)) bad(`belief[${x}] = ${s.belief[x]}`);
  }
  // Project sizes match their members.
  const sizes = new Map<number, number>();
  for (let i = 0; i < s.n; i++) if (s.projectOf[i] >= 0) sizes.set(s.projectOf[i], (sizes.get(s.projectOf[i]) ?? 0) + 1);
  for (const [pr, size] of sizes) expect(s.projectSize[pr]).toBe(size);
}

describe('invariants (fast-check)', () => {
  it('bounded measures stay in range, nothing becomes NaN, actors are conserved', () => {
    fc.assert(fc.property(scenarioArb, partialRulesArb, fc.integer({ min: 0, max: 1e6 }), (sc, rules, seed) => {
      const run = createRun({ scenario: sc, rules, seed });
      checkState(run);
      for (let t = 0; t < 40; t++) { run.step(); checkState(run); }
    }), { numRuns: 60 });
  });

  it('rule changes and levers mid-run never corrupt the state', () => {
    fc.assert(fc.property(scenarioArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 29 }), interventionArb), { maxLength: 6 }),
      fc.integer({ min: 0, max: 1e6 }), (sc, plan, seed) => {
        const run = createRun({ scenario: sc, seed });
        for (let t = 0; t < 30; t++) {
          // A landscape event is refused (and must be) where the opgave has no knobs to shake.
          for (const [at, ev] of plan) if (at === t && (ev.type !== 'landscape' || run.state.knobs > 0)) run.intervene(ev);
          run.step();
          checkState(run);
        }
      }), { numRuns: 40 });
  });

  it('saving at a random tick and restoring continues exactly as the uninterrupted run', () => {
    fc.assert(fc.property(scenarioArb, partialRulesArb, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 1e6 }),
      (sc, rules, at, seed) => {
        const whole = createRun({ scenario: sc, rules, seed });
        const recWhole = createRecorder();
        const first = createRun({ scenario: sc, rules, seed });
        for (let t = 0; t < at; t++) first.step();
        // Through JSON, as a file or a message between workers would carry it.
        const restored = restoreRun(JSON.parse(JSON.stringify(first.save())));
        const recRestored = createRecorder();
        for (let t = 0; t < 30; t++) {
          whole.step();
          if (t >= at) recWhole.collect(whole);
        }
        for (let t = at; t < 30; t++) { restored.step(); recRestored.collect(restored); }
        expect(seriesToCsv(recRestored)).toBe(seriesToCsv(recWhole));
        expect(restored.log).toEqual(whole.log);
      }), { numRuns: 30 });
  });
});
