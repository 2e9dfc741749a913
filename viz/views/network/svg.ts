// The network drawn as SVG (up to a few hundred actors: crisp hover and per-element export).
// Renders a scene into the <svg> it is given: the on-screen one, or a detached one for export.
import type { Selection } from 'd3-selection';
import { INK, MUTED } from '../common.ts';
import { t } from '../../i18n.ts';
import { BAND_FILLS, BANDS, cx, placeLabels, px, R, ringLabel, type NetworkScene, type Node } from './scene.ts';

export const MAX_SVG_TIES = 1500;
type G = Selection<SVGGElement, unknown, null, undefined>;
export type SvgTarget = Selection<SVGSVGElement, unknown, null, undefined>;

function bandsInto(g: G): void {
  const fills = BAND_FILLS;
  g.selectAll('*').remove();
  for (const pos of [0, 1, 2]) {
    g.append('circle').attr('r', R * BANDS[pos][1]).attr('fill', fills[pos]).attr('stroke', '#d5dae3').attr('stroke-width', 1);
  }
  g.append('circle').attr('r', R * BANDS[2][1]).attr('fill', fills[2]).attr('stroke', '#c3cedf');
}

/** Ring names above the actors (with a halo), so a crowded core keeps its label. */
function ringLabelsInto(g: G, sc: NetworkScene): void {
  g.selectAll('*').remove();
  for (const pos of [0, 1, 2]) {
    const y = -R * BANDS[pos][1] + 20;
    g.append('text').attr('class', 'ring-label').attr('x', 0).attr('y', y + px(sc, 0.3)).attr('text-anchor', 'middle')
      .attr('font-size', px(sc, 0.85)).attr('letter-spacing', 2).attr('fill', '#5d6577').attr('font-weight', 700)
      .attr('stroke', '#ffffff').attr('stroke-width', px(sc, 0.22)).attr('stroke-opacity', 0.8).attr('paint-order', 'stroke')
      .text(ringLabel(sc, pos));
  }
}

function legendInto(g: G, sc: NetworkScene): void {
  g.selectAll('*').remove();
  if (!sc.meta) return;
  const x = -sc.vb.w / 2 + px(sc, 0.8);
  let y = -sc.vb.h / 2 + px(sc, 1.6);
  const dot = px(sc, 0.45);
  if (sc.lastFrame) {
    g.append('text').attr('x', x).attr('y', y).attr('font-size', px(sc, 0.8)).attr('fill', MUTED)
      .text(sc.lang === 'nl' ? 'sector · aantal in de kern' : 'sector · number in the core');
    y += px(sc, 1.5);
  }
  sc.meta.sectors.forEach((s, idx) => {
    let count = 0;
    if (sc.lastFrame) for (let i = 0; i < sc.meta!.n; i++) if (sc.meta!.sector[i] === idx && sc.lastFrame.present[i] && sc.lastFrame.position[i] === 2) count++;
    g.append('circle').attr('cx', x + dot).attr('cy', y - dot * 0.8).attr('r', dot).attr('fill', s.color);
    const text = g.append('text').attr('x', x + dot * 2 + px(sc, 0.4)).attr('y', y).attr('font-size', px(sc, 0.95)).attr('font-weight', 600).attr('fill', INK).text(s.label[sc.lang]);
    if (sc.lastFrame) text.append('tspan').attr('class', 'legend-count').attr('font-weight', 400).attr('fill', MUTED).text(` · ${count}`);
    y += px(sc, 1.45);
  });
  g.append('text').attr('x', sc.vb.w / 2 - px(sc, 0.6)).attr('y', sc.vb.h / 2 - px(sc, 0.6)).attr('text-anchor', 'end').attr('font-size', px(sc, 0.85))
    .attr('fill', MUTED).text(t('legendColour', sc.lang));
}

