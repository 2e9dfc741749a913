// The sensitivity problem: which parameters vary, over which bounds, and which are whole
// numbers. A design is made in the unit hypercube and mapped to parameter values here; integer
// parameters are rounded here (and the rounded values are what the runs get and what the
// estimators see), so the rule is recorded once: sampling designs (Saltelli) treat an integer
// parameter as uniform over min … max — floor(min + u·(max − min + 1)), capped at max — and
// grid designs (Morris levels) map level u to the nearest whole number round(min + u·(max − min)).

export interface SensitivityParameter {
  name: string;
  min: number;
  max: number;
  integer: boolean;
}

export interface Problem {
  parameters: SensitivityParameter[];
}

export const INTEGER_RULES = {
  sample: 'floor(min + u·(max − min + 1)), capped at max (uniform over the whole numbers min … max)',
  level: 'round(min + u·(max − min)) (nearest whole number to the level)',
} as const;

/** A sampled unit coordinate u ∈ [0, 1) as the parameter's value. */
export function valueFromSample(p: SensitivityParameter, u: number): number {
  if (!p.integer) return p.min + u * (p.max - p.min);
  const v = Math.floor(p.min + u * (p.max - p.min + 1));
  return v > p.max ? p.max : v;
}

/** A grid level u ∈ [0, 1] as the parameter's value. */
export function valueFromLevel(p: SensitivityParameter, u: number): number {
  const v = p.min + u * (p.max - p.min);
  return p.integer ? Math.round(v) : v;
}

/** A parameter value back in unit coordinates (what elementary effects are measured in). */
export function unitOf(p: SensitivityParameter, value: number): number {
  return p.max === p.min ? 0 : (value - p.min) / (p.max - p.min);
}
