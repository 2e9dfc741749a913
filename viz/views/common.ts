// Shared look of the D3 views: colours of the three functions, fonts, and an SVG root that
// scales with its element (fixed viewBox, so exports and visual tests do not depend on size).
import { select, type Selection } from 'd3-selection';

export const FONT = "'Inter', 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";
export const INK = '#1d2433';
export const MUTED = '#6b7385';
export const GRID = '#e3e6ec';

/** The three network functions and balance/impact, colour-blind-safe (Okabe–Ito). */
export const FUNCTION_COLORS: Record<string, string> = {
  richten: '#d55e00',
  leren: '#0072b2',
  handelen: '#009e73',
  balance: '#7a4f9e',
  impact: '#333333',
};

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

export function createSvg(el: HTMLElement, width: number, height: number, className: string): Svg {
  const svg = select(el).append('svg')
    .attr('class', className)
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('preserveAspectRatio', 'xMidYMin meet')
    .attr('font-family', FONT)
    .attr('fill', INK)
    .style('width', '100%')
    .style('height', '100%')
    .style('display', 'block');
  return svg;
}

/**
 * A view's drawing size: its element's box in CSS pixels (so text is drawn at real pixel
 * sizes and stays readable on a projector), the fallback when the element is not laid out
 * (hidden, or tests without layout), and the base font size from the element's CSS.
 */
export interface Box { w: number; h: number; font: number }

const boxes = new WeakMap<HTMLElement, Box>();

export function boxOf(el: HTMLElement, fallback: { w: number; h: number }, min = { w: 200, h: 140 }): Box {
  // Reading layout forces a style and layout pass; views render every frame, so the box is
  // read once and again only when onResize() sees the element change.
  const cached = boxes.get(el);
  if (cached) return cached;
  const w = el.clientWidth, h = el.clientHeight;
  const font = parseFloat(getComputedStyle(el).fontSize) || 15;
  const box = !w || !h ? { w: fallback.w, h: fallback.h, font } : { w: Math.max(min.w, Math.round(w)), h: Math.max(min.h, Math.round(h)), font };
  if (w && h) boxes.set(el, box);
  return box;
}

/** Forget an element's measured box (its size or font changed). */
export function forgetBox(el: HTMLElement): void {
  boxes.delete(el);
}

/** Sets the SVG's coordinate system to the box (1 unit = 1 CSS pixel). */
export function sizeSvg(svg: Svg, box: Box): void {
  svg.attr('viewBox', `0 0 ${box.w} ${box.h}`).attr('data-w', box.w).attr('data-h', box.h);
}

/** Calls `redraw` when the element's size changes (at most once per animation frame). */
export function onResize(el: HTMLElement, redraw: () => void): () => void {
  redraws.set(el, redraw);
  if (typeof ResizeObserver === 'undefined') return () => {};
  let w = -1, h = -1, queued = false;
  const ro = new ResizeObserver((entries) => {
    const r = entries[entries.length - 1].contentRect;
    if (r.width === w && r.height === h) return;
    w = r.width; h = r.height;
    boxes.delete(el);
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; redraw(); });
  });
  ro.observe(el);
  return () => ro.disconnect();
}

/** A title line at the top-left of a view's SVG (kept in exports). */
export function titleText(svg: Svg) {
  return svg.append('text').attr('class', 'view-title').attr('font-weight', 700).attr('fill', INK);
}

/** Places the title for the box's font size; returns the height it takes. */
/** Room kept free at a panel's top right for its floating tool buttons (in fonts). */
export const TOOLS_RESERVE = 7.5;

/** Width of the floating tool buttons over a view's element (its panel's), or null. */
export function toolsWidth(el: HTMLElement): number | null {
  const tools = el.parentElement?.querySelector<HTMLElement>('.panel-tools.floating');
  if (!tools) return null;
  // Measured once, then kept up to date by a ResizeObserver: reading it on every render forced
  // a layout pass in the middle of the views' DOM writes (at 10,000 actors the largest single
  // cost of a language switch and of the charts' redraw while playing).
  let w = toolWidths.get(tools);
  if (w === undefined) {
    w = tools.getBoundingClientRect().width;
    toolWidths.set(tools, w);
    watchTools(tools, el);
  }
  return w > 0 ? w + 12 : null;
}

const toolWidths = new WeakMap<HTMLElement, number>();
/** Redraws of the views whose element was given to onResize (a tools change re-places the title). */
const redraws = new WeakMap<HTMLElement, () => void>();

function watchTools(tools: HTMLElement, el: HTMLElement): void {
  if (typeof ResizeObserver === 'undefined') { toolWidths.delete(tools); return; } // no observer: measure every time
  let queued = false;
  new ResizeObserver((entries) => {
    const box = entries[entries.length - 1].borderBoxSize?.[0];
    const w = box ? box.inlineSize : tools.getBoundingClientRect().width;
    if (w === toolWidths.get(tools)) return;
    toolWidths.set(tools, w);
    const redraw = redraws.get(el);
    if (!redraw || queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; redraw(); });
  }).observe(tools);
}

export function placeTitle(title: ReturnType<typeof titleText>, box: Box, text?: string, reserve?: number | null): number {
  let size = Math.round(box.font * 1.25);
  if (text !== undefined) {
    title.text(text);
    // The title shrinks (to 75 % at most) rather than run under the panel's buttons.
    const room = box.w - 12 - (reserve ?? box.font * TOOLS_RESERVE);
    const w = textWidth(text, size, 700);
    if (w > room) size = Math.max(Math.round(box.font * 0.95), Math.floor((size * room) / w));
  }
  title.attr('x', 12).attr('y', Math.round(size * 1.35)).attr('font-size', size);
  return Math.round(size * 1.9);
}

/** A stable pseudo-random number in [0, 1) per integer (layout jitter without Math.random). */
export function hash01(i: number, salt = 0): number {
  let h = (i * 0x9e3779b1 + salt * 0x85ebca6b) >>> 0;
  h ^= h >>> 16; h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15; h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Rough text width for laying out legends without measuring (works outside a browser too). */
export function estimateWidth(text: string, size: number): number {
  return text.length * size * 0.55;
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
/**
 * Text width as the browser draws it (canvas measureText in the views' font), for label
 * placement that must not overlap; the rough estimate (+10 %) where there is no canvas.
 */
export function textWidth(text: string, size: number, weight = 400, letterSpacing = 0): number {
  if (measureCtx === undefined) {
    measureCtx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  }
  if (!measureCtx) return estimateWidth(text, size) * 1.1 + letterSpacing * text.length;
  measureCtx.font = `${weight} ${size}px ${FONT}`;
  return measureCtx.measureText(text).width + letterSpacing * text.length;
}

/** A view's SVG as a standalone document (fixed size, no page styles, no UI-only overlays). */
export function serializeSvg(node: SVGSVGElement, width?: number, height?: number): string {
  const copy = node.cloneNode(true) as SVGSVGElement;
  width ??= Number(node.getAttribute('data-w')) || 800;
  height ??= Number(node.getAttribute('data-h')) || 600;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('style');
  copy.querySelectorAll('[data-ui]').forEach((r) => r.remove());
  return new XMLSerializer().serializeToString(copy);
}
