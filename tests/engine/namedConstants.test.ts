// The parameters that replaced fixed numbers in the mechanisms (issue #14, "no hidden
// parameters") are read where the number was: under rules that reach the mechanism, moving the
// parameter off its default changes the run. (At its default the run is unchanged: the golden
// hash, tests/engine/golden.test.ts.) This tests each path exists, not any direction.
import { describe, expect, it } from 'vitest';
import { seriesToCsv, simulate, type RulesChange } from '../../sim/index.ts';
import { shipped } from '../helpers.ts';

const TICKS = 40;

function series(params: Record<string, number>, rules: RulesChange | undefined, noSectorExpertise = false): string {
  const scenario = shipped('jeugdhulp');
  Object.assign(scenario.params, params);
  if (noSectorExpertise) for (const sec of scenario.sectors) delete sec.expertise;
  return seriesToCsv(simulate({ scenario, seed: 1, ticks: TICKS, rules }).recorder);
}

/** A larger core (a weighted mean of one member is that member, whatever the weights). */
const WIDE_CORE = { engagementCore: 0.5 };
/** Nobody votes open, or selective: the later thresholds of the rule vote decide. */
const NO_OPEN = { ruleOpenAbove: 1 }, NO_SELECTIVE = { ruleOpenAbove: 1, ruleSelectiveClaim: 1 };

const CASES: { param: string; value: number; rules?: RulesChange; base?: Record<string, number>; noSectorExpertise?: boolean }[] = [
  { param: 'inviteMinGain', value: 0.3, rules: { entry: 'invitation' } },
  { param: 'weightedResourceWeight', value: 5, rules: { decision: 'weighted' }, base: WIDE_CORE },
  { param: 'ruleOpenAbove', value: 1, rules: { setter: 'core' } },
  { param: 'ruleSelectiveClaim', value: 0, rules: { setter: 'core' }, base: NO_OPEN },
  { param: 'ruleInvitationAbove', value: 1, rules: { setter: 'core' }, base: NO_SELECTIVE },
  { param: 'ruleToleranceSpan', value: 0, rules: { setter: 'core' } },
  { param: 'trustworthinessEffect', value: 0 },
  { param: 'mobiliseBoost', value: 0.5, rules: { leadership: 'facilitating' } },
  { param: 'payoffWindow', value: 3 },
  { param: 'identityPassieWeight', value: 3 },
  { param: 'identityPositieWeight', value: 3 },
  { param: 'identityOpgaveWeight', value: 3 },
  { param: 'identityHowWeight', value: 3 },
  { param: 'positieRoleWeight', value: 0.9 },
  { param: 'meetShareMin', value: 0.4 },
  { param: 'meetShareMax', value: 0.2 },
  { param: 'meetingHabit', value: 0.3 },
  { param: 'sectorExpertise', value: 0.8, noSectorExpertise: true },
];

describe('parameters that were fixed numbers are read by their mechanism', () => {
  const baseline = new Map<string, string>();
  const reference = (base: Record<string, number>, rules: RulesChange | undefined, noSectorExpertise = false) => {
    const key = JSON.stringify([base, rules ?? null, noSectorExpertise]);
    if (!baseline.has(key)) baseline.set(key, series(base, rules, noSectorExpertise));
    return baseline.get(key)!;
  };
  for (const c of CASES) {
    const where = [c.rules && `rules ${JSON.stringify(c.rules)}`, c.base && `params ${JSON.stringify(c.base)}`,
      c.noSectorExpertise && 'sectors without expertise'].filter(Boolean).join(', ');
    it(`${c.param} = ${c.value}${where ? ` (${where})` : ''} changes the run`, () => {
      expect(series({ ...c.base, [c.param]: c.value }, c.rules, c.noSectorExpertise)).not.toBe(reference(c.base ?? {}, c.rules, c.noSectorExpertise));
    });
  }
});
