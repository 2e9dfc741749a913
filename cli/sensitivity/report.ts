// sensitivity.html: one self-contained page (inline SVG, no scripts, no network) with the
// problem as analysed, per measure a chart — Morris: mu_star with its bootstrap CI and the
// mu_star–sigma plane; Sobol: S1 and ST with their CIs — and the indices as a table. Also the
// plain-text table the command prints.
import type { ResolvedBatch, sensitivity } from '../../sim/index.ts';
import { baseCss, esc } from '../batch/page.ts';

type Row = sensitivity.IndexRow;

const fmt = (x: number | null, digits = 3) => (x === null ? '' : Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.001) ? x.toExponential(2) : x.toFixed(digits));

const W = 640, LEFT = 150, RIGHT = 20, BAR = 14;

function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => span / s <= 6)!;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-12; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/** Horizontal bars with CI whiskers; series = [label, colour, value, conf][] per parameter. */
function barChart(title: string, labels: string[], series: { name: string; colour: string; values: (number | null)[]; conf: (number | null)[] }[]): string {
  const ends = series.flatMap((s) => s.values.flatMap((v, i) => (v === null ? [] : [v - (s.conf[i] ?? 0), v + (s.conf[i] ?? 0)])));
  const lo = Math.min(0, ...ends);
  const hi = Math.max(...ends, lo + 1e-9);
  const band = series.length * BAR + 8;
  const height = 30 + labels.length * band + 30;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const parts: string[] = [`<svg viewBox="0 0 ${W} ${height}" width="${W}" role="img" aria-label="${esc(title)}">`];
  for (const t of ticks(lo, hi)) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="20" y2="${height - 25}" class="grid"/><text x="${x(t)}" y="${height - 10}" class="tick">${fmt(t, 2)}</text>`);
  }
  labels.forEach((label, i) => {
    const y0 = 24 + i * band;
    parts.push(`<text x="${LEFT - 6}" y="${y0 + band / 2}" class="label">${esc(label)}</text>`);
    series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null) return;
      const y = y0 + k * BAR;
      const a = x(Math.min(0, v)), b = x(Math.max(0, v));
      parts.push(`<rect x="${a}" y="${y}" width="${Math.max(b - a, 0.5)}" height="${BAR - 3}" fill="${s.colour}"><title>${esc(`${label} ${s.name} = ${fmt(v, 4)} ± ${fmt(s.conf[i], 4)}`)}</title></rect>`);
      const c = s.conf[i];
      if (c !== null) {
        const ym = y + (BAR - 3) / 2;
        parts.push(`<line x1="${x(v - c)}" x2="${x(v + c)}" y1="${ym}" y2="${ym}" class="ci"/><line x1="${x(v - c)}" x2="${x(v - c)}" y1="${ym - 4}" y2="${ym + 4}" class="ci"/><line x1="${x(v + c)}" x2="${x(v + c)}" y1="${ym - 4}" y2="${ym + 4}" class="ci"/>`);
      }
    });
  });
  parts.push(`<line x1="${x(0)}" x2="${x(0)}" y1="20" y2="${height - 25}" class="axis"/>`);
  const legend = series.map((s, k) => `<rect x="${LEFT + k * 120}" y="4" width="10" height="10" fill="${s.colour}"/><text x="${LEFT + 14 + k * 120}" y="13" class="legend">${esc(s.name)}</text>`);
  parts.push(...legend, '</svg>');
  return parts.join('');
}

/** The mu_star–sigma plane (Morris 1991): far right = influential, high = non-linear or interacting. */
function morrisPlane(rows: Row[]): string {
  const H = 300, B = 40, L = 60, T = 15;
  const xs = rows.map((r) => r.mu_star ?? 0), ys = rows.map((r) => r.sigma ?? 0);
  const xmax = Math.max(...xs, 1e-9) * 1.1, ymax = Math.max(...ys, 1e-9) * 1.1;
  const x = (v: number) => L + (v / xmax) * (W - L - 110);
  const y = (v: number) => H - B - (v / ymax) * (H - B - T);
  const parts = [`<svg viewBox="0 0 ${W} ${H}" width="${W}" role="img" aria-label="mu_star against sigma">`];
  for (const t of ticks(0, xmax)) parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${T}" y2="${H - B}" class="grid"/><text x="${x(t)}" y="${H - B + 15}" class="tick">${fmt(t, 2)}</text>`);
  for (const t of ticks(0, ymax)) parts.push(`<line x1="${L}" x2="${W - 110}" y1="${y(t)}" y2="${y(t)}" class="grid"/><text x="${L - 5}" y="${y(t) + 4}" class="label">${fmt(t, 2)}</text>`);
  parts.push(`<text x="${(L + W - 110) / 2}" y="${H - 5}" class="tick">mu_star (mean |elementary effect|)</text><text x="12" y="${(H - B) / 2}" class="tick" transform="rotate(-90 12 ${(H - B) / 2})">sigma</text>`);
  rows.forEach((r, i) => parts.push(`<circle cx="${x(xs[i])}" cy="${y(ys[i])}" r="4" fill="#1f77b4"><title>${esc(`${r.parameter}: mu_star ${fmt(r.mu_star, 4)}, sigma ${fmt(r.sigma, 4)}`)}</title></circle><text x="${x(xs[i]) + 6}" y="${y(ys[i]) + 4}" class="point">${esc(r.parameter)}</text>`));
  parts.push('</svg>');
  return parts.join('');
}

