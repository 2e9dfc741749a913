// Stop conditions (`run --until "severity < 0.2"`): a measure, a comparison and a number,
// asked by the driver loop after every tick. Parsed once, so a typo fails before the run.
import { MEASURE_KEYS, MEASURE_INDEX } from '../../schema/measures.ts';
import type { Run } from '../../engine/run.ts';

export const UNTIL_OPS = ['<=', '>=', '==', '!=', '<', '>'] as const;
export type UntilOp = (typeof UNTIL_OPS)[number];

export interface UntilCondition { measure: string; op: UntilOp; value: number; text: string }

/** Parses "<measure> <op> <value>"; throws a RangeError naming what was expected. */
export function parseUntil(text: string): UntilCondition {
  const m = /^\s*([A-Za-z]+)\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$/.exec(text);
  if (!m) throw new RangeError(`expected "<measure> <op> <value>" with op one of ${UNTIL_OPS.join(' ')}, e.g. "severity < 0.2"; got '${text}'`);
  const [, measure, op, raw] = m;
  if (!Object.hasOwn(MEASURE_INDEX, measure)) throw new RangeError(`unknown measure '${measure}'; measures: ${MEASURE_KEYS.join(', ')}`);
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new RangeError(`expected a number after '${op}', got '${raw}'`);
  return { measure, op: op as UntilOp, value, text: `${measure} ${op} ${value}` };
}

export function untilMet(c: UntilCondition, x: number): boolean {
  switch (c.op) {
    case '<': return x < c.value;
    case '<=': return x <= c.value;
    case '>': return x > c.value;
    case '>=': return x >= c.value;
    case '==': return x === c.value;
    default: return x !== c.value;
  }
}

/** The driver loop's stop condition for a parsed condition. */
export function untilCondition(c: UntilCondition): (run: Run) => boolean {
  const index = MEASURE_INDEX[c.measure];
  return (run) => untilMet(c, run.measures[index]);
}
