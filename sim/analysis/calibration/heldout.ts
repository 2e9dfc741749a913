// Held-out tests: the pattern experiments (`samenspel patterns`) run on each accepted point —
// never used to accept or reject it — and summarised per test as the share of accepted points
// where the claim is reproduced, not reproduced, or reversed, with Wilson score intervals.
import { applySet } from '../../schema/validate.ts';
import { assignment } from '../batch/plan.ts';
import type { ParamValue } from '../batch/design.ts';
import { normalQuantile } from '../batch/bands.ts';
import type { RawScenario } from '../patterns/prepare.ts';
import type { PatternRow } from '../patterns/types.ts';

/** The point's scenario for the pattern experiments: the entry's JSON with the point's values set. */
export function pointScenario(raw: unknown, file: string, values: Record<string, ParamValue>): RawScenario {
  const json = structuredClone(raw) as Record<string, unknown>;
  for (const [k, v] of Object.entries(values)) applySet(json, assignment(k, v), file);
  return { file, json };
}

/** Wilson score interval for k successes in n trials (only + − × ÷ √). */
export function wilson(k: number, n: number, level: number): { share: number; lo: number; hi: number } {
  if (n === 0) return { share: NaN, lo: NaN, hi: NaN };
  const z = normalQuantile(0.5 + level / 2);
  const p = k / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n))) / (1 + z2n);
  return { share: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

export interface HeldoutPoint { design: number; rows: PatternRow[] }

export interface HeldoutRow {
  test: string;
  compared: string;
  points: number;
  reproduced: number;
  notReproduced: number;
  reversed: number;
  notApplicable: number;
  share: { reproduced: ReturnType<typeof wilson>; notReproduced: ReturnType<typeof wilson>; reversed: ReturnType<typeof wilson> };
}

/** Per test (pattern row id, in first-seen order): verdict counts over the accepted points. */
export function summariseHeldout(points: readonly HeldoutPoint[], level: number): HeldoutRow[] {
  const order: string[] = [];
  const byTest = new Map<string, { compared: string; verdicts: string[] }>();
  for (const pt of points) {
    for (const r of pt.rows) {
      if (!byTest.has(r.pattern)) { byTest.set(r.pattern, { compared: r.compared, verdicts: [] }); order.push(r.pattern); }
      byTest.get(r.pattern)!.verdicts.push(r.verdict);
    }
  }
  return order.map((test) => {
    const { compared, verdicts } = byTest.get(test)!;
    const count = (v: string) => verdicts.filter((x) => x === v).length;
    const applicable = verdicts.length - count('not applicable');
    return {
      test, compared, points: verdicts.length,
      reproduced: count('reproduced'), notReproduced: count('not reproduced'), reversed: count('reversed'), notApplicable: count('not applicable'),
      share: {
        reproduced: wilson(count('reproduced'), applicable, level),
        notReproduced: wilson(count('not reproduced'), applicable, level),
        reversed: wilson(count('reversed'), applicable, level),
      },
    };
  });
}
