// The skeleton every canonical configuration shares: one aspect (K = 1), one sector, and every
// mechanism that is not being docked switched off by its parameters. The configurations are
// ordinary scenarios, run by the same createRun/step as any other.
import type { ScenarioInput } from '../schema/scenario.ts';

const label = (en: string) => ({ nl: en, en });

/** Parameters that switch off what a docking run does not test: no trust dynamics, no tie
 * decay, no drift of preferences toward beliefs or stakes, no projects, free meetings, and
 * none of revision 2's behaviour (opportunism, reciprocity, discounting, aspiration, search and
 * imitation on the knobs). Beliefs given per aspect set every knob so that the aspect's
 * projection P_k(β) equals them; DeGroot then averages each knob, and P_k is linear. */
export const QUIET_PARAMS = {
  trustGain: 0, trustLoss: 0, tieDecay: 0, beliefDrift: 0, stakePull: 0,
  initiateRate: 0, meetingCost: 0, shareCost: 0, directingStrength: 0,
  opportunism: 0, reciprocity: 0, discountRate: 0, aspirationWeight: 0,
  searchShare: 0, imitationRate: 0,
} as const;

export function skeleton(id: string, kind: 'value' | 'knowledge', ticks: number): ScenarioInput {
  return {
    id,
    title: label(`Canonical: ${id}`),
    description: label(`Docking configuration '${id}' (sim/docking).`),
    ticks,
    aspects: [kind === 'knowledge'
      ? { id: 'x', label: label('x'), kind: 'knowledge' }
      : { id: 'x', label: label('x'), kind: 'value' }],
    sectors: [{ id: 'all', label: label('All'), color: '#777777', affectedness: 0.5 }],
    rules: 'open-netwerk',
  };
}

/** Present actors' values of a per-actor K = 1 array (preferences or beliefs). */
export function column(values: Float64Array, present: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < present.length; i++) if (present[i]) out.push(values[i]);
  return out;
}
