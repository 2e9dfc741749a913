// Events are checked against the scenario at every boundary (scenario file, --events, batch
// strategies, live interventions), naming the source, the event's index, the field and the
// valid names; nothing invalid reaches a tick.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorNames, createRun, eventIssues, InputError, MEASURE_INDEX, parseScenario, type ScenarioEvent, type ScenarioInput } from '../../sim/index.ts';
import { ROOT, TINY_BASE, tiny } from '../helpers.ts';
import { issuesOf, resolveSpec, validSpec } from '../batch/helpers.ts';

const withGroup = () => tiny({
  groups: [{ name: 'Bewoner', label: { nl: 'Bewoners', en: 'Residents' }, sector: 's2', count: 3, stake: [0.5, 0.5] }],
});

function inputError(f: () => unknown): InputError {
  try { f(); } catch (e) { if (e instanceof InputError) return e; throw e; }
  throw new Error('expected an InputError');
}

describe('event checks', () => {
  it('knows generated group members by the names the run gives them', () => {
    expect(actorNames(withGroup())).toEqual(['A', 'B', 'Bewoner 1', 'Bewoner 2', 'Bewoner 3']);
    const ok: ScenarioEvent[] = [
      { tick: 2, type: 'mobilise', target: 'Bewoner 3', amount: 0.3 },
      { tick: 2, type: 'broker', target: 'sector:s1', with: 'group:Bewoner' },
      { tick: 3, type: 'stakeShift', target: '*', aspect: 'b', by: -0.2 },
    ];
    expect(eventIssues(withGroup(), ok)).toEqual([]);
  });

  it('names the index, the field and the valid names', () => {
    const bad = [
      { tick: 2, type: 'mobilise', target: 'Z' },
      { tick: 2, type: 'broker', target: 'A', with: 'sector:nope' },
      { tick: 2, type: 'resourceCut', target: 'group:Nobody', cut: 0.2 },
      { tick: 2, type: 'stakeShift', target: 'A', aspect: 'zz', to: 0.5 },
      { tick: 2, type: 'shift', target: 'A', trait: 'mandate', to: 1.5 },
      { tick: 2, type: 'rules', rules: 'no-such-preset' },
    ] as ScenarioEvent[];
    const issues = eventIssues(withGroup(), bad);
    expect(issues.map((i) => i.path)).toEqual([
      'events[0].target', 'events[1].with', 'events[2].target', 'events[3].aspect', 'events[4].to', 'events[5].rules',
    ]);
    expect(issues[0].message).toContain("unknown actor 'Z'");
    expect(issues[0].message).toContain("'A', 'B', 'Bewoner 1' … 'Bewoner 3'");
    expect(issues[1].message).toContain('sectors are: s1, s2');
    expect(issues[2].message).toContain('groups are: Bewoner');
    expect(issues[3].message).toContain('aspects are: a, b');
    expect(issues[5].message).toContain('open-netwerk');
  });

  it('checks amounts, parameters and rule values that code-made interventions bring unparsed', () => {
    const bad = [
      { tick: 2, type: 'params', params: { mu: 7, nonsense: 1 } },
      { tick: 2, type: 'params', params: { maxMeetings: 2.5, meetingMode: 'telepathy' } },
      { tick: 2, type: 'resourceCut', target: '*', cut: 1.5 },
      { tick: 2, type: 'agendering', amount: -1 },
      { tick: 2, type: 'rules', rules: { entry: 'wide-open' } },
    ] as unknown as ScenarioEvent[];
    expect(eventIssues(tiny(), bad).map((i) => i.path)).toEqual([
      'events[0].params.mu', 'events[0].params.nonsense', 'events[1].params.maxMeetings', 'events[1].params.meetingMode',
      'events[2].cut', 'events[3].amount', 'events[4].rules.entry',
    ]);
    const run = createRun({ scenario: tiny(), seed: 1 });
    expect(() => run.intervene({ type: 'params', params: { mu: 7 } })).toThrow(/params\.mu: expected a number from 0 to 0\.5, got 7/);
    // A parameter read only at creation would do nothing mid-run: refused, pointing to --set.
    expect(() => run.intervene({ type: 'params', params: { stakeBias: 0.5 } })).toThrow(/params\.stakeBias: 'stakeBias' acts only when a run is created; .*--set stakeBias/);
    expect(run.interventions).toHaveLength(0);
  });

  it('a landscape event needs a field, a whole period, knowledge aspects and at most 16 knobs for turbulence', () => {
    const bad = [
      { tick: 2, type: 'landscape' },
      { tick: 2, type: 'landscape', turbulence: 1.5 },
      { tick: 2, type: 'landscape', turbulenceEvery: 2.5 },
    ] as unknown as ScenarioEvent[];
    expect(eventIssues(tiny(), bad).map((i) => i.path)).toEqual(['events[0]', 'events[1].turbulence', 'events[2].turbulenceEvery']);
    const ok: ScenarioEvent[] = [{ tick: 2, type: 'landscape', turbulence: 0.3, turbulenceEvery: 10 }];
    expect(eventIssues(tiny(), ok)).toEqual([]);
    const valuesOnly = tiny({ aspects: [{ id: 'v', label: { nl: 'v', en: 'v' }, kind: 'value' }],
      actors: [{ name: 'A', sector: 's1', stake: [0.2] }, { name: 'B', sector: 's2', stake: [0.8] }] });
    expect(eventIssues(valuesOnly, ok)[0].message).toMatch(/no knowledge aspects/);
    const four = ['k1', 'k2', 'k3', 'k4'].map((id) => ({ id, label: { nl: id, en: id }, kind: 'knowledge' as const }));
    const twenty = tiny({ aspects: four, opgave: { landscape: { knobs: 5 } } as ScenarioInput['opgave'],
      actors: [{ name: 'A', sector: 's1', stake: [0.2, 0.2, 0.2, 0.2] }, { name: 'B', sector: 's2', stake: [0.8, 0.8, 0.8, 0.8] }] });
    expect(eventIssues(twenty, ok).map((i) => [i.path, i.message])).toEqual([['events[0].turbulence', expect.stringMatching(/at most 16 knobs .* has 20/)]]);
    // Switching turbulence off, or only its period, is fine at any size.
    expect(eventIssues(twenty, [{ tick: 2, type: 'landscape', turbulence: 0, turbulenceEvery: 9 }])).toEqual([]);
  });

  it('a live intervention gets the schema\'s defaults, as an events file does; mobilise acts by its amount', () => {
    const engagementAfter = (iv: Parameters<ReturnType<typeof createRun>['intervene']>[0] | null) => {
      const run = createRun({ scenario: tiny(), seed: 4 });
      run.step();
      const recorded = iv ? run.intervene(iv) : null;
      run.step();
      return { e: run.state.engagement[1], recorded };
    };
    const implicit = engagementAfter({ type: 'mobilise', target: 'B' });
    expect(implicit.recorded).toEqual({ type: 'mobilise', target: 'B', amount: 0.3, tick: 2 });
    expect(engagementAfter({ type: 'mobilise', target: 'B', amount: 0.3 }).e).toBe(implicit.e);
    // The amount is the path: 0 leaves engagement as without the event, 1 raises it to full.
    expect(engagementAfter({ type: 'mobilise', target: 'B', amount: 0 }).e).toBe(engagementAfter(null).e);
    expect(engagementAfter({ type: 'mobilise', target: 'B', amount: 1 }).e).toBeGreaterThan(implicit.e);
    const run = createRun({ scenario: tiny(), seed: 4 });
    expect(() => run.intervene({ type: 'mobilise', target: 'B', label: 5 } as never)).toThrow(InputError);
    expect(() => run.intervene({ type: 'mobilise', target: 'B', amount: 2 })).toThrow(/amount: expected a number from 0 to 1, got 2/);
    expect(run.interventions).toHaveLength(0);
  });

  it('a scenario file with a bad event is refused with the event\'s path', () => {
    const e = inputError(() => parseScenario({ ...TINY_BASE, actors: [{ name: 'A', sector: 's1', stake: [0.2, 0.2] }], events: [{ tick: 4, type: 'mobilise', target: 'Q' }] }, 'my.json'));
    expect(e.message).toMatch(/^my\.json:/);
    expect(e.issues[0].path).toBe('events[0].target');
  });

  it('createRun refuses extra events before any tick runs', () => {
    const e = inputError(() => createRun({ scenario: tiny(), seed: 1, events: [{ tick: 5, type: 'leave', target: 'Nobody' }] }));
    expect(e.issues[0].path).toBe('events[0].target');
  });

  it('a live intervention naming nobody is refused and the run goes on', () => {
    const run = createRun({ scenario: tiny(), seed: 1 });
    run.step();
    expect(() => run.intervene({ type: 'mobilise', target: 'Nobody' })).toThrow(InputError);
    expect(run.interventions).toHaveLength(0);
    run.intervene({ type: 'mobilise', target: 'B' });
    expect(() => { run.step(); run.step(); }).not.toThrow();
    expect(run.log.some((l) => l.kind === 'mobilise')).toBe(true);
  });

  it('a meeting brokered with an actor who left the same tick does not happen (density stays ≤ 1)', () => {
    const run = createRun({ scenario: tiny(), seed: 1, events: [
      { tick: 1, type: 'leave', target: 'B' },
      { tick: 1, type: 'broker', target: 'A', with: 'B' },
    ] });
    run.step();
    const s = run.state;
    for (let q = 0; q < s.degree[0]; q++) expect(s.tieTo[q]).not.toBe(1);
    expect(s.brokerCount).toBe(0);
    expect(run.measures[MEASURE_INDEX.density]).toBeLessThanOrEqual(1);
  });

  it('a batch strategy whose events name what a scenario lacks is refused at planning', () => {
    const raw = { ...validSpec(), strategies: [{ id: 'x', preset: 'open-netwerk', events: [{ tick: 3, type: 'mobilise', target: 'Nobody' }] }] };
    const issues = issuesOf(() => resolveSpec(raw));
    expect(issues[0].path).toBe('strategies[0].events[0].target');
    expect(issues[0].message).toContain("in scenario 'tiny'");
  });

  it('the CLI exits 1 naming the file, the actor and the valid names (no stack trace)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-events-'));
    const file = join(dir, 'x.json');
    writeFileSync(file, JSON.stringify([{ tick: 5, type: 'mobilise', target: 'Gemeente Nergenshuizen' }]));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'samenspel.js'), 'run', 'jeugdhulp', '--events', file, '--ticks', '10'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain("events[0].target: unknown actor 'Gemeente Nergenshuizen'");
    expect(r.stderr).toContain("'Gemeente'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
