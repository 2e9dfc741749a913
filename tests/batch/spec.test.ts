// Malformed batch specs get errors naming the file, the field path and what was expected.
import { describe, expect, it } from 'vitest';
import { parseBatchSpec } from '../../sim/analysis/batch/index.ts';
import { issuesOf, resolveSpec, validSpec } from './helpers.ts';

const parseIssues = (patch: Record<string, unknown>) => issuesOf(() => parseBatchSpec({ ...validSpec(), ...patch }, 'spec.json'));
const only = (issues: { path: string; message: string }[]) => {
  expect(issues).toHaveLength(1);
  return issues[0];
};

describe('batch spec: shape', () => {
  it('accepts the valid base and fills defaults', () => {
    const spec = parseBatchSpec(validSpec(), 'spec.json');
    expect(spec.strategies[0]).toEqual({ id: 'open-netwerk', preset: 'open-netwerk', events: [] });
    expect(spec.measures[0]).toEqual({ measure: 'impact', keep: 'final' });
    expect(spec.statistics).toEqual({ resamples: 2000, level: 0.95, by: [] });
    expect(spec.seriesEvery).toBe(1);
  });

  it('names an unknown preset, with the valid ones', () => {
    const i = only(parseIssues({ strategies: ['open-netwerk', { id: 'x', preset: 'nope' }] }));
    expect(i.path).toBe('strategies[1].preset');
    expect(i.message).toMatch(/faciliterend/);
  });

  it('names a bad measure key, with the valid ones', () => {
    const i = only(parseIssues({ measures: ['impact', { measure: 'impakt', keep: 'final' }] }));
    expect(i.path).toBe('measures[1].measure');
    expect(i.message).toMatch(/richten/);
  });

  it('names a bad keep kind', () => {
    const i = only(parseIssues({ measures: [{ measure: 'impact', keep: 'maximum' }] }));
    expect(i.path).toBe('measures[0].keep');
  });

  it('a threshold needs exactly one of above/below', () => {
    expect(only(parseIssues({ measures: [{ measure: 'core', keep: 'threshold' }] })).message).toMatch(/exactly one of 'above'/);
    expect(only(parseIssues({ measures: [{ measure: 'core', keep: 'threshold', above: 1, below: 2 }] })).path).toBe('measures[0]');
  });

  it('a mean window is last or from/to, from ≤ to', () => {
    expect(only(parseIssues({ measures: [{ measure: 'richten', keep: 'mean', last: 5, from: 1 }] })).message).toMatch(/either 'last' or 'from'/);
    expect(only(parseIssues({ measures: [{ measure: 'richten', keep: 'mean', from: 9, to: 3 }] })).message).toMatch(/'from' must not exceed 'to'/);
    expect(only(parseIssues({ measures: [{ measure: 'richten', keep: 'mean', last: 0 }] })).path).toBe('measures[0].last');
  });

  it('rejects unknown fields (typos) where they are', () => {
    const i = only(parseIssues({ replicatons: 5 }));
    expect(i.path).toBe('');
    expect(i.message).toMatch(/replicatons/);
    expect(only(parseIssues({ strategies: [{ id: 'a', preset: 'keten', rule: {} }] })).path).toBe('strategies[0]');
  });

  it('replications must be a whole number ≥ 1', () => {
    expect(only(parseIssues({ replications: 0 })).path).toBe('replications');
    expect(only(parseIssues({ replications: 2.5 })).path).toBe('replications');
  });

  it('ids cannot hold underscores (they separate runId parts) and must be unique', () => {
    expect(only(parseIssues({ strategies: ['keten', { id: 'my_strategy', preset: 'keten' }] })).path).toBe('strategies[1].id');
    const dup = only(parseIssues({ strategies: ['keten', { id: 'keten', rules: { entry: 'open' } }] }));
    expect(dup.path).toBe('strategies[1].id');
    expect(dup.message).toMatch(/duplicate id 'keten'/);
    const sameScenario = only(parseIssues({ scenarios: ['tiny', { scenario: 'tiny', set: ['mu=0.2'] }] }));
    expect(sameScenario.path).toBe('scenarios[1].id');
  });

  it('checks partial rules and scheduled events with the engine schemas', () => {
    expect(only(parseIssues({ strategies: [{ id: 'a', rules: { entry: 'half-open' } }] })).path).toBe('strategies[0].rules.entry');
    expect(only(parseIssues({ strategies: [{ id: 'a', events: [{ tick: 3, type: 'resourceCut', target: '*', cut: 2 }] }] })).path)
      .toBe('strategies[0].events[0].cut');
  });

  it('a set override must look like key=value', () => {
    expect(only(parseIssues({ scenarios: [{ scenario: 'tiny', set: ['mu'] }] })).path).toBe('scenarios[0].set[0]');
  });

  it('statistics.by must name design parameters', () => {
    expect(only(parseIssues({ statistics: { by: ['mu'] } })).message).toMatch(/needs a design/);
    const i = only(parseIssues({ design: { type: 'factorial', params: { mu: [0.1, 0.2] } }, statistics: { by: ['trustGain'] } }));
    expect(i.path).toBe('statistics.by');
    expect(i.message).toMatch(/design parameters: mu/);
  });

  it('design kinds: a discriminated union with precise paths', () => {
    expect(only(parseIssues({ design: { type: 'sobol' } })).path).toBe('design.type');
    expect(only(parseIssues({ design: { type: 'lhs', params: { mu: { min: 0.1, max: 0.4 } } } })).path).toBe('design.samples');
    expect(only(parseIssues({ design: { type: 'lhs', samples: 4, params: { mu: { min: 0.4, max: 0.1 } } } })).message).toMatch(/min must not exceed max/);
    expect(only(parseIssues({ design: { type: 'factorial', params: { mu: [] } } })).path).toBe('design.params.mu');
  });
});

