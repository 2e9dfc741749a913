// calibration.html: one self-contained page (inline SVG, no scripts): the preregistration, the
// screening's ranking (stage 1, when the spec screens), acceptance per filter and jointly, the accepted parameter distributions (histograms against
// all points, and pairs), whether the defaults lie inside the accepted region, and the held-out
// verdicts. An empty accepted region is said so, plainly.
import type { calibration, ResolvedBatch } from '../../sim/index.ts';
import { baseCss, esc } from '../batch/page.ts';

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)} %` : '–');
const num = (x: unknown) => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toPrecision(3)) : String(x ?? '–'));

export interface CalibrationReportInput {
  spec: calibration.CalibrationSpec;
  batch: ResolvedBatch;
  resolved: calibration.ResolvedCalibration;
  verdicts: calibration.PointVerdict[];
  heldout: calibration.HeldoutRow[];
  /** The scenario's parameter values (model defaults unless the scenario sets them). */
  defaults: Record<string, unknown>;
  preregistered: string;
  sha256: string;
  /** Stage 1, when the spec screens: the ranking and the Morris analysis it came from. */
  screening?: { ranks: calibration.ScreeningRank[]; record: { design: Record<string, unknown>; designPoints: number; seeds: number } } | null;
}

function screeningSection(i: CalibrationReportInput): string {
  const s = i.screening;
  if (!s) return '';
  const keep = i.spec.screening!.keep;
  const rule = 'count' in keep ? `the ${keep.count} best ranked` : `those whose score reaches ${keep.threshold} (at least the best one)`;
  const measures = s.ranks[0]?.perMeasure.map((x) => x.measure) ?? [];
  const held = s.ranks.filter((r) => !r.kept);
  return `<section><h2>Stage 1: Morris screening</h2>
<p class="note">Morris elementary effects over every parameter's full range (${num(s.record.design.trajectories)} trajectories, ${num(s.record.design.levels)} levels,
${s.record.designPoints} design points × ${s.record.seeds} seeds, the same seeds at every point), on the filters' measures. Score: a parameter's largest mu_star
relative to the largest mu_star on the same measure (1 = the strongest parameter on some measure, 0 = no effect on any). Kept for stage 2: ${esc(rule)}.
${held.length ? `Held at the scenario's values in stage 2: ${held.map((r) => `<b>${esc(r.parameter)}</b> (${r.parameter in i.defaults ? num(i.defaults[r.parameter]) : 'scenario value'})`).join(', ')}.` : 'Every parameter was kept.'}</p>
${bars(s.ranks.map((r) => ({ label: `${r.rank}. ${r.parameter}${r.kept ? '' : ' (held)'}`, value: r.score })))}
<table><thead><tr><th>rank</th><th>parameter</th><th>score</th><th>kept</th>${measures.map((m) => `<th>${esc(m)} mu_star ± CI</th>`).join('')}</tr></thead><tbody>${s.ranks.map((r) =>
  `<tr><td>${r.rank}</td><td>${esc(r.parameter)}</td><td>${num(r.score)}</td><td>${r.kept ? 'yes' : 'no'}</td>${r.perMeasure.map((x) => `<td>${num(x.mu_star)} ± ${num(x.mu_star_conf)}</td>`).join('')}</tr>`).join('')}</tbody></table></section>`;
}

function bars(rows: { label: string; value: number }[]): string {
  const W = 640, L = 220, BAR = 18;
  const h = rows.length * (BAR + 6) + 10;
  return `<svg viewBox="0 0 ${W} ${h}" width="${W}">${rows.map((r, i) => {
    const y = 5 + i * (BAR + 6);
    const w = Number.isFinite(r.value) ? r.value * (W - L - 60) : 0;
    return `<text x="${L - 6}" y="${y + 13}" class="label">${esc(r.label)}</text><rect x="${L}" y="${y}" width="${W - L - 60}" height="${BAR}" fill="#eee"/>` +
      `<rect x="${L}" y="${y}" width="${w}" height="${BAR}" fill="#1f77b4"/><text x="${L + w + 4}" y="${y + 13}" class="value">${pct(r.value)}</text>`;
  }).join('')}</svg>`;
}

function histogram(name: string, min: number, max: number, all: number[], accepted: number[], dflt: unknown): string {
  const W = 300, H = 120, B = 10;
  const bin = (v: number) => Math.min(B - 1, Math.max(0, Math.floor(((v - min) / (max - min || 1)) * B)));
  const ca = new Array(B).fill(0), cc = new Array(B).fill(0);
  all.forEach((v) => ca[bin(v)]++);
  accepted.forEach((v) => cc[bin(v)]++);
  const top = Math.max(1, ...ca);
  const x = (v: number) => 5 + ((v - min) / (max - min || 1)) * (W - 10);
  const bw = (W - 10) / B;
  const rects = ca.map((c, i) => `<rect x="${5 + i * bw}" y="${H - 20 - (c / top) * (H - 40)}" width="${bw - 1}" height="${(c / top) * (H - 40)}" fill="#ddd"/>` +
    `<rect x="${5 + i * bw}" y="${H - 20 - (cc[i] / top) * (H - 40)}" width="${bw - 1}" height="${(cc[i] / top) * (H - 40)}" fill="#1f77b4"/>`).join('');
  const d = typeof dflt === 'number' && dflt >= min && dflt <= max ? `<line x1="${x(dflt)}" x2="${x(dflt)}" y1="15" y2="${H - 20}" stroke="#d62728" stroke-width="2"/>` : '';
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}"><text x="5" y="12" class="title">${esc(name)}</text>${rects}${d}` +
    `<text x="5" y="${H - 5}" class="tick">${num(min)}</text><text x="${W - 5}" y="${H - 5}" class="tick end">${num(max)}</text></svg></figure>`;
}

