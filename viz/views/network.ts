// The network: actors in three rings — core at the centre, periphery around it, outside at
// the rim — placed by d3-force (network/layout.ts). Colour = sector, size = resources, lines =
// trust. Actors glide between rings as they move. Drawn as SVG (network/svg.ts) for up to ~500
// actors, on canvas (network/canvas.ts) with the same look above that; this file holds the
// view's scene, its surface, the pointer and the hover card.
import type { Simulation } from 'd3-force';
import { select, type Selection } from 'd3-selection';
import { FONT, onResize, serializeSvg } from './common.ts';
import { t, POSITION_LABELS, pct, type Lang } from '../i18n.ts';
import { VIEW, cx, type NetworkFrame, type NetworkMeta, type NetworkScene, type NetworkTies, type Node, type RingMode } from './network/scene.ts';
import { buildSimulation, corenessTargets, refreshTargets, sectorWedges, strongest, targetFor } from './network/layout.ts';
import { MAX_SVG_TIES, positionSvg, renderSvg } from './network/svg.ts';
import { drawCanvas, drawOverlay, MAX_CANVAS_TIES } from './network/canvas.ts';

export type { NetworkFrame, NetworkMeta, NetworkTies, RingMode } from './network/scene.ts';
export { BANDS, VIEW } from './network/scene.ts';
export { ringRadius, strongest } from './network/layout.ts';

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

