// What every mechanism reads besides the state: parameters, the rules as small integers
// (no string compares in hot loops), the generator, and callbacks for the event log.
import { PARAMS, type Params } from '../../schema/params.ts';
import { RULE_OPTIONS, type Rules } from '../../schema/rules.ts';

// Indices into the schema's own option lists (RULE_OPTIONS, PARAMS.meetingMode.options), never
// re-listed here, so reordering an option list cannot silently change a mechanism.
const option = (list: readonly string[], value: string): number => {
  const i = list.indexOf(value);
  if (i < 0) throw new RangeError(`internal: option '${value}' is not in [${list.join(', ')}]`);
  return i;
};
const MODES = PARAMS.meetingMode.options;
export const MODE_TIES = option(MODES, 'ties'), MODE_RANDOM = option(MODES, 'random'), MODE_ALL_TIES = option(MODES, 'all-ties');
export const ENTRY_OPEN = option(RULE_OPTIONS.entry, 'open'), ENTRY_SELECTIVE = option(RULE_OPTIONS.entry, 'selective'),
  ENTRY_INVITATION = option(RULE_OPTIONS.entry, 'invitation'), ENTRY_CLOSED = option(RULE_OPTIONS.entry, 'closed');
export const KNOW_OPEN = option(RULE_OPTIONS.knowledge, 'open'), KNOW_CORE = option(RULE_OPTIONS.knowledge, 'core-only'),
  KNOW_BILATERAL = option(RULE_OPTIONS.knowledge, 'bilateral');
export const DECIDE_CONSENSUS = option(RULE_OPTIONS.decision, 'consensus'), DECIDE_WEIGHTED = option(RULE_OPTIONS.decision, 'weighted'),
  DECIDE_LEAD = option(RULE_OPTIONS.decision, 'lead');
export const SANCTION_TRUST = option(RULE_OPTIONS.sanction, 'trust'), SANCTION_REPUTATION = option(RULE_OPTIONS.sanction, 'reputation'),
  SANCTION_EXPULSION = option(RULE_OPTIONS.sanction, 'expulsion');

export interface Reporter {
  position(actor: number, from: number, to: number, invited: boolean): void;
  project(kind: 'started' | 'dissolved' | 'delivered', project: number, initiator: number, size: number, effectiveness: number): void;
  sanction(actor: number, kind: number): void;
}

const EMPTY_OMEGA = new Float64Array(1);

export interface Ctx {
  p: Params;
  rng: () => number;
  mode: number;
  chain: boolean;
  facilitating: boolean;
  directing: boolean;
  knowledge: number;
  entry: number;
  decision: number;
  sanction: number;
  tolerance: number;
  setterCore: boolean;
  /** Trust assumed in a meeting between actors with no tie yet. */
  strangerTrust: number;
  /** Dialogue as a synchronous bounded average (Hegselmann–Krause) instead of pairwise steps. */
  boundedAverage: boolean;
  /** Openness multiplier in dialogue (facilitation widens it). */
  widen: number;
  /** How well the rules fit a networker's way of working, 0 … 1 (identity fit, "how"). */
  ruleStyle: number;
  leaderName: string | null;
  /** ω of every approach (the run's OpgaveView; one entry 0 without knowledge aspects). */
  omega: Float64Array;
  /** Combination by expertise-weighted vote (F5), or the initiator's approach (ablation). */
  combine: boolean;
  /** Only the initiator's sector joins a project (ablation). */
  singleSector: boolean;
  report: Reporter;
}

export function buildCtx(p: Params, rules: Rules, rng: () => number, report: Reporter, omega: Float64Array = EMPTY_OMEGA): Ctx {
  const entry = option(RULE_OPTIONS.entry, rules.entry);
  const knowledge = option(RULE_OPTIONS.knowledge, rules.knowledge);
  const decision = option(RULE_OPTIONS.decision, rules.decision);
  const mode = option(MODES, p.meetingMode as string);
  // Open entry, joint decisions, open knowledge, facilitation and network structure are the
  // networker's way of working; their opposites the transactional one's.
  const ruleStyle = ((ENTRY_CLOSED - entry) / ENTRY_CLOSED + (DECIDE_LEAD - decision) / DECIDE_LEAD + (KNOW_BILATERAL - knowledge) / KNOW_BILATERAL +
    (rules.leadership === 'facilitating' ? 1 : rules.leadership === 'none' ? 0.5 : 0) +
    (rules.structure === 'network' ? 1 : 0)) / 5;
  return {
    p, rng, mode,
    chain: rules.structure === 'chain',
    facilitating: rules.leadership === 'facilitating',
    directing: rules.leadership === 'directing',
    knowledge, entry, decision,
    sanction: option(RULE_OPTIONS.sanction, rules.sanction),
    tolerance: rules.tolerance,
    setterCore: rules.setter === 'core',
    strangerTrust: mode === MODE_ALL_TIES ? 0 : p.newTieTrust,
    boundedAverage: p.dialogueRule === 'bounded-average',
    widen: rules.leadership === 'facilitating' ? p.facilitationWidening : 1,
    ruleStyle,
    leaderName: rules.leader,
    omega,
    combine: p.combination === 'vote',
    singleSector: p.projectSectors === 'initiator',
    report,
  };
}