function pair(a: string, b: string, ra: [number, number], rb: [number, number], verdicts: calibration.PointVerdict[]): string {
  const S = 200;
  const x = (v: number) => 8 + ((v - ra[0]) / (ra[1] - ra[0] || 1)) * (S - 16);
  const y = (v: number) => S - 8 - ((v - rb[0]) / (rb[1] - rb[0] || 1)) * (S - 24);
  const dots = verdicts.map((p) => `<circle cx="${x(p.values[a] as number)}" cy="${y(p.values[b] as number)}" r="${p.accepted ? 3.5 : 2}" fill="${p.accepted ? '#1f77b4' : '#ccc'}"/>`).join('');
  return `<figure><svg viewBox="0 0 ${S} ${S}" width="${S}"><rect x="0" y="0" width="${S}" height="${S}" fill="none" stroke="#ddd"/><text x="6" y="12" class="tick start">${esc(b)} ↑ · ${esc(a)} →</text>${dots}</svg></figure>`;
}

export function calibrationReport(i: CalibrationReportInput): string {
  const { spec, batch, resolved, verdicts, heldout, defaults } = i;
  const params = resolved.problem.parameters;
  const accepted = verdicts.filter((v) => v.accepted);
  const share = spec.accept.share;
  const perFilter = resolved.filters.map((f, k) => ({ label: f.id, value: verdicts.filter((v) => v.shares[k] >= share).length / verdicts.length }));
  const joint = accepted.length / verdicts.length;
  const empty = accepted.length === 0;
  const defaultRows = params.map((p) => {
    const d = defaults[p.name];
    const values = accepted.map((v) => v.values[p.name] as number);
    const lo = values.length ? Math.min(...values) : NaN, hi = values.length ? Math.max(...values) : NaN;
    const inside = typeof d === 'number' && values.length > 0 && d >= lo && d <= hi;
    return { name: p.name, d, lo, hi, inside, known: typeof d === 'number' };
  });
  const allInside = !empty && defaultRows.every((r) => !r.known || r.inside);
  const pairs: string[] = [];
  const shown = params.slice(0, 6);
  for (let a = 0; a < shown.length; a++) for (let b = a + 1; b < shown.length; b++) pairs.push(pair(shown[a].name, shown[b].name, [shown[a].min, shown[a].max], [shown[b].min, shown[b].max], verdicts));
  const heldoutTable = empty
    ? '<p><b>No held-out tests were run: no point was accepted.</b></p>'
    : `<table><thead><tr><th>test</th><th>compared</th><th>points</th><th>reproduced</th><th>not reproduced</th><th>reversed</th><th>n/a</th></tr></thead><tbody>${heldout.map((h) =>
      `<tr><td>${esc(h.test)}</td><td>${esc(h.compared)}</td><td>${h.points}</td>` +
      (['reproduced', 'notReproduced', 'reversed'] as const).map((k) => `<td>${pct(h.share[k].share)} <span class="note">[${pct(h.share[k].lo)}, ${pct(h.share[k].hi)}]</span></td>`).join('') +
      `<td>${h.notApplicable}</td></tr>`).join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(`Calibration: ${batch.title ?? batch.id}`)}</title>
<style>
${baseCss(900)}.note{color:#666}.label{font-size:12px;text-anchor:end}.value,.tick{font-size:11px;fill:#555}.end{text-anchor:end}.title{font-size:12px;font-weight:600}
figure{display:inline-block;margin:4px}.empty{background:#fee;border:1px solid #d62728;padding:.6em 1em}
section{break-inside:avoid}
</style></head><body data-rendered="true">
<h1>Calibration by patterns: ${esc(batch.title ?? batch.id)}</h1>
${batch.description ? `<p>${esc(batch.description)}</p>` : ''}
<p>Preregistered ${esc(i.preregistered)} (spec SHA-256 <code>${esc(i.sha256)}</code>). Scenario <b>${esc(batch.scenarios[0].id)}</b>
(${batch.scenarios[0].ticks} ticks), ${esc(batch.strategies[0].label)}; ${verdicts.length} Latin hypercube points × ${batch.replications} seeds.
A point is accepted when at least ${pct(share)} of its seeds pass every filter. The held-out tests (${spec.heldout.patterns.join(', ')},
${spec.heldout.seeds} seeds each) ran only on accepted points and played no part in accepting them.
The model is uncalibrated against data: this says where in this parameter range the descriptive patterns hold, and what the texts' claims do there.</p>
${screeningSection(i)}
${empty ? `<p class="empty"><b>The accepted region is empty.</b> No point had ${pct(share)} of its seeds passing every filter. The acceptance per filter below shows which filters exclude most of the range.</p>` : ''}
<section><h2>Acceptance</h2><p class="note">Share of points whose seeds pass the filter (≥ ${pct(share)}), and jointly (accepted).</p>
${bars([...perFilter, { label: 'all filters (accepted)', value: joint }])}
<table><thead><tr><th>filter</th><th>condition</th></tr></thead><tbody>${resolved.filters.map((f) => `<tr><td>${esc(f.id)}</td><td>${esc(f.description)}</td></tr>`).join('')}</tbody></table></section>
<section><h2>Accepted parameter distributions</h2><p class="note">Grey: all points; blue: accepted; red line: the scenario's value (default).</p>
${params.map((p) => histogram(p.name, p.min, p.max, verdicts.map((v) => v.values[p.name] as number), accepted.map((v) => v.values[p.name] as number), defaults[p.name])).join('')}
${pairs.length ? `<h3>Pairs</h3><p class="note">Blue: accepted; grey: rejected${params.length > 6 ? ' (first six parameters)' : ''}.</p>${pairs.join('')}` : ''}</section>
<section><h2>Do the defaults lie inside the accepted region?</h2>
<p>${empty ? 'No: the accepted region is empty.' : allInside ? 'Yes, within the bounding box of the accepted points (a box is a generous region: check the pairs).' : 'No: at least one default lies outside the accepted points\' range.'}</p>
<table><thead><tr><th>parameter</th><th>default</th><th>accepted range</th><th>inside</th></tr></thead><tbody>${defaultRows.map((r) =>
  `<tr><td>${esc(r.name)}</td><td>${r.known ? num(r.d) : '– (no value in the scenario)'}</td><td>${empty ? '–' : `${num(r.lo)} … ${num(r.hi)}`}</td><td>${r.known ? (r.inside ? 'yes' : 'no') : '–'}</td></tr>`).join('')}</tbody></table></section>
<section><h2>Held-out tests</h2><p class="note">Share of accepted points (where applicable) on which each claim is reproduced, not reproduced or reversed, with 95 % Wilson intervals.</p>
${heldoutTable}</section>
</body></html>
`;
}
