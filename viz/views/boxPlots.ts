// Box plots for the Compare panel: one small chart per kept measure, one box per strategy
// (quartiles, median, whiskers to the furthest run within 1.5 IQR, every run as a dot), so a
// room can see spread as well as differences. Fills in as runs finish.
import { scaleLinear } from 'd3-scale';
import { axisBottom } from 'd3-axis';
import { boxOf, createSvg, INK, MUTED, onResize, serializeSvg, sizeSvg } from './common.ts';
import { fmt, type Lang } from '../i18n.ts';

export interface BoxMeasure { column: string; label: string }
export interface BoxStrategy { id: string; label: string; color: string }
export interface BoxData {
  measures: BoxMeasure[];
  strategies: BoxStrategy[];
  /** Finished runs' values per strategy and measure column (nulls left out). */
  values(strategy: string, column: string): number[];
}
export interface BoxPlotsView { update(data: BoxData): void; setLang(lang: Lang): void; svgText(): string }

export interface BoxStats { n: number; min: number; q1: number; median: number; q3: number; max: number; lo: number; hi: number }

/** Quartiles (linear interpolation, as d3.quantile) and Tukey whiskers. */
export function boxStats(values: readonly number[]): BoxStats | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = xs.length;
  if (!n) return null;
  const q = (p: number) => {
    const h = (n - 1) * p, i = Math.floor(h);
    return i + 1 < n ? xs[i] + (h - i) * (xs[i + 1] - xs[i]) : xs[i];
  };
  const q1 = q(0.25), q3 = q(0.75), iqr = q3 - q1;
  const lo = xs.find((v) => v >= q1 - 1.5 * iqr) ?? xs[0];
  const hi = [...xs].reverse().find((v) => v <= q3 + 1.5 * iqr) ?? xs[n - 1];
  return { n, min: xs[0], q1, median: q(0.5), q3, max: xs[n - 1], lo, hi };
}

export const BOX_SIZE = { w: 900, h: 520 };
const r1 = (v: number) => Math.round(v * 10) / 10;

export function createBoxPlotsView(el: HTMLElement, options: { lang: Lang }): BoxPlotsView {
  let lang = options.lang;
  let last: BoxData | null = null;
  const svg = createSvg(el, BOX_SIZE.w, BOX_SIZE.h, 'box-plots');

  function render(): void {
    const box = boxOf(el, BOX_SIZE);
    sizeSvg(svg, box);
    svg.selectAll('*').remove();
    if (!last || !last.measures.length) return;
    const f = box.font;
    const { measures, strategies } = last;
    const cols = measures.length <= 2 ? measures.length : measures.length <= 4 ? 2 : 3;
    const rows = Math.ceil(measures.length / cols);
    const cw = box.w / cols, ch = box.h / rows;
    const labelFont = Math.round(f * 0.9);
    const labelW = Math.min(cw * 0.36, Math.max(...strategies.map((s) => s.label.length)) * labelFont * 0.55 + 10);
    /** A label in one line, or two when it does not fit (split at the space nearest the middle). */
    const lines = (label: string): string[] => {
      if (label.length * labelFont * 0.55 <= labelW - 6) return [label];
      const spaces = [...label.matchAll(/ /g)].map((m) => m.index!);
      if (!spaces.length) return [label];
      const cut = spaces.reduce((a, b) => (Math.abs(b - label.length / 2) < Math.abs(a - label.length / 2) ? b : a));
      return [label.slice(0, cut), label.slice(cut + 1)];
    };
    measures.forEach((m, idx) => {
      const g = svg.append('g').attr('class', 'box-panel').attr('data-column', m.column)
        .attr('transform', `translate(${r1((idx % cols) * cw)},${r1(Math.floor(idx / cols) * ch)})`);
      g.append('text').attr('x', 8).attr('y', f * 1.3).attr('font-size', Math.round(f * 1.05)).attr('font-weight', 700).attr('fill', INK).text(m.label);
      const top = f * 2, bottom = f * 2.2;
      const all = strategies.flatMap((s) => last!.values(s.id, m.column));
      if (!all.length) return;
      // From zero (or through it): a difference between boxes is never magnified by a cut axis.
      let lo = Math.min(0, ...all), hi = Math.max(0, ...all);
      if (lo === hi) { lo -= 0.5 * (Math.abs(lo) || 1); hi += 0.5 * (Math.abs(hi) || 1); }
      const x = scaleLinear().domain([lo, hi]).nice().range([labelW + 8, cw - 16]);
      const band = (ch - top - bottom) / Math.max(1, strategies.length);
      g.append('g').attr('transform', `translate(0,${r1(ch - bottom)})`)
        .call(axisBottom(x).ticks(Math.max(2, Math.floor((cw - labelW) / 80))).tickFormat((v) => fmt(Number(v), lang, Math.abs(hi - lo) < 0.5 ? 2 : Math.abs(hi - lo) < 5 ? 1 : 0)) as never)
        .call((a) => { a.attr('font-size', Math.round(f * 0.8)).attr('font-family', null); a.selectAll('text').attr('fill', MUTED); a.selectAll('line, path').attr('stroke', '#b8bfcc'); });
      strategies.forEach((s, k) => {
        const y = top + band * (k + 0.5);
        const vals = last!.values(s.id, m.column);
        const st = boxStats(vals);
        const row = g.append('g').attr('class', 'box').attr('data-strategy', s.id);
        const parts = lines(s.label);
        const text = row.append('text').attr('x', labelW).attr('y', r1(y + f * 0.35 - (parts.length - 1) * labelFont * 0.6)).attr('text-anchor', 'end')
          .attr('font-size', labelFont).attr('fill', INK);
        parts.forEach((line, i) => text.append('tspan').attr('x', labelW).attr('dy', i ? labelFont * 1.15 : 0).text(line));
        if (!st) return;
        const h = Math.min(band * 0.6, f * 1.6);
        row.append('line').attr('x1', r1(x(st.lo))).attr('x2', r1(x(st.hi))).attr('y1', r1(y)).attr('y2', r1(y)).attr('stroke', s.color).attr('stroke-width', 1.5);
        row.append('rect').attr('x', r1(x(st.q1))).attr('width', Math.max(1, r1(x(st.q3) - x(st.q1)))).attr('y', r1(y - h / 2)).attr('height', r1(h))
          .attr('fill', s.color).attr('fill-opacity', 0.25).attr('stroke', s.color).attr('stroke-width', 1.5);
        row.append('line').attr('class', 'median').attr('x1', r1(x(st.median))).attr('x2', r1(x(st.median))).attr('y1', r1(y - h / 2)).attr('y2', r1(y + h / 2))
          .attr('stroke', s.color).attr('stroke-width', 3);
        vals.forEach((v, i) => {
          const jitter = ((i * 0.618034) % 1 - 0.5) * h * 0.8;
          row.append('circle').attr('cx', r1(x(v))).attr('cy', r1(y + jitter)).attr('r', 2.5).attr('fill', s.color).attr('fill-opacity', 0.7);
        });
        row.append('title').text(`${s.label}: n = ${st.n}, mediaan/median ${fmt(st.median, lang, 3)}`);
      });
    });
  }
  onResize(el, render);
  return {
    update(data) { last = data; render(); },
    setLang(next) { lang = next; render(); },
    svgText() { return serializeSvg(svg.node() as SVGSVGElement); },
  };
}
