import { describe, expect, it } from 'vitest';
import { createRecorder, createRun, seriesToCsv, simulate } from '../../sim/index.ts';
import { shipped } from '../helpers.ts';

describe('determinism', () => {
  it('same scenario, rules and seed give byte-identical series', () => {
    const sc = shipped('jeugdhulp');
    const a = simulate({ scenario: sc, seed: 7, ticks: 120 });
    const b = simulate({ scenario: sc, seed: 7, ticks: 120 });
    expect(seriesToCsv(a.recorder)).toBe(seriesToCsv(b.recorder));
    expect(a.run.log).toEqual(b.run.log);
  });

  it('different seeds give different runs', () => {
    const sc = shipped('jeugdhulp');
    const a = simulate({ scenario: sc, seed: 1, ticks: 60 });
    const b = simulate({ scenario: sc, seed: 2, ticks: 60 });
    expect(seriesToCsv(a.recorder)).not.toBe(seriesToCsv(b.recorder));
  });

  it('a second run in the same process is unaffected by the first', () => {
    const sc = shipped('synthetisch');
    const first = simulate({ scenario: sc, seed: 3, ticks: 20, rules: 'faciliterend' });
    simulate({ scenario: sc, seed: 4, ticks: 20, rules: 'keten' });
    const again = simulate({ scenario: sc, seed: 3, ticks: 20, rules: 'faciliterend' });
    expect(seriesToCsv(again.recorder)).toBe(seriesToCsv(first.recorder));
  });

  it('interventions replay exactly as scheduled events', () => {
    const sc = shipped('jeugdhulp');
    const live = createRun({ scenario: sc, seed: 5 });
    const rec = createRecorder();
    rec.collect(live);
    for (let t = 1; t <= 80; t++) {
      if (t === 30) live.setRules('faciliterend');
      if (t === 50) live.intervene({ type: 'mobilise', target: 'Jongerenraad' });
      live.step();
      rec.collect(live);
    }
    const replay = simulate({ scenario: sc, seed: 5, ticks: 80, events: [...live.interventions] });
    expect(seriesToCsv(replay.recorder)).toBe(seriesToCsv(rec));
    expect(live.interventions.map((e) => e.tick)).toEqual([30, 50]);
    expect(live.log.some((l) => l.kind === 'rules' && l.marked && l.tick === 30)).toBe(true);
  });
});
