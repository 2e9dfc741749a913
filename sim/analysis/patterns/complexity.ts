// Problem complexity, as ODD.md §7.4 defines it, for the P5/P6 experiments: the landscape's
// interdependence κ. `low` is a known problem (κ = 0: every knob can be set alone, one peak);
// `high` is κ = 7 (many local peaks), lowered to N − 1 when the scenario has fewer knobs.
// Everything else (knobs, modularity, distance, turbulence) stays as the scenario sets it.
import type { Scenario } from '../../schema/scenario.ts';

export const LEVELS = [
  { name: 'low', kappa: 0 },
  { name: 'high', kappa: 7 },
] as const;

export type Level = (typeof LEVELS)[number];

export function atLevel(sc: Scenario, level: { kappa: number }): Scenario {
  return { ...sc, opgave: { ...sc.opgave, landscape: { ...sc.opgave.landscape, interdependence: level.kappa } } };
}
