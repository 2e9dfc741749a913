// The app's simulation host (the code inside its Web Worker), run in Node: the CSV it exports
// equals simulate()'s for the same settings, live interventions included; its JSON equals the
// CLI's; frames carry what the UI draws.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../workers/app-host.ts';
import { createRun, createRecorder, parseEvents, parseScenario, resolveRules, runToJson, scenarioRules, seriesToCsv, MEASURES } from '../../sim/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'jeugdhulp.json'), 'utf8'));

describe('app simulation host', () => {
  it('exports the same CSV and JSON as a CLI run given the interventions as --events', async () => {
    const host = createSimHost();
    const init = await host.init({ scenario: raw, file: 'scenarios/jeugdhulp.json', sets: ['mu=0.2'], rules: 'faciliterend', seed: 9, interventions: [] });
    expect(init.ok).toBe(true);
    host.runTo(20);
    host.setRules({ leadership: 'directing' });
    host.intervene({ type: 'mobilise', target: 'Huisartsen' });
    host.runTo(45);
    host.intervene({ type: 'agendering', amount: 0.2 });
    host.runTo(60);
    const events = parseEvents(JSON.parse(host.exportEvents()), 'events.json');
    expect(events.map((e) => `${e.type}@${e.tick}`)).toEqual(['rules@21', 'mobilise@21', 'agendering@46']);
    // What `samenspel run jeugdhulp --set mu=0.2 --rules faciliterend --seed 9 --ticks 60 --events events.json` does:
    const scenario = parseScenario({ ...raw, params: { ...(raw.params ?? {}), mu: 0.2 } });
    const run = createRun({ scenario, rules: 'faciliterend', seed: 9, events });
    const rec = createRecorder(60);
    rec.collect(run);
    for (let t = 0; t < 60; t++) { run.step(); rec.collect(run); }
    expect(host.exportCsv()).toBe(seriesToCsv(rec));
    const json = JSON.stringify(runToJson(run, rec), null, 1) + '\n';
    // The CLI names the scenario by its file path in its InputErrors only; the JSON holds the parsed scenario.
    expect(host.exportJson()).toBe(json);
  });

  it("a link's ?set= prototype keys are refused as unknown parameters and touch no prototype", async () => {
    for (const set of ['__proto__.polluted=1', 'constructor.prototype.polluted=1', 'prototype.polluted=1']) {
      const host = createSimHost();
      const init = await host.init({ scenario: raw, file: 'link', sets: [set], seed: 1, interventions: [] });
      expect(init.ok, set).toBe(false);
      if (!init.ok) expect(init.error).toMatch(/is not a parameter or scenario field/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('replays interventions given at init exactly as made live', async () => {
    const a = createSimHost();
    await a.init({ scenario: raw, file: 'x', sets: [], seed: 4, interventions: [] });
    a.runTo(15);
    a.setRules('gesloten-kern');
    a.runTo(40);
    const b = createSimHost();
    const replay = parseEvents(JSON.parse(a.exportEvents()), 'iv');
    const init = await b.init({ scenario: raw, file: 'x', sets: [], seed: 4, interventions: replay, goTo: 40 });
    expect(init.ok && init.meta.interventions).toHaveLength(1);
    expect(b.exportCsv()).toBe(a.exportCsv());
  });

  it('sends frames as typed arrays with the measure rows since the last frame, and ties on demand', async () => {
    const host = createSimHost();
    const init = await host.init({ scenario: raw, file: 'x', sets: [], seed: 1, interventions: [] });
    if (!init.ok) throw new Error(init.error);
    const n = init.meta.n;
    const f0 = host.frame({ runId: init.meta.runId, tick: -1, logLength: 0, interventions: 0, tiesTick: -1e9 })!;
    expect(f0.position).toBeInstanceOf(Uint8Array);
    expect(f0.engagement).toBeInstanceOf(Float32Array);
    expect(f0.pref.length).toBe(n * init.meta.k);
    expect(f0.rows.length).toBe(MEASURES.length + 1);
    expect(f0.ties).not.toBeNull();
    expect(host.frame({ runId: init.meta.runId, tick: 0, logLength: f0.log.length, interventions: 0, tiesTick: 0 })).toBeNull();
    host.step(3);
    const f1 = host.frame({ runId: init.meta.runId, tick: 0, logLength: f0.log.length, interventions: 0, tiesTick: 0 })!;
    expect(f1.tick).toBe(3);
    expect(f1.rows.length).toBe(3 * (MEASURES.length + 1));
    expect(f1.rows[0]).toBe(1);
    expect(f1.ties).toBeNull();
    expect(host.buffersOf(f1).every((b) => b instanceof ArrayBuffer)).toBe(true);
  });

  it('plays at the chosen speed and pauses at the stop tick', async () => {
    const host = createSimHost();
    await host.init({ scenario: raw, file: 'x', sets: [], seed: 2, interventions: [] });
    host.setSpeed(0);
    host.setStopAt(25);
    host.play();
    for (let i = 0; i < 200 && host.frame({ runId: 1, tick: 0, logLength: 0, interventions: 0, tiesTick: 0 })?.playing !== false; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const f = host.frame({ runId: 1, tick: 0, logLength: 0, interventions: 0, tiesTick: 0 })!;
    expect(f.tick).toBe(25);
    expect(f.playing).toBe(false);
    expect(f.end).toBe(25);
    // A run has an end: play and step at the last tick do not go on ...
    host.play();
    expect(host.step(3)).toBe(25);
    await new Promise((r) => setTimeout(r, 30));
    const still = host.frame({ runId: 1, tick: 0, logLength: 0, interventions: 0, tiesTick: 0 })!;
    expect([still.tick, still.playing]).toEqual([25, false]);
    // ... until the run is extended explicitly.
    host.setStopAt(35);
    host.play();
    for (let i = 0; i < 200 && host.frame({ runId: 1, tick: 0, logLength: 0, interventions: 0, tiesTick: 0 })?.playing !== false; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(host.frame({ runId: 1, tick: 0, logLength: 0, interventions: 0, tiesTick: 0 })!.tick).toBe(35);
  });

  it('"wat als hier?": a branch restored from a saved state equals the same run made from the start, bit for bit', async () => {
    const host = createSimHost();
    await host.init({ scenario: raw, file: 'x', sets: [], seed: 6, interventions: [{ tick: 8, type: 'agendering', amount: 0.2 }] });
    host.runTo(11);
    host.intervene({ type: 'mobilise', target: 'Huisartsen' });
    host.runTo(29);
    host.setRules({ leadership: 'directing' }); // at 30: after the branch tick, so dropped
    host.runTo(40);
    const branched = host.branch(23, [{ tick: 35, type: 'platform', amount: 3 }]);
    expect(branched.ok).toBe(true);
    expect(host.frame({ runId: -1, tick: -1, logLength: 0, interventions: 0, tiesTick: 0 })!.tick).toBe(23);
    host.intervene({ type: 'broker', target: 'Gemeente', with: 'Huisartsen' }); // at 24
    host.runTo(45);
    const events = parseEvents(JSON.parse(host.exportEvents()), 'events.json');
    expect(events.map((e) => `${e.type}@${e.tick}`)).toEqual(['agendering@8', 'mobilise@12', 'platform@35', 'broker@24']);
    const scenario = parseScenario(raw);
    const run = createRun({ scenario, seed: 6, events });
    const rec = createRecorder(45);
    rec.collect(run);
    for (let t = 0; t < 45; t++) { run.step(); rec.collect(run); }
    expect(host.exportCsv()).toBe(seriesToCsv(rec));
    // exportJson replays the events from the start and checks the series equal the live ones.
    expect(() => host.exportJson()).not.toThrow();
    expect(host.branch(60, []).ok).toBe(false);
  });

  it('reports bad scenarios and overrides as the CLI does, naming file and field', async () => {
    const host = createSimHost();
    const bad = await host.init({ scenario: raw, file: 'scenarios/jeugdhulp.json', sets: ['mu=7'], seed: 1, interventions: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toMatch(/scenarios\/jeugdhulp\.json \(with --set mu=7\)/);
      expect(bad.issues[0].path).toBe('params.mu');
    }
  });
});
