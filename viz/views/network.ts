// The network: actors in three rings — core at the centre, periphery around it, outside at
// the rim — placed by d3-force (forceRadial per position, a weak pull to the sector's wedge).
// Colour = sector, size = resources, lines = trust. Actors glide between rings as they move.
// SVG for up to ~1,500 actors, canvas with the same look above that.
import { forceCollide, forceRadial, forceSimulation, forceX, forceY, type Simulation, type SimulationNodeDatum } from 'd3-force';
import { select, type Selection } from 'd3-selection';
import { FONT, hash01, INK, MUTED, onResize, serializeSvg, textWidth } from './common.ts';
import { t, POSITION_LABELS, pct, type Lang } from '../i18n.ts';

export interface NetworkMeta {
  n: number;
  names: string[];
  named: Uint8Array;
  sector: Uint16Array;
  sectors: { label: { nl: string; en: string }; color: string }[];
}

export interface NetworkFrame {
  position: Uint8Array;
  present: Uint8Array;
  engagement: Float32Array;
  resources: Float32Array;
  coreness: Float32Array;
  leader: number;
}

export interface NetworkTies { a: Int32Array; b: Int32Array; trust: Float32Array }

export type RingMode = 'position' | 'coreness';

export interface NetworkOptions {
  lang: Lang;
  /** Draw on canvas above this many actors. */
  canvasAbove?: number;
  /** false: lay out synchronously on each update (visual tests, exports); true: d3's timer. */
  animate?: boolean;
  onPin?(i: number | null): void;
  /** Extra lines for the hover card (e.g. the actor's stake), fetched on demand. */
  describe?(i: number): Promise<string[]>;
}

export interface NetworkView {
  readonly mode: 'svg' | 'canvas';
  setMeta(meta: NetworkMeta): void;
  update(frame: NetworkFrame): void;
  setTies(ties: NetworkTies): void;
  setRingMode(mode: RingMode): void;
  setPinned(i: number | null): void;
  setLang(lang: Lang): void;
  /** The current picture as a standalone SVG document. */
  svgText(): string;
  /** Layout positions (view units, centre 0,0) for tests and the bench. */
  positions(): { i: number; x: number; y: number; pos: number; tr: number; ta: number }[];
  destroy(): void;
}

interface Node extends SimulationNodeDatum {
  i: number;
  pos: number;
  /** Target radius and angle. */
  tr: number;
  ta: number;
  r: number;
  opacity: number;
  present: boolean;
}

/** The view is drawn in a fixed square of VIEW units around the centre. */
export const VIEW = 1000;
const R = 470;
/** Radial bands (fractions of R) for outside, periphery, core. */
export const BANDS: readonly [number, number][] = [[0.76, 1], [0.44, 0.72], [0, 0.4]];
const MAX_SVG_TIES = 1500;
/** Outside, periphery, core: the core darkest, so the eye finds it. */
const BAND_FILLS = ['#f7f8fa', '#eaeef5', '#d9e2f0'];
const MAX_CANVAS_TIES = 2500;

export function ringRadius(pos: number, u: number): number {
  const [lo, hi] = BANDS[pos];
  const inner = pos === 2 ? 0.2 : 0.18;
  return R * (lo + (inner + (0.85 - inner) * u) * (hi - lo));
}

