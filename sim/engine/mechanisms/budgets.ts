// Step 2 — budgets: each actor splits its resources between meeting time (dialogue,
// learning, helping, leading) and contributions (projects, deals, solo action).
import { beliefError, updateSectorStakes } from './geometry.ts';
import type { Ctx } from './context.ts';
import { OUTSIDE, type State } from '../state.ts';

export function budgets(s: State, ctx: Ctx): void {
  updateSectorStakes(s);
  const n = s.n;
  for (let i = 0; i < n; i++) {
    s.payoff[i] = 0; s.gainNetwork[i] = 0; s.gainOther[i] = 0; s.soloKnowledge[i] = 0; s.spent[i] = 0; s.spentNetwork[i] = 0; s.projectTick[i] = 0;
    if (!s.present[i]) { s.meetTime[i] = 0; s.contrib[i] = 0; continue; }
    const r = s.resources[i];
    if (ctx.chain || (s.position[i] === OUTSIDE && !s.mobilised[i])) {
      // Chains meet at no cost along their links; outsiders do not meet unless mobilised.
      s.meetTime[i] = 0;
      s.contrib[i] = r;
    } else {
      s.meetTime[i] = s.meetShare[i] * r;
      s.contrib[i] = r - s.meetTime[i];
    }
    s.beliefError[i] = beliefError(s, i);
  }
}

/** Spends from meeting time first, then from contributions: nothing the network does is free. */
export function spendMeetingTime(s: State, i: number, amount: number): boolean {
  if (s.meetTime[i] >= amount) {
    s.meetTime[i] -= amount;
  } else if (s.meetTime[i] + s.contrib[i] >= amount) {
    s.contrib[i] -= amount - s.meetTime[i];
    s.meetTime[i] = 0;
  } else {
    return false;
  }
  s.spent[i] += amount;
  s.spentNetwork[i] += amount;
  return true;
}
