// The balance triangle: the run's trajectory in the richten–leren–handelen simplex. Each
// tick's three values, normalised to sum 1, are a point; the centre is perfect balance, a
// corner means one function carries the network alone.
import { line } from 'd3-shape';
import { toolsWidth, boxOf, createSvg, textWidth, FUNCTION_COLORS, INK, MUTED, onResize, placeTitle, serializeSvg, sizeSvg, titleText } from './common.ts';
import { CORNERS, ternary } from '../math/ternary.ts';
import { MEASURES, MEASURE_INDEX } from '../../sim/meta.ts';
import { t, type Lang } from '../i18n.ts';
import type { SeriesSource } from './timeSeries.ts';

export interface TriangleData { series: SeriesSource; highlight: number | null; markTicks: number[] }
export interface TriangleView { update(data: TriangleData): void; setLang(lang: Lang): void; svgText(): string }

export const TRIANGLE_SIZE = { w: 420, h: 400 };
const KEYS = ['richten', 'leren', 'handelen'] as const;
const r1 = (v: number) => Math.round(v * 10) / 10;

export function createTriangleView(el: HTMLElement, options: { lang: Lang }): TriangleView {
  let lang = options.lang;
  let last: TriangleData | null = null;
  const svg = createSvg(el, TRIANGLE_SIZE.w, TRIANGLE_SIZE.h, 'triangle');
  const title = titleText(svg);
  const frame = svg.append('g').attr('class', 'frame');
  const trail = svg.append('g').attr('class', 'trail');
  const dots = svg.append('g').attr('class', 'dots');

  function render(): void {
    const box = boxOf(el, TRIANGLE_SIZE);
    sizeSvg(svg, box);
    const f = box.font;
    const top = placeTitle(title, box, t('triangle', lang), toolsWidth(el)) + f * 1.6;
    title.text(t('triangle', lang));
    const bottom = f * 3.3;
    const side = Math.max(60, Math.min(box.w - 2 * f, ((box.h - top - bottom) * 2) / Math.sqrt(3)));
    const ox = (box.w - side) / 2, oy = box.h - bottom;
    const px = (p: [number, number]): [number, number] => [ox + p[0] * side, oy - p[1] * side];
    const corners = CORNERS.map(px);
    frame.selectAll('*').remove();
    frame.append('path').attr('d', `M${corners.map((c) => c.map(r1).join(',')).join('L')}Z`)
      .attr('fill', '#f6f7f9').attr('stroke', '#b8bfcc').attr('stroke-width', 1.5);
    const centre = px(ternary(1, 1, 1)!);
    for (const c of corners) frame.append('line').attr('x1', r1(c[0])).attr('y1', r1(c[1])).attr('x2', r1(centre[0])).attr('y2', r1(centre[1]))
      .attr('stroke', '#dde1e8').attr('stroke-dasharray', '3 4');
    frame.append('circle').attr('cx', r1(centre[0])).attr('cy', r1(centre[1])).attr('r', 5).attr('fill', 'none').attr('stroke', MUTED).attr('stroke-width', 1.5);
    frame.append('text').attr('x', r1(centre[0])).attr('y', r1(centre[1] + f * 1.3)).attr('text-anchor', 'middle')
      .attr('font-size', Math.round(f * 0.85)).attr('fill', MUTED).text(lang === 'nl' ? 'in balans' : 'balanced');
    const cornerFont = Math.round(f * 1.05);
    KEYS.forEach((key, c) => {
      const label = MEASURES[MEASURE_INDEX[key]].label[lang];
      // Bottom labels split over two lines when two of them would not fit side by side.
      const split = c > 0 && label.includes(' ') && textWidth(label, cornerFont, 700) > side * 0.48;
      const lines = split ? [label.slice(0, label.indexOf(' ')), label.slice(label.indexOf(' ') + 1)] : [label];
      const widest = Math.max(...lines.map((l) => textWidth(l, cornerFont, 700)));
      const text = frame.append('text').attr('class', 'corner-label')
        .attr('y', r1(corners[c][1] + (c === 0 ? -f * 0.6 : f * 1.4)))
        .attr('text-anchor', c === 0 ? 'middle' : c === 1 ? 'start' : 'end')
        .attr('font-size', cornerFont).attr('font-weight', 700).attr('fill', FUNCTION_COLORS[key]);
      // Bottom labels start at their corner and grow outward-in; when the two would meet in
      // the middle they shift outward (as far as the box allows).
      const overlap = c === 0 ? 0 : Math.max(0, widest + f * 0.6 - side / 2);
      const x = r1(c === 0 ? corners[c][0] : c === 1
        ? Math.max(2, corners[c][0] - f * 0.3 - overlap)
        : Math.min(box.w - 2, corners[c][0] + f * 0.3 + overlap));
      lines.forEach((line, i) => text.append('tspan').attr('x', x).attr('dy', i ? cornerFont * 1.1 : 0).text(line));
    });
    if (!last) return;
    const { series, highlight, markTicks } = last;
    const pts: ([number, number] | null)[] = [];
    for (let r = 0; r < series.length; r++) {
      const p = ternary(series.value(r, 'richten'), series.value(r, 'leren'), series.value(r, 'handelen'));
      pts.push(p ? px(p) : null);
    }
    const valid = pts.filter((p): p is [number, number] => p !== null);
    const gen = line<[number, number]>().x((p) => r1(p[0])).y((p) => r1(p[1]));
    // The whole trajectory faint, the last 20 ticks strong.
    trail.selectAll('path').data([valid, valid.slice(-20)]).join('path')
      .attr('d', (d) => gen(d) ?? '')
      .attr('fill', 'none')
      .attr('stroke', (_d, i) => (i === 0 ? '#9aa3b5' : INK))
      .attr('stroke-width', (_d, i) => (i === 0 ? 1.5 : 2.5))
      .attr('stroke-linejoin', 'round');
    const special: { p: [number, number]; kind: string }[] = [];
    if (valid.length) special.push({ p: valid[0], kind: 'start' });
    for (const tick of markTicks) {
      const p = pts[series.rowOfTick(tick)];
      if (p) special.push({ p, kind: 'mark' });
    }
    if (valid.length) special.push({ p: valid[valid.length - 1], kind: 'now' });
    if (highlight !== null) {
      const p = pts[series.rowOfTick(highlight)];
      if (p) special.push({ p, kind: 'highlight' });
    }
    dots.selectAll('circle').data(special).join('circle')
      .attr('class', (d) => `dot-${d.kind}`)
      .attr('cx', (d) => r1(d.p[0])).attr('cy', (d) => r1(d.p[1]))
      .attr('r', (d) => (d.kind === 'now' ? 7 : d.kind === 'highlight' ? 9 : d.kind === 'start' ? 4 : 5))
      .attr('fill', (d) => (d.kind === 'now' ? INK : d.kind === 'mark' ? '#b8860b' : d.kind === 'highlight' ? '#ffd54f' : '#fff'))
      .attr('fill-opacity', (d) => (d.kind === 'highlight' ? 0.7 : 1))
      .attr('stroke', (d) => (d.kind === 'highlight' ? '#b8860b' : d.kind === 'start' ? INK : '#fff'))
      .attr('stroke-width', 1.5);
  }
  onResize(el, render);
  render();
  return {
    update(data) { last = data; render(); },
    setLang(next) { lang = next; render(); },
    svgText() { return serializeSvg(svg.node() as SVGSVGElement); },
  };
}