export function createNetworkView(el: HTMLElement, options: NetworkOptions): NetworkView {
  let lang = options.lang;
  const animate = options.animate ?? true;
  // SVG keeps hover and per-element export crisp for workshop-sized networks; beyond a few
  // hundred actors canvas keeps the frame rate (measured by `npm run bench`).
  const canvasAbove = options.canvasAbove ?? 500;
  let meta: NetworkMeta | null = null;
  let nodes: Node[] = [];
  let ties: NetworkTies = { a: new Int32Array(0), b: new Int32Array(0), trust: new Float32Array(0) };
  let tieOrder: number[] = [];
  let ringMode: RingMode = 'position';
  let pinned: number | null = null;
  let leader = -1;
  let refResources = 0;
  let baseRadius = 12;
  let mode: 'svg' | 'canvas' = 'svg';
  let sectorStart: number[] = [];
  let sectorSpan: number[] = [];
  let sim: Simulation<Node, undefined> | null = null;
  let lastFrame: NetworkFrame | null = null;
  /** The drawing area in view units (the circle spans VIEW; wider boxes leave room for the
   * legend) and how many view units make one CSS pixel (so text keeps its pixel size). */
  let vb = { w: VIEW, h: VIEW, unit: 1, font: 15, cssW: VIEW, cssH: VIEW };

  /** Reads the element's size (layout) — only on setup and resize, never per frame. */
  function measure(): void {
    const w = el.clientWidth, h = el.clientHeight;
    const font = parseFloat(getComputedStyle(el).fontSize) || 15;
    if (!w || !h) { vb = { w: VIEW, h: VIEW, unit: 1, font, cssW: VIEW, cssH: VIEW }; return; }
    const scale = Math.min(w, h) / VIEW;
    vb = { w: Math.round(w / scale), h: Math.round(h / scale), unit: 1 / scale, font, cssW: w, cssH: h };
  }
  /** The rings' centre: right of the middle when the box is wide, so the legend sits beside them. */
  const cx = () => Math.max(0, (vb.w - VIEW) / 2);
  /** A font size in view units for `em` × the element's font size. */
  const px = (em: number) => Math.round(em * vb.font * vb.unit * 10) / 10;

  el.classList.add('network-view');
  if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
  const tooltip = select(el).append('div').attr('class', 'network-tooltip').style('display', 'none');

  // --- SVG rendering -------------------------------------------------------------------
  let svg: Selection<SVGSVGElement, unknown, null, undefined> | null = null;
  let canvas: HTMLCanvasElement | null = null;

  function bandsInto(g: Selection<SVGGElement, unknown, null, undefined>): void {
    const fills = BAND_FILLS;
    g.selectAll('*').remove();
    for (const pos of [0, 1, 2]) {
      g.append('circle').attr('r', R * BANDS[pos][1]).attr('fill', fills[pos]).attr('stroke', '#d5dae3').attr('stroke-width', 1);
    }
    g.append('circle').attr('r', R * BANDS[2][1]).attr('fill', fills[2]).attr('stroke', '#c3cedf');
  }

  /** Ring names above the actors (with a halo), so a crowded core keeps its label. */
  function ringLabelsInto(g: Selection<SVGGElement, unknown, null, undefined>): void {
    g.selectAll('*').remove();
    for (const pos of [0, 1, 2]) {
      const y = -R * BANDS[pos][1] + 20;
      g.append('text').attr('class', 'ring-label').attr('x', 0).attr('y', y + px(0.3)).attr('text-anchor', 'middle')
        .attr('font-size', px(0.85)).attr('letter-spacing', 2).attr('fill', '#5d6577').attr('font-weight', 700)
        .attr('stroke', '#ffffff').attr('stroke-width', px(0.22)).attr('stroke-opacity', 0.8).attr('paint-order', 'stroke')
        .text(ringLabel(pos));
    }
  }

  /** Boxes [x0, y0, x1, y1] of the ring names as ringLabelsInto draws them (with a margin). */
  function ringLabelBoxes(): [number, number, number, number][] {
    const size = px(0.85);
    const out: [number, number, number, number][] = [];
    for (const pos of [0, 1, 2]) {
      const text = ringLabel(pos);
      if (!text) continue;
      const y = -R * BANDS[pos][1] + 20 + px(0.3);
      const w = textWidth(text, size, 700, 2) + 8;
      out.push([-w / 2, y - size - 2, w / 2, y + size * 0.3 + 2]);
    }
    return out;
  }

  function ringLabel(pos: number): string {
    if (ringMode === 'coreness') return [lang === 'nl' ? 'RAND' : 'EDGE', '', lang === 'nl' ? 'CENTRAAL' : 'CENTRAL'][pos];
    return POSITION_LABELS[pos][lang].toUpperCase();
  }

  function legendInto(g: Selection<SVGGElement, unknown, null, undefined>): void {
    g.selectAll('*').remove();
    if (!meta) return;
    const x = -vb.w / 2 + px(0.8);
    let y = -vb.h / 2 + px(1.6);
    const dot = px(0.45);
    if (lastFrame) {
      g.append('text').attr('x', x).attr('y', y).attr('font-size', px(0.8)).attr('fill', MUTED)
        .text(lang === 'nl' ? 'sector · aantal in de kern' : 'sector · number in the core');
      y += px(1.5);
    }
    meta.sectors.forEach((s, idx) => {
      let count = 0;
      if (lastFrame) for (let i = 0; i < meta!.n; i++) if (meta!.sector[i] === idx && lastFrame.present[i] && lastFrame.position[i] === 2) count++;
      g.append('circle').attr('cx', x + dot).attr('cy', y - dot * 0.8).attr('r', dot).attr('fill', s.color);
      const text = g.append('text').attr('x', x + dot * 2 + px(0.4)).attr('y', y).attr('font-size', px(0.95)).attr('font-weight', 600).attr('fill', INK).text(s.label[lang]);
      if (lastFrame) text.append('tspan').attr('class', 'legend-count').attr('font-weight', 400).attr('fill', MUTED).text(` · ${count}`);
      y += px(1.45);
    });
    g.append('text').attr('x', vb.w / 2 - px(0.6)).attr('y', vb.h / 2 - px(0.6)).attr('text-anchor', 'end').attr('font-size', px(0.85))
      .attr('fill', MUTED).text(t('legendColour', lang));
  }

  function renderSvg(target: Selection<SVGSVGElement, unknown, null, undefined>, chrome: boolean): void {
    // Joins and styles; chrome: also the ring bands and the legend.
    if (chrome || target.select('g.nodes').empty()) {
      if (target === svg) target.attr('viewBox', `${-vb.w / 2} ${-vb.h / 2} ${vb.w} ${vb.h}`).attr('data-w', vb.w).attr('data-h', vb.h);
      const plot = target.selectAll<SVGGElement, number>('g.plot').data([0]).join('g').attr('class', 'plot').attr('transform', `translate(${round(cx())},0)`);
      plot.selectAll('g.bands').data([0]).join('g').attr('class', 'bands').call(bandsInto as never);
      plot.selectAll('g.ties').data([0]).join('g').attr('class', 'ties');
      plot.selectAll('g.nodes').data([0]).join('g').attr('class', 'nodes');
      plot.selectAll('g.labels').data([0]).join('g').attr('class', 'labels').attr('pointer-events', 'none');
      plot.selectAll('g.ring-labels').data([0]).join('g').attr('class', 'ring-labels').attr('pointer-events', 'none').call(ringLabelsInto as never);
      target.selectAll('g.legend').data([0]).join('g').attr('class', 'legend').attr('pointer-events', 'none').call(legendInto as never);
    }
    const shown = tieOrder.slice(0, MAX_SVG_TIES);
    target.select('g.ties').selectAll<SVGLineElement, number>('line').data(shown, (q) => `${ties.a[q]}-${ties.b[q]}`)
      .join((enter) => enter.append('line').attr('stroke', '#4a5468'))
      .attr('stroke-opacity', (q) => round3(0.08 + 0.5 * ties.trust[q]))
      .attr('stroke-width', (q) => round3(0.6 + 2.4 * ties.trust[q]))
      .attr('display', (q) => (nodes[ties.a[q]].present && nodes[ties.b[q]].present ? null : 'none'));
    target.select('g.nodes').selectAll<SVGCircleElement, Node>('circle').data(nodes, (d) => d.i)
      .join((enter) => enter.append('circle').attr('data-i', (d) => d.i))
      .attr('r', (d) => round(d.r))
      .attr('data-pos', (d) => d.pos)
      .attr('fill', (d) => meta!.sectors[meta!.sector[d.i]].color)
      .attr('fill-opacity', (d) => round3(d.opacity))
      .attr('display', (d) => (d.present ? null : 'none'))
      .attr('stroke', (d) => (d.i === pinned ? INK : d.i === leader ? '#b8860b' : '#ffffff'))
      .attr('stroke-width', (d) => (d.i === pinned || d.i === leader ? 4 : 1.5))
      .attr('stroke-dasharray', (d) => (d.i === leader && d.i !== pinned ? '5 3' : null));
    const labelled = nodes.filter((d) => meta!.named[d.i] && d.present);
    target.select('g.labels').selectAll<SVGTextElement, Node>('text').data(labelled.length <= 60 ? labelled : [], (d) => d.i)
      .join((enter) => enter.append('text').attr('fill', INK).attr('stroke', '#ffffff')
        .attr('paint-order', 'stroke').attr('stroke-linejoin', 'round').text((d) => meta!.names[d.i]))
      .attr('font-size', px(0.9))
      .attr('stroke-width', px(0.25))
      .attr('font-weight', (d) => (d.i === pinned || d.i === leader ? 750 : 550));
    positionSvg(target);
  }

  function positionSvg(target: Selection<SVGSVGElement, unknown, null, undefined>): void {
    target.select('g.ties').selectAll<SVGLineElement, number>('line')
      .attr('x1', (q) => round(nodes[ties.a[q]].x))
      .attr('y1', (q) => round(nodes[ties.a[q]].y))
      .attr('x2', (q) => round(nodes[ties.b[q]].x))
      .attr('y2', (q) => round(nodes[ties.b[q]].y));
    target.select('g.nodes').selectAll<SVGCircleElement, Node>('circle')
      .attr('cx', (d) => round(d.x))
      .attr('cy', (d) => round(d.y));
    const placed = placeLabels(nodes.filter((d) => meta!.named[d.i] && d.present));
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

  /**
   * Greedy label placement: the pinned actor, the leader, then by size; each label tries right,
   * left, above and below its node and is hidden when all four overlap a placed label (the
   * hover card still names it).
   */
  function placeLabels(candidates: Node[]): Map<number, { x: number; y: number; anchor: string }> {
    const out = new Map<number, { x: number; y: number; anchor: string }>();
    // The ring names are placed first: an actor's name never prints over "KERN".
    const boxes: [number, number, number, number][] = ringLabelBoxes();
    const size = px(0.9);
    const order = candidates.slice().sort((a, b) =>
      Number(b.i === pinned) - Number(a.i === pinned) || Number(b.i === leader) - Number(a.i === leader) || b.r - a.r || a.i - b.i);
    for (const d of order) {
      const w = textWidth(meta!.names[d.i], size, d.i === pinned || d.i === leader ? 750 : 550) + size * 0.3, h = size * 1.05;
      const x = d.x ?? 0, y = d.y ?? 0, gap = d.r + 3;
      const options: [number, number, string, number][] = [
        [x + gap, y + size * 0.35, 'start', x + gap],
        [x - gap, y + size * 0.35, 'end', x - gap - w],
        [x, y - gap - size * 0.15, 'middle', x - w / 2],
        [x, y + gap + size * 0.85, 'middle', x - w / 2],
      ];
      for (const [lx, ly, anchor, left] of options) {
        // The glyph cell as the browser reports it: ascent ≈ 0.95, descent ≈ 0.3 of the size.
        const b: [number, number, number, number] = [left, ly - h * 0.92, left + w, ly + h * 0.3];
        if (b[0] < -vb.w / 2 - cx() + 2 || b[2] > vb.w / 2 - cx() - 2 || b[1] < -vb.h / 2 || b[3] > vb.h / 2) continue;
        if (boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1])) continue;
        boxes.push(b);
        out.set(d.i, { x: lx, y: ly, anchor });
        break;
      }
    }
    return out;
  }

  // --- Canvas rendering ----------------------------------------------------------------
  function drawCanvas(): void {
    if (!canvas || !meta) return;
    const dpr = globalThis.devicePixelRatio || 1;
    const w = vb.cssW, h = vb.cssH;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    const ctx = canvas.getContext('2d')!;
    const scale = Math.min(w, h) / VIEW;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr * scale, 0, 0, dpr * scale, (dpr * w) / 2 + dpr * scale * cx(), (dpr * h) / 2);
    for (const pos of [0, 1, 2]) {
      ctx.beginPath(); ctx.arc(0, 0, R * BANDS[pos][1], 0, 2 * Math.PI);
      ctx.fillStyle = BAND_FILLS[pos]; ctx.fill(); ctx.strokeStyle = '#cfd5df'; ctx.lineWidth = 1; ctx.stroke();
    }
    // Ties, strongest first, in three trust buckets (one stroke per bucket).
    const shown = tieOrder.slice(0, MAX_CANVAS_TIES);
    for (const [lo, hi, alpha, width] of [[0, 0.33, 0.025, 0.5], [0.33, 0.66, 0.05, 0.8], [0.66, 1.01, 0.1, 1.2]]) {
      ctx.beginPath();
      for (const q of shown) {
        const tr = ties.trust[q];
        if (tr < lo || tr >= hi) continue;
        const A = nodes[ties.a[q]], B = nodes[ties.b[q]];
        if (!A.present || !B.present) continue;
        ctx.moveTo(A.x!, A.y!); ctx.lineTo(B.x!, B.y!);
      }
      ctx.strokeStyle = `rgba(74,84,104,${alpha})`; ctx.lineWidth = width; ctx.stroke();
    }
    // Nodes by sector and engagement bucket: few fill changes for thousands of circles. Nodes
    // under ~2.5 screen pixels are drawn as squares (the same at that size, far cheaper).
    const tiny = baseRadius * 1.4 * scale < 2.5;
    for (let s = 0; s < meta.sectors.length; s++) {
      for (const [lo, hi] of [[0, 0.34], [0.34, 0.67], [0.67, 1.01]]) {
        ctx.beginPath();
        let any = false;
        for (const d of nodes) {
          if (!d.present || meta.sector[d.i] !== s || d.opacity < lo || d.opacity >= hi) continue;
          if (tiny) ctx.rect(d.x! - d.r, d.y! - d.r, 2 * d.r, 2 * d.r);
          else { ctx.moveTo(d.x! + d.r, d.y!); ctx.arc(d.x!, d.y!, d.r, 0, 2 * Math.PI); }
          any = true;
        }
        if (!any) continue;
        ctx.globalAlpha = (lo + hi) / 2;
        ctx.fillStyle = meta.sectors[s].color; ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    ctx.font = `700 ${px(0.85)}px ${FONT}`; ctx.textAlign = 'center'; ctx.fillStyle = '#5d6577';
    ctx.lineWidth = px(0.22); ctx.strokeStyle = 'rgba(255,255,255,0.8)';
    for (const pos of [0, 1, 2]) {
      ctx.strokeText(ringLabel(pos), 0, -R * BANDS[pos][1] + 20 + px(0.3));
      ctx.fillText(ringLabel(pos), 0, -R * BANDS[pos][1] + 20 + px(0.3));
    }
    for (const [i, colour] of [[leader, '#b8860b'], [pinned ?? -1, INK]] as [number, string][]) {
      if (i < 0 || !nodes[i]?.present) continue;
      const d = nodes[i];
      ctx.beginPath(); ctx.arc(d.x!, d.y!, d.r + 4, 0, 2 * Math.PI);
      ctx.strokeStyle = colour; ctx.lineWidth = 3; ctx.stroke();
    }
    // Legend (the same as the SVG's), in box coordinates.
    ctx.save();
    ctx.translate(-cx(), 0);
    ctx.textAlign = 'left';
    const lx = -vb.w / 2 + px(0.8), dot = px(0.45);
    let y = -vb.h / 2 + px(1.6);
    const inCore = new Array(meta.sectors.length).fill(0);
    if (lastFrame) {
      for (let i = 0; i < meta.n; i++) if (lastFrame.present[i] && lastFrame.position[i] === 2) inCore[meta.sector[i]]++;
      ctx.fillStyle = MUTED; ctx.font = `${px(0.8)}px ${FONT}`;
      ctx.fillText(lang === 'nl' ? 'sector · aantal in de kern' : 'sector · number in the core', lx, y);
      y += px(1.5);
    }
    meta.sectors.forEach((s, idx) => {
      ctx.beginPath(); ctx.arc(lx + dot, y - dot * 0.8, dot, 0, 2 * Math.PI); ctx.fillStyle = s.color; ctx.fill();
      ctx.fillStyle = INK; ctx.font = `600 ${px(0.95)}px ${FONT}`;
      const label = s.label[lang];
      ctx.fillText(label, lx + dot * 2 + px(0.4), y);
      if (lastFrame) {
        const wLabel = ctx.measureText(label).width;
        ctx.fillStyle = MUTED; ctx.font = `${px(0.95)}px ${FONT}`;
        ctx.fillText(` · ${inCore[idx]}`, lx + dot * 2 + px(0.4) + wLabel, y);
      }
      y += px(1.45);
    });
    ctx.textAlign = 'right'; ctx.fillStyle = MUTED; ctx.font = `${px(0.85)}px ${FONT}`;
    ctx.fillText(t('legendColour', lang), vb.w / 2 - px(0.6), vb.h / 2 - px(0.6));
    ctx.restore();
    // Named actors' names, when there are few.
    let named = 0;
    for (let i = 0; i < meta.n; i++) if (meta.named[i]) named++;
    if (named <= 40) {
      ctx.textAlign = 'left'; ctx.font = `550 ${px(0.9)}px ${FONT}`; ctx.lineWidth = px(0.25); ctx.strokeStyle = '#ffffff'; ctx.fillStyle = INK;
      const placed = placeLabels(nodes.filter((d) => meta!.named[d.i] && d.present));
      for (const [i, p] of placed) {
        ctx.textAlign = p.anchor === 'start' ? 'left' : p.anchor === 'end' ? 'right' : 'center';
        ctx.strokeText(meta.names[i], p.x, p.y);
        ctx.fillText(meta.names[i], p.x, p.y);
      }
    }
  }

  // --- Layout ----------------------------------------------------------------------------
  function targetFor(d: Node): void {
    const u = hash01(d.i, 1);
    d.ta = sectorStart[meta!.sector[d.i]] + (0.08 + 0.84 * hash01(d.i, 2)) * sectorSpan[meta!.sector[d.i]];
    if (ringMode === 'position') d.tr = ringRadius(d.pos, u);
  }

  function corenessTargets(frame: NetworkFrame): void {
    // Rank by structural coreness among present actors: the highest at the centre.
    const order: number[] = [];
    for (const d of nodes) if (d.present) order.push(d.i);
    order.sort((a, b) => frame.coreness[b] - frame.coreness[a] || a - b);
    const m = Math.max(1, order.length - 1);
    order.forEach((i, rank) => { nodes[i].tr = R * (0.04 + 0.92 * Math.sqrt(rank / m)); });
  }

  function tick(): void {
    if (mode === 'svg' && svg) positionSvg(svg);
    else drawCanvas();
  }

  function buildSimulation(): void {
    sim?.stop();
    const collide = mode === 'svg';
    sim = forceSimulation<Node>(nodes)
      .alphaDecay(mode === 'svg' ? 0.03 : 0.06)
      .velocityDecay(mode === 'svg' ? 0.35 : 0.5)
      .force('ring', forceRadial<Node>((d) => d.tr, 0, 0).strength(mode === 'svg' ? 0.3 : 0.25))
      .force('x', forceX<Node>((d) => d.tr * Math.cos(d.ta)).strength(0.06))
      .force('y', forceY<Node>((d) => d.tr * Math.sin(d.ta)).strength(0.06));
    if (collide) sim.force('collide', forceCollide<Node>((d) => (d.present ? d.r + 1.5 : 0)).strength(0.8).iterations(2));
    if (mode === 'svg') sim.on('tick', tick);
    // Canvas (thousands of actors): drive the layout ourselves at half the display rate, so
    // the page keeps time for the controls; SVG follows d3's own timer.
    if (!animate || mode === 'canvas') sim.stop();
  }

  let canvasLoop = 0, canvasFrame = 0;
  function kickCanvas(): void {
    if (!animate || mode !== 'canvas' || canvasLoop) return;
    const loop = () => {
      canvasLoop = 0;
      if (!sim || mode !== 'canvas') return;
      // Half the display rate; a third above 5,000 actors.
      if (++canvasFrame % (nodes.length > 5000 ? 3 : 2) === 0) {
        sim.tick();
        drawCanvas();
      }
      if (sim.alpha() > sim.alphaMin()) canvasLoop = requestAnimationFrame(loop);
    };
    canvasLoop = requestAnimationFrame(loop);
  }

  /** d3-force caches each node's target when a force's accessor is set: set them again. */
  function refreshTargets(): void {
    if (!sim) return;
    (sim.force('ring') as ReturnType<typeof forceRadial<Node>>).radius((d) => d.tr);
    (sim.force('x') as ReturnType<typeof forceX<Node>>).x((d) => d.tr * Math.cos(d.ta));
    (sim.force('y') as ReturnType<typeof forceY<Node>>).y((d) => d.tr * Math.sin(d.ta));
    (sim.force('collide') as ReturnType<typeof forceCollide<Node>> | undefined)?.radius((d) => (d.present ? d.r + 1.5 : 0));
  }

  function settle(iterations: number): void {
    if (!sim) return;
    sim.alpha(1);
    for (let k = 0; k < iterations; k++) sim.tick();
    tick();
  }

  function onPointer(event: MouseEvent, click: boolean): void {
    if (!meta || !sim) return;
    const box = el.getBoundingClientRect();
    const w = box.width, h = box.height;
    const scale = Math.min(w, h) / VIEW;
    const x = (event.clientX - box.left - w / 2) / scale - cx(), y = (event.clientY - box.top - h / 2) / scale;
    const found = sim.find(x, y, Math.max(12, baseRadius * 2));
    const i = found && found.present ? found.i : null;
    if (click) { options.onPin?.(i); return; }
    hover(i, event);
  }

  let hoverToken = 0;
  function hover(i: number | null, event?: MouseEvent): void {
    if (i === null || !meta || !lastFrame) { tooltip.style('display', 'none'); return; }
    const box = el.getBoundingClientRect();
    const f = lastFrame;
    const sec = meta.sectors[meta.sector[i]];
    const lines = [
      `<b>${escapeHtml(meta.names[i])}</b>`,
      `<span class="dot" style="background:${sec.color}"></span>${escapeHtml(sec.label[lang])}`,
      `${t('position', lang)}: ${POSITION_LABELS[f.position[i]][lang]}`,
      `${t('engagement', lang)}: ${pct(f.engagement[i], lang)}`,
    ];
    tooltip.html(lines.join('<br>')).style('display', 'block');
    if (event) {
      const x = event.clientX - box.left + 14, y = event.clientY - box.top + 10;
      tooltip.style('left', `${Math.min(x, box.width - 240)}px`).style('top', `${Math.min(y, box.height - 120)}px`);
    }
    const token = ++hoverToken;
    options.describe?.(i).then((extra) => {
      if (token !== hoverToken || !extra.length) return;
      tooltip.html([...lines, ...extra].join('<br>'));
    });
  }

  function setupSurface(): void {
    svg?.remove(); svg = null;
    canvas?.remove(); canvas = null;
    if (mode === 'svg') {
      svg = select(el).insert('svg', ':first-child')
        .attr('xmlns', 'http://www.w3.org/2000/svg')
        .attr('class', 'network')
        .attr('viewBox', `${-VIEW / 2} ${-VIEW / 2} ${VIEW} ${VIEW}`)
        .attr('preserveAspectRatio', 'xMidYMid meet')
        .attr('font-family', FONT)
        .style('width', '100%').style('height', '100%').style('display', 'block');
      svg.on('click', (event: MouseEvent) => {
        const target = event.target as Element;
        const i = target.tagName === 'circle' && target.hasAttribute('data-i') ? Number(target.getAttribute('data-i')) : null;
        options.onPin?.(i);
      });
      svg.on('mousemove', (event: MouseEvent) => {
        const target = event.target as Element;
        hover(target.tagName === 'circle' && target.hasAttribute('data-i') ? Number(target.getAttribute('data-i')) : null, event);
      });
      svg.on('mouseleave', () => hover(null));
    } else {
      canvas = select(el).insert('canvas', ':first-child').attr('class', 'network').style('width', '100%').style('height', '100%')
        .style('display', 'block').node()!;
      canvas.addEventListener('click', (e) => onPointer(e, true));
      canvas.addEventListener('mousemove', (e) => onPointer(e, false));
      canvas.addEventListener('mouseleave', () => hover(null));
    }
  }

  onResize(el, () => {
    measure();
    if (mode === 'svg' && svg) renderSvg(svg, true); else drawCanvas();
  });

  const view: NetworkView = {
    get mode() { return mode; },

    setMeta(m) {
      meta = m;
      lastFrame = null;
      refResources = 0;
      ties = { a: new Int32Array(0), b: new Int32Array(0), trust: new Float32Array(0) };
      tieOrder = [];
      mode = m.n > canvasAbove ? 'canvas' : 'svg';
      baseRadius = m.n <= 60 ? 13 : Math.max(2.2, 13 * Math.sqrt(60 / m.n));
      // Wedges per sector: its share of the actors, at least half an equal share.
      const S = m.sectors.length;
      const counts = new Array(S).fill(0);
      for (let i = 0; i < m.n; i++) counts[m.sector[i]]++;
      const weights = counts.map((c) => Math.max(c / m.n, 0.5 / S));
      const total = weights.reduce((a, b) => a + b, 0);
      let start = -Math.PI / 2 + 0.15;
      sectorStart = []; sectorSpan = [];
      weights.forEach((w) => { sectorStart.push(start); sectorSpan.push((2 * Math.PI * w) / total); start += (2 * Math.PI * w) / total; });
      nodes = Array.from({ length: m.n }, (_, i) => ({ i, pos: 1, tr: 0, ta: 0, r: baseRadius, opacity: 0.8, present: true }) as Node);
      for (const d of nodes) {
        targetFor(d);
        d.x = d.tr * Math.cos(d.ta);
        d.y = d.tr * Math.sin(d.ta);
      }
      measure();
      setupSurface();
      buildSimulation();
      if (mode === 'svg' && svg) renderSvg(svg, true);
    },

    update(frame) {
      if (!meta) return;
      const first = lastFrame === null;
      lastFrame = frame;
      leader = frame.leader;
      if (refResources === 0) {
        for (let i = 0; i < meta.n; i++) if (frame.resources[i] > refResources) refResources = frame.resources[i];
        if (refResources === 0) refResources = 1;
      }
      let moved = first;
      for (const d of nodes) {
        const pos = frame.position[d.i];
        const present = frame.present[d.i] === 1;
        if (pos !== d.pos || present !== d.present) moved = true;
        d.pos = pos;
        d.present = present;
        d.r = baseRadius * (0.45 + 0.9 * Math.sqrt(Math.min(1.5, frame.resources[d.i] / refResources)));
        d.opacity = 0.3 + 0.7 * Math.min(1, Math.max(0, frame.engagement[d.i]));
        if (ringMode === 'position') targetFor(d);
      }
      if (ringMode === 'coreness') { corenessTargets(frame); moved = true; }
      if (first) {
        for (const d of nodes) { d.x = d.tr * Math.cos(d.ta); d.y = d.tr * Math.sin(d.ta); }
      }
      if (!sim) return;
      refreshTargets();
      if (animate) {
        if (moved) sim.alpha(Math.max(sim.alpha(), first ? 0.6 : 0.3));
        if (mode === 'svg' && svg) { if (moved) sim.restart(); renderSvg(svg, true); } else kickCanvas();
      } else {
        settle(first ? 200 : 120);
        if (mode === 'svg' && svg) renderSvg(svg, true);
      }
    },

    setTies(next) {
      ties = next;
      tieOrder = strongest(next.trust, mode === 'svg' ? MAX_SVG_TIES : MAX_CANVAS_TIES);
      if (mode === 'svg' && svg) renderSvg(svg, false); else drawCanvas();
    },

    setRingMode(m) {
      if (m === ringMode) return;
      ringMode = m;
      if (lastFrame) view.update(lastFrame);
      if (mode === 'svg' && svg) renderSvg(svg, true); else drawCanvas();
    },

    setPinned(i) {
      pinned = i;
      if (mode === 'svg' && svg) renderSvg(svg, true); else drawCanvas();
    },

    setLang(next) {
      lang = next;
      if (mode === 'svg' && svg) renderSvg(svg, true); else drawCanvas();
    },

    svgText() {
      if (mode === 'svg' && svg) return serializeSvg(svg.node()!, vb.w, vb.h);
      // Canvas mode: draw the same picture into a detached SVG.
      const holder = document.createElement('div');
      const tmp = select(holder).append('svg').attr('xmlns', 'http://www.w3.org/2000/svg')
        .attr('viewBox', `${-vb.w / 2} ${-vb.h / 2} ${vb.w} ${vb.h}`).attr('font-family', FONT);
      renderSvg(tmp, true);
      return serializeSvg(tmp.node()!, vb.w, vb.h);
    },

    positions() {
      return nodes.filter((d) => d.present).map((d) => ({ i: d.i, x: d.x ?? 0, y: d.y ?? 0, pos: d.pos, tr: d.tr, ta: d.ta }));
    },

    destroy() {
      sim?.stop();
      if (canvasLoop) cancelAnimationFrame(canvasLoop);
      select(el).selectAll('*').remove();
    },
  };
  return view;
}

/**
 * Indices of the `limit` most trusted ties, strongest first, in O(ties): a 256-bucket
 * histogram finds the cut-off, only the survivors are sorted.
 */
export function strongest(trust: Float32Array, limit: number): number[] {
  const m = trust.length;
  let cut = -1;
  if (m > limit) {
    const hist = new Int32Array(256);
    for (let q = 0; q < m; q++) hist[Math.min(255, Math.max(0, Math.floor(trust[q] * 256)))]++;
    let total = 0, b = 255;
    for (; b > 0; b--) { total += hist[b]; if (total >= limit) break; }
    cut = b / 256;
  }
  const out: number[] = [];
  for (let q = 0; q < m; q++) if (trust[q] >= cut) out.push(q);
  out.sort((p, q) => trust[q] - trust[p] || p - q);
  if (out.length > limit) out.length = limit;
  return out;
}

const round = (x: number | undefined) => Math.round((x ?? 0) * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
