// fast-check generators for whole scenarios, rules and interventions.
import fc from 'fast-check';
import { PRESETS, RULE_OPTIONS, parseScenario, type PartialRules, type Scenario, type ScenarioInput } from '../sim/index.ts';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const archetype = fc.constantFrom('netwerker', 'transactioneel', 'meelifter');

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  k: fc.integer({ min: 1, max: 4 }),
  sectors: fc.integer({ min: 1, max: 3 }),
  actors: fc.integer({ min: 2, max: 8 }),
  group: fc.integer({ min: 0, max: 25 }),
  seedVals: fc.array(unit, { minLength: 200, maxLength: 200 }),
  knowledge: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  params: fc.record({
    mu: fc.double({ min: 0, max: 0.5, noNaN: true }),
    meetingCost: fc.double({ min: 0, max: 0.3, noNaN: true }),
    initiateRate: fc.double({ min: 0, max: 1, noNaN: true }),
    quorum: fc.integer({ min: 1, max: 5 }),
    engagementCore: fc.double({ min: 0.3, max: 0.9, noNaN: true }),
    synergy: fc.double({ min: 0, max: 2, noNaN: true }),
    tieDecay: fc.double({ min: 0, max: 0.2, noNaN: true }),
    maxTies: fc.integer({ min: 2, max: 12 }),
    meetingMode: fc.constantFrom('ties', 'random', 'all-ties'),
  }),
  archetypes: fc.array(archetype, { minLength: 8, maxLength: 8 }),
}).map((g): Scenario => {
  let v = 0;
  const next = () => g.seedVals[v++ % g.seedVals.length];
  const aspects = Array.from({ length: g.k }, (_, i) => (g.knowledge[i]
    ? { id: `a${i}`, label: { nl: `A${i}`, en: `A${i}` }, kind: 'knowledge' as const, solution: next(), requiresAccess: next() < 0.3 }
    : { id: `a${i}`, label: { nl: `A${i}`, en: `A${i}` }, kind: 'value' as const }));
  const sectors = Array.from({ length: g.sectors }, (_, i) => ({
    id: `s${i}`, label: { nl: `S${i}`, en: `S${i}` }, color: '#336699', affectedness: next(), rivals: next() < 0.3 ? [`s${i}`] : [],
  }));
  const actors = Array.from({ length: g.actors }, (_, i) => ({
    name: `actor${i}`, sector: `s${i % g.sectors}`,
    stake: aspects.map(() => next()), resources: 3 * next(), mandate: next(), reputation: next(), access: next(),
    proactiveness: next(), openness: next(), achterban: next(), engagement: next(), behaviour: g.archetypes[i],
  }));
  const ties = actors.slice(1).map((a, i) => ({ from: actors[i].name, to: a.name, trust: next() }));
  const input: ScenarioInput = {
    id: 'arb', title: { nl: 'x', en: 'x' }, description: { nl: 'x', en: 'x' },
    opgave: { severity: next(), beliefNoise: next(), beliefBias: next(), urgency: next() },
    aspects, sectors, actors, ties, params: g.params,
    groups: g.group > 0 ? [{
      name: 'g', label: { nl: 'G', en: 'G' }, sector: 's0', count: g.group,
      stake: aspects.map(() => ({ mean: next(), sd: 0.2 })),
    }] : [],
  };
  return parseScenario(input, 'arbitrary');
});

export const partialRulesArb: fc.Arbitrary<string | PartialRules> = fc.oneof(
  fc.constantFrom(...PRESETS.map((p) => p.id)),
  fc.record({
    setter: fc.constantFrom(...RULE_OPTIONS.setter),
    entry: fc.constantFrom(...RULE_OPTIONS.entry),
    tolerance: unit,
    sanction: fc.constantFrom(...RULE_OPTIONS.sanction),
    decision: fc.constantFrom(...RULE_OPTIONS.decision),
    knowledge: fc.constantFrom(...RULE_OPTIONS.knowledge),
    leadership: fc.constantFrom(...RULE_OPTIONS.leadership),
    structure: fc.constantFrom(...RULE_OPTIONS.structure),
    behaviour: fc.option(fc.record({ netwerker: unit, transactioneel: unit, meelifter: unit })
      .filter((m) => m.netwerker + m.transactioneel + m.meelifter > 0), { nil: null }),
  }, { requiredKeys: [] }),
);

export const interventionArb = fc.oneof(
  partialRulesArb.map((rules) => ({ type: 'rules' as const, rules })),
  fc.record({ type: fc.constant('agendering' as const), amount: unit }),
  fc.record({ type: fc.constant('platform' as const), amount: fc.double({ min: 0, max: 20, noNaN: true }) }),
  fc.record({ type: fc.constant('mobilise' as const), target: fc.constant('actor0') }),
  fc.record({ type: fc.constant('mandate' as const), target: fc.constant('actor1'), amount: unit }),
  fc.record({ type: fc.constant('broker' as const), target: fc.constant('actor0'), with: fc.constant('actor1') }),
  fc.record({ type: fc.constant('resourceCut' as const), target: fc.constant('*'), cut: unit }),
  fc.record({ type: fc.constant('leave' as const), target: fc.constant('actor1') }),
  fc.record({ type: fc.constant('enter' as const), target: fc.constant('actor1') }),
  // At least one of the two fields (the event check refuses neither).
  fc.record({ type: fc.constant('landscape' as const), turbulence: unit, turbulenceEvery: fc.integer({ min: 1, max: 30 }) })
    .chain((e) => fc.constantFrom(e, { type: e.type, turbulence: e.turbulence }, { type: e.type, turbulenceEvery: e.turbulenceEvery })),
);

