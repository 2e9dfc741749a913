// The summary as a readable plain-text table with a one-line verdict per pair of strategies,
// and a closing note on multiple comparisons. The CLI prints it; the app may show it as is.
import type { ResolvedBatch } from './plan.ts';
import { scalarMeasures } from './keep.ts';
import type { BatchSummary } from './summary.ts';
import { noCiReason } from '../stats/index.ts';

/** Three significant digits, no exponent for ordinary magnitudes; NA for NaN. */
export function formatStat(x: number): string {
  if (!Number.isFinite(x)) return 'NA';
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a !== 0 && a < 0.001) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

const byText = (by: Record<string, unknown>) => {
  const e = Object.entries(by);
  return e.length ? ` (${e.map(([k, v]) => `${k} = ${v}`).join(', ')})` : '';
};

export function formatSummaryText(batch: ResolvedBatch, summary: BatchSummary): string {
  const lines: string[] = [];
  const measures = scalarMeasures(batch.measures);
  const pct = Math.round(summary.level * 100);
  const width = Math.max(8, ...batch.strategies.map((s) => s.id.length)) + 2;
  const groups = new Map<string, typeof summary.cells>();
  for (const c of summary.cells) {
    const key = `${c.scenario}${byText(c.by)}\u0000${c.measure}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(c);
  }
  for (const [key, cells] of groups) {
    const [where, column] = key.split('\u0000');
    const m = measures.find((x) => x.column === column)!;
    lines.push(`${where} — ${m.label}`);
    lines.push(`  ${'strategy'.padEnd(width)}${(m.keep === 'threshold' ? 'reached' : 'n').padStart(8)}${'mean'.padStart(10)}${'median'.padStart(10)}   ${pct} % CI of the mean`);
    for (const c of cells) {
      const n = m.keep === 'threshold' ? `${c.n}/${c.runs}` : String(c.n);
      const ci = noCiReason(c.n) ?? `[${formatStat(c.ciLow)}, ${formatStat(c.ciHigh)}]`;
      lines.push(`  ${c.strategy.padEnd(width)}${n.padStart(8)}${formatStat(c.mean).padStart(10)}${formatStat(c.median).padStart(10)}   ${ci}`);
    }
    const scenario = cells[0].scenario;
    const byKey = JSON.stringify(cells[0].by);
    for (const p of summary.pairs) {
      if (p.scenario === scenario && p.measure === column && JSON.stringify(p.by) === byKey) lines.push(`  · ${p.verdict}`);
    }
    lines.push('');
  }
  const significant = summary.pairs.filter((p) => p.winner !== null).length;
  const holm = summary.pairs.filter((p) => p.winnerHolm !== null).length;
  lines.push(
    `Multiple comparisons: ${summary.tests} pairwise tests (Mann–Whitney, two-sided). ${significant} ${significant === 1 ? 'is' : 'are'} ` +
    `significant at p < ${summary.alpha} per test; ${holm} remain${holm === 1 ? 's' : ''} so after Holm's adjustment, which keeps the chance of ` +
    `any false positive among all ${summary.tests} at ${summary.alpha * 100} %. A = Vargha–Delaney effect size (0.5 = no difference; ` +
    `0.56/0.64/0.71 small/medium/large). CIs: percentile bootstrap, ${summary.resamples} resamples; none for cells with fewer than 3 runs.`,
  );
  if (summary.missing) lines.push(`Note: ${summary.missing} planned run${summary.missing === 1 ? '' : 's'} without a result (failed or missing) ${summary.missing === 1 ? 'is' : 'are'} left out.`);
  return lines.join('\n') + '\n';
}
