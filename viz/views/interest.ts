// Interest space: the actors' preferences (n × k) projected on their two leading principal
// components, coloured by sector, with the current agenda marked. PCA is UI-side maths, not
// engine. Below it, when the opgave has knowledge aspects, the landscape of knobs (docs/ODD.md
// §7.4) in one strip: per knob the share of actors whose approach has it on, against the
// setting of the best approach x*; beside it the engagement-weighted mean worth ω of the
// actors' approaches and the share whose approach is x* itself. (There is no single solution
// point any more: knobs must be right together, which a projection of preferences cannot show.)
import { scaleLinear } from 'd3-scale';
import { symbol, symbolDiamond } from 'd3-shape';
import { toolsWidth, boxOf, createSvg, INK, MUTED, onResize, placeTitle, serializeSvg, sizeSvg, textWidth, titleText } from './common.ts';
import { pca2, project, type Pca } from '../math/pca.ts';
import { fmt, pct, t, type Lang } from '../i18n.ts';

export interface InterestMeta {
  n: number; k: number;
  sector: Uint16Array;
  sectorColors: string[];
  /** The knobs (null: no knowledge aspects, nothing to show). */
  landscape: { knobs: number; perAspect: number; aspects: number[] } | null;
}
export interface InterestFrame {
  pref: Float32Array; present: Uint8Array; position: Uint8Array; engagement: Float32Array; agenda: Float32Array;
  /** Absent or null without a landscape. */
  approach?: Int32Array | null; approachWorth?: Float32Array | null; landBest?: number;
}

/** What the landscape strip shows for one frame. */
export interface LandscapeReadout {
  /** Per knob: the share of present actors whose approach has it on. */
  shareOn: number[];
  /** Per knob: whether the best approach x* has it on. */
  bestOn: boolean[];
  /** Engagement-weighted mean worth ω of the present actors' approaches (plain mean when nobody is engaged). */
  meanWorth: number;
  /** Share of present actors whose approach is x*. */
  atBest: number;
}