describe('batch spec: resolving against scenarios and parameters', () => {
  it('names an unknown scenario, listing the shipped ones', () => {
    const i = only(issuesOf(() => resolveSpec({ ...validSpec(), scenarios: ['tiny', 'nowhere'] })));
    expect(i.path).toBe('scenarios[1].scenario');
    expect(i.message).toMatch(/jeugdhulp/);
  });

  it('names a bad scenario override with the scenario file', () => {
    const i = issuesOf(() => resolveSpec({ ...validSpec(), scenarios: [{ scenario: 'tiny', set: ['mu=0.9'] }] }))[0];
    expect(i.path).toBe('scenarios[0]');
    expect(i.message).toMatch(/tiny\.json.*params\.mu/);
  });

  it('checks design values against the parameter table', () => {
    const i = only(issuesOf(() => resolveSpec({ ...validSpec(), design: { type: 'factorial', params: { mu: [0.1, 0.9] } } })));
    expect(i.path).toBe('design.params.mu[1]');
    expect(i.message).toMatch(/0\.9 is outside mu's range 0…0\.5/);
    const lhs = only(issuesOf(() => resolveSpec({ ...validSpec(), design: { type: 'lhs', samples: 4, params: { maxMeetings: { min: 0, max: 8 } } } })));
    expect(lhs.path).toBe('design.params.maxMeetings.min');
    const enumValue = only(issuesOf(() => resolveSpec({ ...validSpec(), design: { type: 'factorial', params: { meetingMode: ['ties', 'everyone'] } } })));
    expect(enumValue.message).toMatch(/options: ties, random, all-ties/);
  });

  it('checks design scenario paths by applying them to each scenario', () => {
    const issues = issuesOf(() => resolveSpec({ ...validSpec(), design: { type: 'factorial', params: { 'opgave.beliefNoise': [0.2, 3] } } }));
    expect(issues[0].path).toBe("design (point d002, scenario 'tiny')");
    expect(issues[0].message).toMatch(/opgave\.beliefNoise/);
  });

  it('a mean window must fit the run length (or use last)', () => {
    const i = only(issuesOf(() => resolveSpec({ ...validSpec(), measures: [{ measure: 'richten', keep: 'mean', from: 5, to: 40 }] })));
    expect(i.path).toBe('measures[0]');
    expect(i.message).toMatch(/does not fit runs of 12 ticks/);
    expect(() => resolveSpec({ ...validSpec(), measures: [{ measure: 'richten', keep: 'mean', last: 400 }] })).not.toThrow();
  });

  it('refuses two measures writing the same column and reserved names', () => {
    const dup = only(issuesOf(() => resolveSpec({ ...validSpec(), measures: ['impact', { measure: 'impact', keep: 'final' }] })));
    expect(dup.path).toBe('measures[1]');
    expect(dup.message).toMatch(/already kept by measures\[0\]/);
    const reserved = only(issuesOf(() => resolveSpec({ ...validSpec(), measures: [{ measure: 'impact', keep: 'final', name: 'seed' }] })));
    expect(reserved.path).toBe('measures[0].name');
  });

  it('a design file with a bad row names the design file, line and column', () => {
    const spec = { ...validSpec(), design: { type: 'csv', file: 'design.csv' } };
    const issues = issuesOf(() => resolveSpec(spec, { designText: 'mu,trustGain\n0.1,0.02\n0.2\n0.3,lots\n' }), 'design.csv');
    expect(issues.map((i) => i.path)).toEqual(['line 3', 'line 4, column 2 (trustGain)']);
    const range = issuesOf(() => resolveSpec(spec, { designText: 'mu\n0.7\n' }), 'design.csv');
    expect(range[0]).toEqual({ path: 'sample 1 (mu)', message: "0.7 is outside mu's range 0…0.5" });
    expect(issuesOf(() => resolveSpec(spec, { designText: '0.1,0.2\n0.3,0.4\n' }), 'design.csv')[0].message).toMatch(/looks like a number/);
  });
});
