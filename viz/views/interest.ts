// Interest space: the actors' preferences (n × k) projected on their two leading principal
// components, coloured by sector; the solution profile s* (knowledge aspects; value aspects
// at the population mean) and the current agenda marked. PCA is UI-side maths, not engine.
import { scaleLinear } from 'd3-scale';
import { symbol, symbolDiamond, symbolStar } from 'd3-shape';
import { toolsWidth, boxOf, createSvg, INK, MUTED, onResize, placeTitle, serializeSvg, sizeSvg, titleText } from './common.ts';
import { pca2, project, type Pca } from '../math/pca.ts';
import { fmt, pct, t, type Lang } from '../i18n.ts';

export interface InterestMeta {
  n: number; k: number;
  sector: Uint16Array;
  sectorColors: string[];
  /** s*_k for knowledge aspects, null for value aspects. */
  solution: (number | null)[];
}
export interface InterestFrame { pref: Float32Array; present: Uint8Array; position: Uint8Array; engagement: Float32Array; agenda: Float32Array }
export interface InterestView { setMeta(meta: InterestMeta): void; update(frame: InterestFrame): void; setLang(lang: Lang): void; svgText(): string }

export const INTEREST_SIZE = { w: 420, h: 400 };
/** Above this many actors, draw every m-th (the cloud's shape survives; the DOM stays light). */
const MAX_POINTS = 600;
/** The principal axes are computed from at most about this many actors. */
const PCA_SAMPLE = 2000;
const r1 = (v: number) => Math.round(v * 10) / 10;

