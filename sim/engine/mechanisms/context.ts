// What every mechanism reads besides the state: parameters, the rules as small integers
// (no string compares in hot loops), the generator, and callbacks for the event log.
import type { Params } from '../../schema/params.ts';
import type { Rules } from '../../schema/rules.ts';

export const MODE_TIES = 0, MODE_RANDOM = 1, MODE_ALL_TIES = 2;
export const ENTRY_OPEN = 0, ENTRY_SELECTIVE = 1, ENTRY_INVITATION = 2, ENTRY_CLOSED = 3;
export const KNOW_OPEN = 0, KNOW_CORE = 1, KNOW_BILATERAL = 2;
export const DECIDE_CONSENSUS = 0, DECIDE_WEIGHTED = 1, DECIDE_LEAD = 2;
export const SANCTION_TRUST = 0, SANCTION_REPUTATION = 1, SANCTION_EXPULSION = 2;

export interface Reporter {
  position(actor: number, from: number, to: number, invited: boolean): void;
  project(kind: 'started' | 'dissolved' | 'delivered', project: number, initiator: number, size: number, effectiveness: number): void;
  sanction(actor: number, kind: number): void;
}

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
  report: Reporter;
}

const ENTRY = ['open', 'selective', 'invitation', 'closed'];
const KNOW = ['open', 'core-only', 'bilateral'];
const DECIDE = ['consensus', 'weighted', 'lead'];
const SANCTION = ['trust', 'reputation', 'expulsion'];
const MODES = ['ties', 'random', 'all-ties'];

export function buildCtx(p: Params, rules: Rules, rng: () => number, report: Reporter): Ctx {
  const entry = ENTRY.indexOf(rules.entry);
  const knowledge = KNOW.indexOf(rules.knowledge);
  const decision = DECIDE.indexOf(rules.decision);
  const mode = MODES.indexOf(p.meetingMode as string);
  // Open entry, joint decisions, open knowledge, facilitation and network structure are the
  // networker's way of working; their opposites the transactional one's.
  const ruleStyle = ((3 - entry) / 3 + (2 - decision) / 2 + (2 - knowledge) / 2 +
    (rules.leadership === 'facilitating' ? 1 : rules.leadership === 'none' ? 0.5 : 0) +
    (rules.structure === 'network' ? 1 : 0)) / 5;
  return {
    p, rng, mode,
    chain: rules.structure === 'chain',
    facilitating: rules.leadership === 'facilitating',
    directing: rules.leadership === 'directing',
    knowledge, entry, decision,
    sanction: SANCTION.indexOf(rules.sanction),
    tolerance: rules.tolerance,
    setterCore: rules.setter === 'core',
    strangerTrust: mode === MODE_ALL_TIES ? 0 : p.newTieTrust,
    boundedAverage: p.dialogueRule === 'bounded-average',
    widen: rules.leadership === 'facilitating' ? p.facilitationWidening : 1,
    ruleStyle,
    leaderName: rules.leader,
    report,
  };
}