export function createNetworkView(el: HTMLElement, options: NetworkOptions): NetworkView {
  const animate = options.animate ?? true;
  // SVG keeps hover and per-element export crisp for workshop-sized networks; beyond a few
  // hundred actors canvas keeps the frame rate (measured by `npm run bench`).
  const canvasAbove = options.canvasAbove ?? 500;
  const scene: NetworkScene = {
    meta: null,
    nodes: [],
    ties: { a: new Int32Array(0), b: new Int32Array(0), trust: new Float32Array(0) },
    tieOrder: [],
    ringMode: 'position',
    pinned: null,
    leader: -1,
    lang: options.lang,
    vb: { w: VIEW, h: VIEW, unit: 1, font: 15, cssW: VIEW, cssH: VIEW },
    lastFrame: null,
    baseRadius: 12,
    sectorStart: [],
    sectorSpan: [],
  };
  let refResources = 0;
  let mode: 'svg' | 'canvas' = 'svg';
  let sim: Simulation<Node, undefined> | null = null;

  /** Reads the element's size (layout) — only on setup and resize, never per frame. */
  function measure(): void {
    const w = el.clientWidth, h = el.clientHeight;
    const font = parseFloat(getComputedStyle(el).fontSize) || 15;
    if (!w || !h) { scene.vb = { w: VIEW, h: VIEW, unit: 1, font, cssW: VIEW, cssH: VIEW }; return; }
    const scale = Math.min(w, h) / VIEW;
    scene.vb = { w: Math.round(w / scale), h: Math.round(h / scale), unit: 1 / scale, font, cssW: w, cssH: h };
  }

  el.classList.add('network-view');
  if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
  const tooltip = select(el).append('div').attr('class', 'network-tooltip').style('display', 'none');

  // --- Surfaces: one <svg> or one <canvas> at a time --------------------------------------
  let svg: Selection<SVGSVGElement, unknown, null, undefined> | null = null;
  let canvas: HTMLCanvasElement | null = null;
  /** Labels, outlines and legend above the actors (canvas mode), redrawn alone on a language or pin change. */
  let overlay: HTMLCanvasElement | null = null;

  function tick(): void {
    if (mode === 'svg' && svg) positionSvg(scene, svg);
    else drawCanvas(scene, canvas, overlay);
  }

  /** Everything again: the SVG, or both canvas layers. */
  function redraw(): void {
    if (mode === 'svg' && svg) renderSvg(scene, svg, true, true); else drawCanvas(scene, canvas, overlay);
  }

  /** Only what a language or pin change alters: the overlay on canvas; the SVG is redrawn whole. */
  function relabel(): void {
    if (mode === 'svg' && svg) renderSvg(scene, svg, true, true); else drawOverlay(scene, overlay);
  }

  /** New ties on canvas: drawn with the next animation frame (once, however many arrive). */
  let drawQueued = 0;
  function drawSoon(): void {
    if (drawQueued) return;
    drawQueued = requestAnimationFrame(() => { drawQueued = 0; drawCanvas(scene, canvas, overlay); });
  }

  let canvasLoop = 0, canvasFrame = 0;
  function kickCanvas(): void {
    if (!animate || mode !== 'canvas' || canvasLoop) return;
    const loop = () => {
      canvasLoop = 0;
      if (!sim || mode !== 'canvas') return;
      // Half the display rate; a third above 5,000 actors.
      if (++canvasFrame % (scene.nodes.length > 5000 ? 3 : 2) === 0) {
        sim.tick();
        drawCanvas(scene, canvas, overlay);
      }
      if (sim.alpha() > sim.alphaMin()) canvasLoop = requestAnimationFrame(loop);
    };
    canvasLoop = requestAnimationFrame(loop);
  }

  function settle(iterations: number): void {
    if (!sim) return;
    sim.alpha(1);
    for (let k = 0; k < iterations; k++) sim.tick();
    tick();
  }

  function onPointer(event: MouseEvent, click: boolean): void {
    if (!scene.meta || !sim) return;
    const box = el.getBoundingClientRect();
    const w = box.width, h = box.height;
    const scale = Math.min(w, h) / VIEW;
    const x = (event.clientX - box.left - w / 2) / scale - cx(scene), y = (event.clientY - box.top - h / 2) / scale;
    const found = sim.find(x, y, Math.max(12, scene.baseRadius * 2));
    const i = found && found.present ? found.i : null;
    if (click) { options.onPin?.(i); return; }
    hover(i, event);
  }

  let hoverToken = 0;
  function hover(i: number | null, event?: MouseEvent): void {
    if (i === null || !scene.meta || !scene.lastFrame) { tooltip.style('display', 'none'); return; }
    const box = el.getBoundingClientRect();
    const f = scene.lastFrame;
    const sec = scene.meta.sectors[scene.meta.sector[i]];
    const lines = [
      `<b>${escapeHtml(scene.meta.names[i])}</b>`,
      `<span class="dot" style="background:${sec.color}"></span>${escapeHtml(sec.label[scene.lang])}`,
      `${t('position', scene.lang)}: ${POSITION_LABELS[f.position[i]][scene.lang]}`,
      `${t('engagement', scene.lang)}: ${pct(f.engagement[i], scene.lang)}`,
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
    overlay?.remove(); overlay = null;
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
      // Right above the actors, below the hover card; clicks go through to the canvas.
      overlay = document.createElement('canvas');
      overlay.className = 'network-overlay';
      overlay.setAttribute('aria-hidden', 'true');
      Object.assign(overlay.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%', pointerEvents: 'none' });
      canvas.after(overlay);
    }
  }

  onResize(el, () => {
    measure();
    redraw();
  });

  const view: NetworkView = {
    get mode() { return mode; },

    setMeta(m) {
      scene.meta = m;
      scene.lastFrame = null;
      // A new run starts with nobody pinned (the app state and actor panel drop the pin too).
      scene.pinned = null;
      refResources = 0;
      scene.ties = { a: new Int32Array(0), b: new Int32Array(0), trust: new Float32Array(0) };
      scene.tieOrder = [];
      mode = m.n > canvasAbove ? 'canvas' : 'svg';
      scene.baseRadius = m.n <= 60 ? 13 : Math.max(2.2, 13 * Math.sqrt(60 / m.n));
      ({ start: scene.sectorStart, span: scene.sectorSpan } = sectorWedges(m));
      scene.nodes = Array.from({ length: m.n }, (_, i) => ({ i, pos: 1, tr: 0, ta: 0, r: scene.baseRadius, opacity: 0.8, present: true }) as Node);
      for (const d of scene.nodes) {
        targetFor(scene, d);
        d.x = d.tr * Math.cos(d.ta);
        d.y = d.tr * Math.sin(d.ta);
      }
      measure();
      setupSurface();
      sim?.stop();
      sim = buildSimulation(scene.nodes, mode, animate, tick);
      if (mode === 'svg' && svg) renderSvg(scene, svg, true, true);
    },

    update(frame) {
      if (!scene.meta) return;
      const first = scene.lastFrame === null;
      scene.lastFrame = frame;
      scene.leader = frame.leader;
      if (refResources === 0) {
        for (let i = 0; i < scene.meta.n; i++) if (frame.resources[i] > refResources) refResources = frame.resources[i];
        if (refResources === 0) refResources = 1;
      }
      let moved = first;
      for (const d of scene.nodes) {
        const pos = frame.position[d.i];
        const present = frame.present[d.i] === 1;
        if (pos !== d.pos || present !== d.present) moved = true;
        d.pos = pos;
        d.present = present;
        d.r = scene.baseRadius * (0.45 + 0.9 * Math.sqrt(Math.min(1.5, frame.resources[d.i] / refResources)));
        d.opacity = 0.3 + 0.7 * Math.min(1, Math.max(0, frame.engagement[d.i]));
        if (scene.ringMode === 'position') targetFor(scene, d);
      }
      if (scene.ringMode === 'coreness') { corenessTargets(scene, frame); moved = true; }
      if (first) {
        for (const d of scene.nodes) { d.x = d.tr * Math.cos(d.ta); d.y = d.tr * Math.sin(d.ta); }
      }
      if (!sim) return;
      refreshTargets(sim);
      if (animate) {
        if (moved) sim.alpha(Math.max(sim.alpha(), first ? 0.6 : 0.3));
        if (mode === 'svg' && svg) { if (moved) sim.restart(); renderSvg(scene, svg, true, true); } else kickCanvas();
      } else {
        settle(first ? 200 : 120);
        if (mode === 'svg' && svg) renderSvg(scene, svg, true, true);
      }
    },

    setTies(next) {
      scene.ties = next;
      scene.tieOrder = strongest(next.trust, mode === 'svg' ? MAX_SVG_TIES : MAX_CANVAS_TIES);
      if (mode === 'svg' && svg) renderSvg(scene, svg, false, true); else drawSoon();
    },

    setRingMode(m) {
      if (m === scene.ringMode) return;
      scene.ringMode = m;
      if (scene.lastFrame) view.update(scene.lastFrame);
      // On canvas the actors glide to their new rings with the layout's next frames; the ring
      // names change at once.
      if (mode === 'canvas' && animate) relabel(); else redraw();
    },

    setPinned(i) {
      scene.pinned = i;
      // The outline is drawn with the actors (the next frame on canvas); names put the pinned first.
      if (mode === 'canvas') drawSoon(); else relabel();
    },

    setLang(next) {
      scene.lang = next;
      relabel();
    },

    svgText() {
      if (mode === 'svg' && svg) return serializeSvg(svg.node()!, scene.vb.w, scene.vb.h);
      // Canvas mode: draw the same picture into a detached SVG.
      const holder = document.createElement('div');
      const tmp = select(holder).append('svg').attr('xmlns', 'http://www.w3.org/2000/svg')
        .attr('viewBox', `${-scene.vb.w / 2} ${-scene.vb.h / 2} ${scene.vb.w} ${scene.vb.h}`).attr('font-family', FONT);
      renderSvg(scene, tmp, true, false);
      return serializeSvg(tmp.node()!, scene.vb.w, scene.vb.h);
    },

    positions() {
      return scene.nodes.filter((d) => d.present).map((d) => ({ i: d.i, x: d.x ?? 0, y: d.y ?? 0, pos: d.pos, tr: d.tr, ta: d.ta }));
    },

    destroy() {
      sim?.stop();
      if (canvasLoop) cancelAnimationFrame(canvasLoop);
      if (drawQueued) cancelAnimationFrame(drawQueued);
      select(el).selectAll('*').remove();
    },
  };
  return view;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