function table(rows: Row[], columns: (keyof Row)[]): string {
  return `<table><thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${columns.map((c) => `<td>${typeof r[c] === 'number' ? fmt(r[c] as number, 4) : esc(String(r[c] ?? ''))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export interface ReportInput {
  resolved: sensitivity.ResolvedSensitivity;
  batch: ResolvedBatch;
  rows: Row[];
  means: number[][];
}

export function sensitivityReport({ resolved, batch, rows }: ReportInput): string {
  const rec = resolved.record;
  const morris = rec.method === 'morris';
  const scenario = batch.scenarios[0];
  const strategy = batch.strategies[0];
  const sections = rec.measures.map((measure) => {
    const rs = rows.filter((r) => r.measure === measure);
    const label = batch.measures.find((m) => m.column === measure)?.label ?? measure;
    if (morris) {
      const sorted = [...rs].sort((a, b) => (b.mu_star ?? 0) - (a.mu_star ?? 0));
      return `<section><h2>${esc(measure)}</h2><p class="note">${esc(label)}</p>` +
        barChart(`mu_star of ${measure}`, sorted.map((r) => r.parameter), [{ name: 'mu_star ± CI', colour: '#1f77b4', values: sorted.map((r) => r.mu_star), conf: sorted.map((r) => r.mu_star_conf) }]) +
        morrisPlane(rs) + table(sorted, ['parameter', 'mu_star', 'mu_star_conf', 'mu', 'sigma']) + '</section>';
    }
    const sorted = [...rs].sort((a, b) => (b.ST ?? 0) - (a.ST ?? 0));
    return `<section><h2>${esc(measure)}</h2><p class="note">${esc(label)}</p>` +
      barChart(`Sobol indices of ${measure}`, sorted.map((r) => r.parameter), [
        { name: 'S1 ± CI', colour: '#1f77b4', values: sorted.map((r) => r.S1), conf: sorted.map((r) => r.S1_conf) },
        { name: 'ST ± CI', colour: '#ff7f0e', values: sorted.map((r) => r.ST), conf: sorted.map((r) => r.ST_conf) },
      ]) + table(sorted, ['parameter', 'S1', 'S1_conf', 'ST', 'ST_conf']) + '</section>';
  });
  const params = rec.parameters.map((p) => `<tr><td>${esc(p.name)}</td><td>${p.min}</td><td>${p.max}</td><td>${p.integer ? 'yes' : 'no'}</td></tr>`).join('');
  const design = Object.entries(rec.design).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(String(v))}</td></tr>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(`Sensitivity: ${batch.title ?? batch.id}`)}</title>
<style>
${baseCss(760)}.note{color:#555}.grid{stroke:#eee}.axis{stroke:#888}.ci{stroke:#222;stroke-width:1.2}
.tick{font-size:11px;text-anchor:middle;fill:#555}.label{font-size:12px;text-anchor:end}.legend{font-size:12px}.point{font-size:11px}
section{break-inside:avoid}
</style></head><body data-rendered="true">
<h1>Sensitivity analysis: ${esc(batch.title ?? batch.id)}</h1>
${batch.description ? `<p>${esc(batch.description)}</p>` : ''}
<p>Method: <b>${morris ? 'Morris elementary effects (screening)' : "Sobol' indices (variance-based)"}</b> on scenario <b>${esc(scenario.id)}</b>
(${scenario.ticks} ticks) with ${esc(strategy.label)}.
${rec.designPoints} design points × ${rec.seeds} seed${rec.seeds === 1 ? '' : 's'} = ${rec.designPoints * rec.seeds} runs. Every design point is run with the
same seeds (common random numbers) and its outcome is the mean over them, so model noise does not masquerade as sensitivity —
but with few seeds it still adds to ${morris ? 'sigma and mu_star' : 'the variance the indices apportion'}.</p>
<p class="note">${morris
    ? 'mu_star: the mean absolute elementary effect, in measure units per whole parameter range (a ranking of influence, not a share of variance); sigma: their spread (non-linearity or interactions); CI: bootstrap over trajectories.'
    : "S1: the share of the measure's variance due to the parameter alone; ST: including all its interactions; CI: bootstrap over base samples (± z·sd, as SALib reports). Small negative estimates mean zero within noise."}
The model is uncalibrated: this says which parameters move these measures in this scenario, not what real networks do.</p>
${sections.join('\n')}
<h2>Problem</h2>
<table><thead><tr><th>parameter</th><th>min</th><th>max</th><th>integer</th></tr></thead><tbody>${params}</tbody></table>
<p class="note">Integer parameters: ${esc(rec.integerRule)}.</p>
<table><tbody>${design}<tr><th>seed</th><td>${esc(String(rec.seed))}</td></tr><tr><th>bootstrap</th><td>${rec.statistics.resamples} resamples, level ${rec.statistics.level}</td></tr><tr><th>engine</th><td>${esc(batch.engineVersion)}</td></tr></tbody></table>
</body></html>
`;
}

/** The table printed on stdout. */
export function indicesText(resolved: sensitivity.ResolvedSensitivity, rows: Row[]): string {
  const morris = resolved.method === 'morris';
  const cols: (keyof Row)[] = morris ? ['mu_star', 'mu_star_conf', 'sigma'] : ['S1', 'S1_conf', 'ST', 'ST_conf'];
  const width = Math.max(9, ...rows.map((r) => r.parameter.length));
  const lines: string[] = [];
  for (const measure of resolved.record.measures) {
    lines.push(`${measure}`, `  ${'parameter'.padEnd(width)}  ${cols.map((c) => String(c).padStart(14)).join('')}`);
    for (const r of rows.filter((x) => x.measure === measure)) lines.push(`  ${r.parameter.padEnd(width)}  ${cols.map((c) => fmt(r[c] as number | null, 4).padStart(14)).join('')}`);
  }
  return lines.join('\n') + '\n';
}
