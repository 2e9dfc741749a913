// The shipped scenario library: every file is a complete, runnable, documented scenario.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applySet, CORE, createRun, MEASURE_KEYS, parseEvents, parseScenario, resolveRules, scenarioRules, simulate, type Scenario,
} from '../../sim/index.ts';
import { ROOT } from '../helpers.ts';

const DIR = join(ROOT, 'scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const raw = (id: string) => JSON.parse(readFileSync(join(DIR, `${id}.json`), 'utf8')) as Record<string, unknown>;
const load = (id: string): Scenario => parseScenario(raw(id), `${id}.json`);

/** The library of issue 5 (ODD.md §2 and the seeds), plus the two the project started with. */
const LIBRARY = [
  'jeugdhulp', 'wijk', 'segregatie', 'bewonersinitiatief', 'participatiewet', 'zorgen-dat', 'bezuiniging',
  'keten-of-netwerk', 'strategische-kern', 'participatiesamenleving', 'synthetisch',
];
/** Benchmark scenarios: no story, so no patterns. */
const NO_PATTERNS = new Set(['synthetisch']);

describe('the scenario library', () => {
  it('ships every scenario of the library, and nothing but scenarios in scenarios/*.json', () => {
    for (const id of LIBRARY) expect(files, id).toContain(`${id}.json`);
  });

  const docs = readFileSync(join(ROOT, 'docs', 'SCENARIOS.md'), 'utf8');

  for (const file of files) {
    const id = file.slice(0, -5);
    describe(id, () => {
      const sc = load(id);

      it('parses, its id is its file name, and it has nl and en texts', () => {
        expect(sc.id).toBe(id);
        for (const lang of ['nl', 'en'] as const) {
          expect(sc.title[lang].trim().length).toBeGreaterThan(3);
          expect(sc.description[lang].trim().length).toBeGreaterThan(40);
          for (const a of sc.aspects) expect(a.label[lang].trim()).not.toBe('');
          for (const s of sc.sectors) expect(s.label[lang].trim()).not.toBe('');
        }
        expect(sc.title.nl).not.toBe(sc.title.en);
      });

      it('has watchFor notes for a trainer in both languages, one for one', () => {
        expect(sc.watchFor).toBeDefined();
        expect(sc.watchFor!.nl.length).toBeGreaterThan(0);
        expect(sc.watchFor!.en.length).toBe(sc.watchFor!.nl.length);
        for (const line of [...sc.watchFor!.nl, ...sc.watchFor!.en]) expect(line.trim().length).toBeGreaterThan(10);
      });

      it('lists the patterns it is meant to show, each once', () => {
        if (NO_PATTERNS.has(id)) return;
        expect(sc.patterns.length).toBeGreaterThan(0);
        expect(new Set(sc.patterns).size).toBe(sc.patterns.length);
      });

      it('is documented in docs/SCENARIOS.md with its patterns', () => {
        const start = docs.indexOf(`## ${id}\n`);
        expect(start, `a '## ${id}' section`).toBeGreaterThanOrEqual(0);
        const next = docs.indexOf('\n## ', start + 3);
        const section = docs.slice(start, next < 0 ? undefined : next);
        for (const p of sc.patterns) expect(section, p).toContain(p);
      });

      it('runs 30 ticks without NaN', () => {
        const { run, recorder } = simulate({ scenario: sc, seed: 11, ticks: 30 });
        expect(recorder.length).toBe(31);
        for (const key of MEASURE_KEYS) {
          const col = recorder.column(key);
          expect(col.every(Number.isFinite), key).toBe(true);
        }
        for (const entry of run.log) { expect(entry.nl).not.toBe(''); expect(entry.en).not.toBe(''); }
      });

      it('labels its scheduled events in both languages', () => {
        for (const e of sc.events) {
          if (id === 'synthetisch') continue;
          expect(e.label, `${e.type} at tick ${e.tick}`).toBeDefined();
        }
      });

      it('every alias is a --set key that works', () => {
        for (const [alias, path] of Object.entries(sc.aliases)) {
          const r = raw(id);
          let value: unknown = r;
          for (const p of path.split('.')) value = (value as Record<string, unknown>)[p];
          expect(value, `${alias} → ${path}`).toBeDefined();
          applySet(r, `${alias}=${JSON.stringify(value)}`);
          expect(() => parseScenario(r, `${id} --set ${alias}`)).not.toThrow();
        }
      });

      it('keeps named actors and generated groups to a size that runs fast', () => {
        if (id === 'participatiesamenleving' || id === 'synthetisch') return;
        expect(sc.actors.length).toBeGreaterThanOrEqual(8);
        expect(sc.actors.length).toBeLessThanOrEqual(20);
        expect(sc.groups.reduce((a, g) => a + g.count, 0)).toBeLessThanOrEqual(100);
      });
    });
  }
});

describe('what each scenario promises (from its seed)', () => {
  it('wijk: residents as a generated group plus named residents\' associations, with conflicting value aspects', () => {
    const sc = load('wijk');
    expect(sc.groups.some((g) => g.sector === 'bewoners' && g.count > 0)).toBe(true);
    expect(sc.actors.filter((a) => a.sector === 'bewoners').length).toBeGreaterThanOrEqual(2);
    expect(sc.aspects.filter((a) => a.kind === 'value').length).toBeGreaterThanOrEqual(2);
  });

  it('segregatie: every knowledge aspect is known best by a different sector', () => {
    const sc = load('segregatie');
    const knowledge = sc.aspects.map((a, k) => [a, k] as const).filter(([a]) => a.kind === 'knowledge');
    const best = knowledge.map(([, k]) => {
      const levels = sc.sectors.map((s) => (s.expertise as number[])[k]);
      return sc.sectors[levels.indexOf(Math.max(...levels))].id;
    });
    expect(new Set(best).size).toBe(knowledge.length);
  });

  it('bewonersinitiatief: municipality and province start outside, with at most one tie to the initiative side', () => {
    const sc = load('bewonersinitiatief');
    const gov = new Set(sc.actors.filter((a) => a.sector === 'gemeente' || a.sector === 'regio').map((a) => a.name));
    const side = new Set(sc.actors.filter((a) => a.sector === 'bewoners' || a.sector === 'belangen').map((a) => a.name));
    const crossing = sc.ties.filter((t) => (gov.has(t.from) && side.has(t.to)) || (gov.has(t.to) && side.has(t.from)));
    expect(crossing.length).toBeLessThanOrEqual(1);
    for (const n of ['Gemeente', 'Provincie']) expect(sc.actors.find((a) => a.name === n)!.position).toBe('outside');
    const events = parseEvents(JSON.parse(readFileSync(join(DIR, 'examples', 'bewonersinitiatief-makelen.json'), 'utf8')));
    const run = createRun({ scenario: sc, seed: 1, events });
    for (let t = 0; t < 61; t++) run.step();
    expect(run.log.filter((l) => l.marked && l.tick === 60)).toHaveLength(events.length);
  });

  it('participatiewet: existing jobs and participation are value aspects, and some sectors are rivals', () => {
    const sc = load('participatiewet');
    for (const id of ['participatie', 'bestaande-banen']) expect(sc.aspects.find((a) => a.id === id)!.kind).toBe('value');
    expect(sc.sectors.some((s) => s.rivals.length > 0)).toBe(true);
  });

  it('zorgen-dat: mandate and access move from providers to clients in scheduled shifts', () => {
    const sc = load('zorgen-dat');
    const shifts = sc.events.filter((e) => e.type === 'shift');
    for (const trait of ['mandate', 'access']) {
      expect(shifts.some((e) => e.type === 'shift' && e.trait === trait && e.target === 'sector:zorg' && (e.by ?? 0) < 0), trait).toBe(true);
      expect(shifts.some((e) => e.type === 'shift' && e.trait === trait && e.target === 'sector:clienten' && (e.by ?? 0) > 0), trait).toBe(true);
    }
    const provider = sc.actors.findIndex((a) => a.sector === 'zorg');
    const council = sc.actors.findIndex((a) => a.sector === 'clienten');
    const run = createRun({ scenario: sc, seed: 2 });
    const before = [run.state.mandate[provider], run.state.access[council]];
    for (let t = 0; t < 121; t++) run.step();
    expect(run.state.mandate[provider]).toBeLessThan(before[0]);
    expect(run.state.access[council]).toBeGreaterThan(before[1]);
  });

  it('bezuiniging: the cuts of “De kunst van het netwerken” — care −25 %, childcare −20 % and −20 % again', () => {
    const cuts = load('bezuiniging').events.flatMap((e) => (e.type === 'resourceCut' ? [[e.target, e.cut] as const] : []));
    expect(cuts).toEqual([['sector:zorg', 0.25], ['sector:kinderopvang', 0.2], ['sector:kinderopvang', 0.2]]);
  });

  it('keten-of-netwerk: a network by default, the chain preset as the alternative, complexity settable by alias', () => {
    const sc = load('keten-of-netwerk');
    expect(scenarioRules(sc).structure).toBe('network');
    expect(resolveRules(scenarioRules(sc), 'keten').structure).toBe('chain');
    const r = raw('keten-of-netwerk');
    for (const s of ['kappa=7', 'modularity=0.25', 'distance=0.6']) applySet(r, s);
    const complex = parseScenario(r);
    expect(complex.opgave.landscape.interdependence).toBe(7);
    expect(complex.opgave.landscape.withinShare).toBe(0.25);
    expect(complex.opgave.landscape.distance).toBe(0.6);
    expect(createRun({ scenario: complex, seed: 1 }).state.knobK).toBe(7);
  });

  it('strategische-kern: no core at the start; four actors differ only in one route each, a fifth in none', () => {
    const sc = load('strategische-kern');
    const run = createRun({ scenario: sc, seed: 1 });
    expect(Array.from(run.state.position).filter((p) => p === CORE)).toHaveLength(0);
    expect(sc.actors.every((a) => a.position === undefined)).toBe(true);
    const routes = ['mandate', 'reputation', 'access', 'proactiveness'] as const;
    const key = sc.actors.slice(0, 5);
    const rest = (a: (typeof key)[number]) => JSON.stringify({ ...a, name: '', sector: '', mandate: 0, reputation: 0, access: 0, proactiveness: 0 });
    expect(new Set(key.map(rest)).size).toBe(1);
    routes.forEach((r, i) => {
      expect(key[i][r]).toBeGreaterThan(0.8);
      for (const other of routes) if (other !== r) expect(key[i][other]).toBeLessThan(0.3);
    });
    for (const r of routes) expect(key[4][r]).toBeLessThan(0.3);
  });

  it('participatiesamenleving: thousands of generated residents, resizable with --set actors=N', () => {
    const sc = load('participatiesamenleving');
    expect(sc.groups.reduce((a, g) => a + g.count, 0)).toBeGreaterThanOrEqual(3000);
    const r = raw('participatiesamenleving');
    applySet(r, 'actors=500');
    expect(parseScenario(r).groups.reduce((a, g) => a + g.count, 0)).toBe(500);
  });

  it('the example files referenced in the docs exist, outside the scenario list', () => {
    for (const f of ['actoren.csv', 'ties.csv', 'bewonersinitiatief-makelen.json']) expect(existsSync(join(DIR, 'examples', f)), f).toBe(true);
    expect(files.some((f) => f.includes('examples'))).toBe(false);
  });
});
