// The app's shareable settings (URL) and its series store.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSettings, encodeSettings, DEFAULT_SETTINGS, type AppSettings } from '../../viz/state/url.ts';
import { createSeries, ROW_WIDTH } from '../../viz/state/series.ts';
import { compareSpec } from '../../viz/compare/panel.ts';
import { parseBatchSpec } from '../../sim/analysis/batch/index.ts';

describe('URL settings', () => {
  it('round-trip scenario, rules, overrides, seed, interventions, tick and language', () => {
    const s: AppSettings = {
      scenario: 'jeugdhulp', rules: { leadership: 'facilitating', tolerance: 0.25 }, sets: ['mu=0.2', 'opgave.beliefNoise=0.4'], seed: 'abc&=?',
      interventions: [{ tick: 12, type: 'rules', rules: { entry: 'closed' } }, { tick: 30, type: 'broker', target: 'Gemeente', with: 'Wijk & co' }],
      tick: 42, end: 250, lang: 'en', presenter: true,
      branch: { at: 20, orig: [{ tick: 12, type: 'rules', rules: { entry: 'closed' } }, { tick: 33, type: 'agendering', amount: 0.3 }], origTick: 60 },
    };
    const back = decodeSettings(encodeSettings(s));
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(s);
  });

  it('round-trip any seed, tick and preset', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.string({ minLength: 1 }).filter((x) => x.trim() !== '' && !Number.isFinite(Number(x)))),
      fc.nat(10_000), fc.constantFrom('open-netwerk', 'faciliterend', 'keten'), (seed, tick, rules) => {
        const back = decodeSettings(encodeSettings({ ...DEFAULT_SETTINGS, seed, tick, rules })).settings;
        expect(back.seed).toEqual(seed);
        expect(back.tick).toBe(tick);
        expect(back.rules).toBe(rules);
      }));
  });

  it('reports interventions that are not valid events, keeps the rest', () => {
    const bad = decodeSettings('?scenario=wijk&seed=3&iv=' + encodeURIComponent('[{"tick":1,"type":"nonsense"}]'));
    expect(bad.settings.scenario).toBe('wijk');
    expect(bad.settings.seed).toBe(3);
    expect(bad.settings.interventions).toEqual([]);
    expect(bad.problems.join('\n')).toMatch(/iv \(link\)/);
  });
});

describe('series store', () => {
  const row = (tick: number) => Float64Array.from({ length: ROW_WIDTH }, (_, c) => (c === 0 ? tick : tick * 10 + c));
  const rows = (...ticks: number[]) => {
    const out = new Float64Array(ticks.length * ROW_WIDTH);
    ticks.forEach((t, i) => out.set(row(t), i * ROW_WIDTH));
    return out;
  };
  it('appends rows, grows, and replaces from a tick it already holds', () => {
    const s = createSeries();
    s.append(rows(...Array.from({ length: 300 }, (_, i) => i)));
    expect(s.length).toBe(300);
    expect(s.value(299, 'richten')).toBe(2991);
    s.append(rows(298, 299, 300));
    expect(s.length).toBe(301);
    expect(s.rowOfTick(300)).toBe(300);
    expect(s.last('richten')).toBe(3001);
    expect(Array.from(s.column('leren')).slice(0, 2)).toEqual([2, 12]);
  });
});

describe('Compare panel spec', () => {
  it('is a valid batch spec for `samenspel batch`', () => {
    const spec = compareSpec({ scenario: 'jeugdhulp', sets: ['mu=0.2'], strategies: ['open-netwerk', 'faciliterend'], replications: 5, seed: 3, ticks: 120 });
    const parsed = parseBatchSpec(spec, 'compare.json');
    expect(parsed.strategies.map((s) => s.id)).toEqual(['open-netwerk', 'faciliterend']);
    expect(parsed.measures).toHaveLength(6);
  });
});