export function createInterestView(el: HTMLElement, options: { lang: Lang }): InterestView {
  let lang = options.lang;
  let meta: InterestMeta | null = null;
  let last: InterestFrame | null = null;
  let prev: Pca | null = null;
  let extent = 0.05;
  const svg = createSvg(el, INTEREST_SIZE.w, INTEREST_SIZE.h, 'interest');
  const title = titleText(svg);
  const axes = svg.append('g').attr('class', 'axes');
  const points = svg.append('g').attr('class', 'points');
  const markers = svg.append('g').attr('class', 'markers');
  const note = svg.append('text').attr('text-anchor', 'end').attr('fill', MUTED);
  const x = scaleLinear();
  const y = scaleLinear();

  /** What the last frame showed, computed once per frame (a language switch or resize only redraws). */
  let shown: { p: Pca; data: { i: number; x: number; y: number }[]; solP: [number, number]; agendaP: [number, number]; step: number } | null = null;

  function compute(): void {
    if (!meta || !last) { shown = null; return; }
    const { n, k } = meta;
    const f = last;
    // The axes from at most ~PCA_SAMPLE actors (every s-th): at 10,000 actors the basis is as
    // good and the frame's cost stays small; the same actors every frame, so nothing flickers.
    const sample = Math.max(1, Math.ceil(n / PCA_SAMPLE));
    const p = pca2(f.pref, n, k, (i) => f.present[i] === 1 && i % sample === 0, prev);
    prev = p;
    const step = Math.max(1, Math.ceil(n / MAX_POINTS));
    const data: { i: number; x: number; y: number }[] = [];
    let m = 0;
    for (let i = 0; i < n; i += step) {
      if (f.present[i] !== 1) continue;
      const [a, b] = project(p, f.pref, i * k);
      data.push({ i, x: a, y: b });
      m = Math.max(m, Math.abs(a), Math.abs(b));
    }
    // s*: knowledge aspects at their solution, value aspects at the mean (no right answer).
    const sol = meta.solution.map((v, a) => (v === null ? p.mean[a] : v));
    const solP = project(p, sol);
    const agendaP = project(p, f.agenda);
    m = Math.max(m, Math.abs(solP[0]), Math.abs(solP[1]), Math.abs(agendaP[0]), Math.abs(agendaP[1]));
    // Zoom follows the cloud slowly (a scale bar shows it): a converging cloud is seen shrinking
    // for a while, then its structure is shown at a readable size. Once per frame, not per
    // redraw (a language switch used to shrink it by 1.5 %).
    extent = Math.max(m * 1.15, extent * 0.985, 0.02);
    shown = { p, data, solP, agendaP, step };
  }

  /** Draws what `compute` found; `withPoints` false (a language switch) leaves the actors' dots as they are. */
  let drawnTop = -1;
  function render(withPoints = true): void {
    const box = boxOf(el, INTEREST_SIZE);
    sizeSvg(svg, box);
    const W = box.w, H = box.h, fs = box.font;
    const M = { top: placeTitle(title, box, t('interest', lang), toolsWidth(el)), right: 12, bottom: Math.round(fs * 2), left: 12 };
    x.range([M.left, W - M.right]);
    y.range([H - M.bottom, M.top]);
    if (M.top !== drawnTop) { drawnTop = M.top; withPoints = true; } // the title took another height: the dots move
    note.attr('x', W - M.right).attr('y', H - 8).attr('font-size', Math.round(fs * 0.85));
    title.text(t('interest', lang));
    if (!meta || !last || !shown) return;
    const { n } = meta;
    const f = last;
    const { p, data, solP, agendaP, step } = shown;
    const aspect = (W - M.left - M.right) / (H - M.top - M.bottom);
    x.domain([-extent * aspect, extent * aspect]);
    y.domain([-extent, extent]);
    axes.selectAll('*').remove();
    axes.append('line').attr('x1', M.left).attr('x2', W - M.right).attr('y1', r1(y(0))).attr('y2', r1(y(0))).attr('stroke', '#e3e6ec');
    axes.append('line').attr('y1', M.top).attr('y2', H - M.bottom).attr('x1', r1(x(0))).attr('x2', r1(x(0))).attr('stroke', '#e3e6ec');
    axes.append('text').attr('x', M.left).attr('y', H - 8).attr('font-size', Math.round(fs * 0.85)).attr('fill', MUTED)
      .text(`PC1 ${pct(p.explained[0], lang)} · PC2 ${pct(p.explained[1], lang)}`);
    const rBase = n <= 60 ? fs * 0.42 : n <= 400 ? fs * 0.3 : fs * 0.18;
    // An actor's colour never changes within a run (setMeta clears the points): set on entry.
    if (withPoints) points.selectAll<SVGCircleElement, (typeof data)[number]>('circle').data(data, (d) => d.i)
      .join((enter) => enter.append('circle').attr('fill', (d) => meta!.sectorColors[meta!.sector[d.i]]).attr('stroke-width', 1))
      .attr('cx', (d) => r1(x(d.x))).attr('cy', (d) => r1(y(d.y)))
      .attr('r', (d) => (f.position[d.i] === 2 ? rBase * 1.4 : rBase))
      .attr('fill-opacity', (d) => r1(0.25 + 0.7 * f.engagement[d.i]))
      .attr('stroke', (d) => (f.position[d.i] === 2 ? INK : 'none'));
    const star = symbol(symbolStar, fs * fs * 1.6)() ?? '';
    const diamond = symbol(symbolDiamond, fs * fs)() ?? '';
    const mk = [
      { key: 'solution', d: star, p: solP, fill: '#ffd54f', label: t('solution', lang) },
      { key: 'agenda', d: diamond, p: agendaP, fill: '#ffffff', label: t('agenda', lang) },
    ];
    const g = markers.selectAll<SVGGElement, (typeof mk)[number]>('g').data(mk, (d) => d.key).join((enter) => {
      const e = enter.append('g');
      e.append('path');
      e.append('text').attr('font-weight', 700).attr('stroke', '#fff').attr('stroke-width', 3)
        .attr('paint-order', 'stroke').attr('fill', INK);
      return e;
    }).attr('transform', (d) => `translate(${r1(x(d.p[0]))},${r1(y(d.p[1]))})`);
    g.select('path').attr('d', (d) => d.d).attr('fill', (d) => d.fill).attr('stroke', INK).attr('stroke-width', 1.5);
    // s* labelled up and right, the agenda down and left: they stay apart when the two meet.
    g.select('text').attr('font-size', fs)
      .attr('x', (d) => (d.key === 'solution' ? fs * 0.9 : -fs * 0.9))
      .attr('y', (d) => (d.key === 'solution' ? -fs * 0.5 : fs * 1.3))
      .attr('text-anchor', (d) => (d.key === 'solution' ? 'start' : 'end'))
      .text((d) => d.label);
    note.text(step > 1 ? `${t('showing', lang)} ${fmt(step, lang, 0)}` : '');
    // Scale bar: a round length in preference units.
    const unitPx = x(1) - x(0);
    const target = (W * 0.18) / unitPx;
    const pow = 10 ** Math.floor(Math.log10(target));
    const len = [5, 2, 1].map((m) => m * pow).find((v) => v <= target) ?? pow;
    const sx = W - M.right - len * unitPx, sy = M.top + fs * 0.2;
    axes.append('line').attr('class', 'scale-bar').attr('x1', r1(sx)).attr('x2', r1(W - M.right)).attr('y1', r1(sy)).attr('y2', r1(sy))
      .attr('stroke', MUTED).attr('stroke-width', 2);
    axes.append('text').attr('x', r1(W - M.right)).attr('y', r1(sy + fs)).attr('text-anchor', 'end').attr('font-size', Math.round(fs * 0.8))
      .attr('fill', MUTED).text(fmt(len, lang, len < 0.01 ? 3 : len < 0.1 ? 2 : 1));
  }
  onResize(el, () => render());
  render();
  return {
    setMeta(m) { meta = m; prev = null; extent = 0.05; last = null; shown = null; points.selectAll('*').remove(); },
    update(frame) { last = frame; compute(); render(); },
    setLang(next) { lang = next; render(false); },
    svgText() { return serializeSvg(svg.node() as SVGSVGElement); },
  };
}