/** Joins and styles; chrome: also the ring bands and the legend; `live`: the on-screen svg (its viewBox follows the box). */
export function renderSvg(sc: NetworkScene, target: SvgTarget, chrome: boolean, live: boolean): void {
  if (chrome || target.select('g.nodes').empty()) {
    if (live) target.attr('viewBox', `${-sc.vb.w / 2} ${-sc.vb.h / 2} ${sc.vb.w} ${sc.vb.h}`).attr('data-w', sc.vb.w).attr('data-h', sc.vb.h);
    const plot = target.selectAll<SVGGElement, number>('g.plot').data([0]).join('g').attr('class', 'plot').attr('transform', `translate(${round(cx(sc))},0)`);
    plot.selectAll('g.bands').data([0]).join('g').attr('class', 'bands').call(bandsInto as never);
    plot.selectAll('g.ties').data([0]).join('g').attr('class', 'ties');
    plot.selectAll('g.nodes').data([0]).join('g').attr('class', 'nodes');
    plot.selectAll('g.labels').data([0]).join('g').attr('class', 'labels').attr('pointer-events', 'none');
    plot.selectAll('g.ring-labels').data([0]).join('g').attr('class', 'ring-labels').attr('pointer-events', 'none').call(ringLabelsInto as never, sc);
    target.selectAll('g.legend').data([0]).join('g').attr('class', 'legend').attr('pointer-events', 'none').call(legendInto as never, sc);
  }
  const shown = sc.tieOrder.slice(0, MAX_SVG_TIES);
  target.select('g.ties').selectAll<SVGLineElement, number>('line').data(shown, (q) => `${sc.ties.a[q]}-${sc.ties.b[q]}`)
    .join((enter) => enter.append('line').attr('stroke', '#4a5468'))
    .attr('stroke-opacity', (q) => round3(0.08 + 0.5 * sc.ties.trust[q]))
    .attr('stroke-width', (q) => round3(0.6 + 2.4 * sc.ties.trust[q]))
    .attr('display', (q) => (sc.nodes[sc.ties.a[q]].present && sc.nodes[sc.ties.b[q]].present ? null : 'none'));
  target.select('g.nodes').selectAll<SVGCircleElement, Node>('circle').data(sc.nodes, (d) => d.i)
    .join((enter) => enter.append('circle').attr('data-i', (d) => d.i))
    .attr('r', (d) => round(d.r))
    .attr('data-pos', (d) => d.pos)
    .attr('fill', (d) => sc.meta!.sectors[sc.meta!.sector[d.i]].color)
    .attr('fill-opacity', (d) => round3(d.opacity))
    .attr('display', (d) => (d.present ? null : 'none'))
    .attr('stroke', (d) => (d.i === sc.pinned ? INK : d.i === sc.leader ? '#b8860b' : '#ffffff'))
    .attr('stroke-width', (d) => (d.i === sc.pinned || d.i === sc.leader ? 4 : 1.5))
    .attr('stroke-dasharray', (d) => (d.i === sc.leader && d.i !== sc.pinned ? '5 3' : null));
  const labelled = sc.nodes.filter((d) => sc.meta!.named[d.i] && d.present);
  target.select('g.labels').selectAll<SVGTextElement, Node>('text').data(labelled.length <= 60 ? labelled : [], (d) => d.i)
    .join((enter) => enter.append('text').attr('fill', INK).attr('stroke', '#ffffff')
      .attr('paint-order', 'stroke').attr('stroke-linejoin', 'round').text((d) => sc.meta!.names[d.i]))
    .attr('font-size', px(sc, 0.9))
    .attr('stroke-width', px(sc, 0.25))
    .attr('font-weight', (d) => (d.i === sc.pinned || d.i === sc.leader ? 750 : 550));
  positionSvg(sc, target);
}

export function positionSvg(sc: NetworkScene, target: SvgTarget): void {
  target.select('g.ties').selectAll<SVGLineElement, number>('line')
    .attr('x1', (q) => round(sc.nodes[sc.ties.a[q]].x))
    .attr('y1', (q) => round(sc.nodes[sc.ties.a[q]].y))
    .attr('x2', (q) => round(sc.nodes[sc.ties.b[q]].x))
    .attr('y2', (q) => round(sc.nodes[sc.ties.b[q]].y));
  target.select('g.nodes').selectAll<SVGCircleElement, Node>('circle')
    .attr('cx', (d) => round(d.x))
    .attr('cy', (d) => round(d.y));
  const placed = placeLabels(sc, sc.nodes.filter((d) => sc.meta!.named[d.i] && d.present));
  target.select('g.labels').selectAll<SVGTextElement, Node>('text')
    .each(function (d) {
      const p = placed.get(d.i);
      const el = this as SVGTextElement;
      if (!p) { el.setAttribute('display', 'none'); return; }
      el.removeAttribute('display');
      el.setAttribute('x', String(round(p.x)));
      el.setAttribute('y', String(round(p.y)));
      el.setAttribute('text-anchor', p.anchor);
    });
}

const round = (x: number | undefined) => Math.round((x ?? 0) * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