/** The strip's numbers from a frame (null without a landscape or without present actors). */
export function landscapeReadout(f: InterestFrame, n: number, knobs: number): LandscapeReadout | null {
  const approach = f.approach, worth = f.approachWorth;
  if (!approach || !worth || knobs <= 0) return null;
  const best = f.landBest ?? 0;
  const on = new Array<number>(knobs).fill(0);
  let count = 0, atBest = 0, weight = 0, weighted = 0, plain = 0;
  for (let i = 0; i < n; i++) {
    if (f.present[i] !== 1) continue;
    count++;
    const x = approach[i];
    if (x === best) atBest++;
    for (let b = 0; b < knobs; b++) if ((x >>> b) & 1) on[b]++;
    const e = Math.max(0, f.engagement[i]);
    weight += e; weighted += e * worth[i]; plain += worth[i];
  }
  if (!count) return null;
  return {
    shareOn: on.map((c) => c / count),
    bestOn: on.map((_, b) => ((best >>> b) & 1) === 1),
    meanWorth: weight > 0 ? weighted / weight : plain / count,
    atBest: atBest / count,
  };
}
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
  const strip = svg.append('g').attr('class', 'landscape');
  const note = svg.append('text').attr('text-anchor', 'end').attr('fill', MUTED);
  const x = scaleLinear();
  const y = scaleLinear();

  /** What the last frame showed, computed once per frame (a language switch or resize only redraws). */
  let shown: { p: Pca; data: { i: number; x: number; y: number }[]; agendaP: [number, number]; step: number; land: LandscapeReadout | null } | null = null;

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
    const agendaP = project(p, f.agenda);
    m = Math.max(m, Math.abs(agendaP[0]), Math.abs(agendaP[1]));
    // Zoom follows the cloud slowly (a scale bar shows it): a converging cloud is seen shrinking
    // for a while, then its structure is shown at a readable size. Once per frame, not per
    // redraw (a language switch used to shrink it by 1.5 %).
    extent = Math.max(m * 1.15, extent * 0.985, 0.02);
    shown = { p, data, agendaP, step, land: meta.landscape ? landscapeReadout(f, n, meta.landscape.knobs) : null };
  }

  /** Draws what `compute` found; `withPoints` false (a language switch) leaves the actors' dots as they are. */
  let drawnTop = -1;
  function render(withPoints = true): void {
    const box = boxOf(el, INTEREST_SIZE);
    sizeSvg(svg, box);
    const W = box.w, H = box.h, fs = box.font;
    // Room for the landscape strip under the cloud when there are knobs.
    const stripH = meta?.landscape ? Math.round(fs * 3.3) : 0;
    const M = { top: placeTitle(title, box, t('interest', lang), toolsWidth(el)), right: 12, bottom: Math.round(fs * 2) + stripH, left: 12 };
    x.range([M.left, W - M.right]);
    y.range([H - M.bottom, M.top]);
    if (M.top !== drawnTop) { drawnTop = M.top; withPoints = true; } // the title took another height: the dots move
    note.attr('x', W - M.right).attr('y', H - 8 - stripH).attr('font-size', Math.round(fs * 0.85)); // above the knob strip
    title.text(t('interest', lang));
    if (!meta || !last || !shown) return;
    const { n } = meta;
    const f = last;
    const { p, data, agendaP, step, land } = shown;
    const aspect = (W - M.left - M.right) / (H - M.top - M.bottom);
    x.domain([-extent * aspect, extent * aspect]);
    y.domain([-extent, extent]);
    axes.selectAll('*').remove();
    axes.append('line').attr('x1', M.left).attr('x2', W - M.right).attr('y1', r1(y(0))).attr('y2', r1(y(0))).attr('stroke', '#e3e6ec');
    axes.append('line').attr('y1', M.top).attr('y2', H - M.bottom).attr('x1', r1(x(0))).attr('x2', r1(x(0))).attr('stroke', '#e3e6ec');
    axes.append('text').attr('x', M.left).attr('y', H - 8 - stripH).attr('font-size', Math.round(fs * 0.85)).attr('fill', MUTED)
      .text(`PC1 ${pct(p.explained[0], lang)} · PC2 ${pct(p.explained[1], lang)}`);
    const rBase = n <= 60 ? fs * 0.42 : n <= 400 ? fs * 0.3 : fs * 0.18;
    // An actor's colour never changes within a run (setMeta clears the points): set on entry.
    if (withPoints) points.selectAll<SVGCircleElement, (typeof data)[number]>('circle').data(data, (d) => d.i)
      .join((enter) => enter.append('circle').attr('fill', (d) => meta!.sectorColors[meta!.sector[d.i]]).attr('stroke-width', 1))
      .attr('cx', (d) => r1(x(d.x))).attr('cy', (d) => r1(y(d.y)))
      .attr('r', (d) => (f.position[d.i] === 2 ? rBase * 1.4 : rBase))
      .attr('fill-opacity', (d) => r1(0.25 + 0.7 * f.engagement[d.i]))
      .attr('stroke', (d) => (f.position[d.i] === 2 ? INK : 'none'));
    const diamond = symbol(symbolDiamond, fs * fs)() ?? '';
    const mk = [{ key: 'agenda', d: diamond, p: agendaP, fill: '#ffffff', label: t('agenda', lang) }];
    const g = markers.selectAll<SVGGElement, (typeof mk)[number]>('g').data(mk, (d) => d.key).join((enter) => {
      const e = enter.append('g');
      e.append('path');
      e.append('text').attr('font-weight', 700).attr('stroke', '#fff').attr('stroke-width', 3)
        .attr('paint-order', 'stroke').attr('fill', INK);
      return e;
    }).attr('transform', (d) => `translate(${r1(x(d.p[0]))},${r1(y(d.p[1]))})`);
    g.select('path').attr('d', (d) => d.d).attr('fill', (d) => d.fill).attr('stroke', INK).attr('stroke-width', 1.5);
    g.select('text').attr('font-size', fs).attr('x', -fs * 0.9).attr('y', fs * 1.3).attr('text-anchor', 'end').text((d) => d.label);
    drawStrip(land, W, H - 8 - stripH + Math.round(fs * 0.9), stripH, M.left, M.right, fs);
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
  /** The landscape strip: a caption, then one column per knob (filled to the share of actors
   * with it on) with a square under it for x*'s setting (filled = on), grouped by aspect, and
   * the numbers to their right. Texts shrink (to 70 %) rather than run out of the panel. */
  function drawStrip(land: LandscapeReadout | null, W: number, top: number, height: number, left: number, right: number, fs: number): void {
    strip.selectAll('*').remove();
    const L = meta?.landscape;
    if (!L || !land || height <= 0) return;
    const width = W - left - right;
    const fit = (text: string, size: number, room: number, weight = 400) => {
      const w = textWidth(text, size, weight);
      return w > room ? Math.max(Math.round(size * 0.7), Math.floor((size * room) / w)) : size;
    };
    const groups = Math.max(1, L.aspects.length);
    const gap = Math.round(fs * 0.45);
    const colH = Math.round(fs * 1.4), sq = Math.max(4, Math.round(fs * 0.45));
    const cw = Math.max(4, Math.min(Math.round(fs * 0.9), Math.floor((width * 0.45 - gap * (groups - 1)) / L.knobs)));
    const g = strip.append('g').attr('transform', `translate(${left},${top})`);
    // The full caption while it fits at 70 % of its size, else the short one (the full text stays
    // as its tooltip): a narrow panel must not cut it off.
    const full = t('knobStrip', lang), captionSize = Math.round(fs * 0.8);
    const caption = textWidth(full, Math.round(captionSize * 0.7)) <= width ? full : t('knobStripShort', lang);
    const captionText = g.append('text').attr('class', 'knob-caption').attr('x', 0).attr('y', 0)
      .attr('font-size', fit(caption, captionSize, width)).attr('fill', MUTED).text(caption);
    if (caption !== full) captionText.append('title').text(full);
    const y0 = Math.round(fs * 0.4);
    let xEnd = 0;
    for (let b = 0; b < L.knobs; b++) {
      const x0 = b * cw + Math.floor(b / L.perAspect) * gap;
      const h = Math.round(land.shareOn[b] * colH * 10) / 10;
      const col = g.append('g').attr('class', 'knob').attr('data-knob', b).attr('data-share', r1(land.shareOn[b] * 100) / 100).attr('data-best', land.bestOn[b] ? 1 : 0);
      col.append('rect').attr('x', x0).attr('y', y0).attr('width', cw - 2).attr('height', colH).attr('fill', '#fff').attr('stroke', '#c5ccd8');
      col.append('rect').attr('x', x0).attr('y', r1(y0 + colH - h)).attr('width', cw - 2).attr('height', h).attr('fill', '#0072b2').attr('fill-opacity', 0.75);
      col.append('rect').attr('class', 'best').attr('x', r1(x0 + (cw - 2 - sq) / 2)).attr('y', y0 + colH + 3).attr('width', sq).attr('height', sq)
        .attr('fill', land.bestOn[b] ? INK : '#fff').attr('stroke', INK);
      xEnd = x0 + cw;
    }
    const tx = xEnd + gap * 2, room = width - tx;
    const line1 = `${t('meanWorth', lang)} ${fmt(land.meanWorth, lang, 2)}`, line2 = `${t('atBest', lang)} ${pct(land.atBest, lang)}`;
    const size = Math.min(fit(line1, Math.round(fs * 0.85), room, 700), fit(line2, Math.round(fs * 0.85), room, 700));
    const text = g.append('text').attr('class', 'landscape-numbers').attr('x', tx).attr('y', y0 + size).attr('font-size', size).attr('fill', INK)
      .attr('data-mean-worth', r1(land.meanWorth * 1000) / 1000).attr('data-at-best', r1(land.atBest * 1000) / 1000);
    text.append('tspan').text(`${t('meanWorth', lang)} `);
    text.append('tspan').attr('font-weight', 700).text(fmt(land.meanWorth, lang, 2));
    const second = g.append('text').attr('x', tx).attr('y', r1(y0 + size * 2.25)).attr('font-size', size).attr('fill', INK);
    second.append('tspan').text(`${t('atBest', lang)} `);
    second.append('tspan').attr('font-weight', 700).text(pct(land.atBest, lang));
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
