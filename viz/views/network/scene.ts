// What the network view draws, shared by its layout and its two renderers (SVG, canvas): the
// actors as layout nodes, the ties, the rings' mode, the pinned actor and leader, the language
// and the drawing box. The view (network.ts) owns one scene and hands it to the renderers.
import type { SimulationNodeDatum } from 'd3-force';
import { textWidth } from '../common.ts';
import { POSITION_LABELS, type Lang } from '../../i18n.ts';

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

export interface Node extends SimulationNodeDatum {
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
export const R = 470;
/** Radial bands (fractions of R) for outside, periphery, core. */
export const BANDS: readonly [number, number][] = [[0.76, 1], [0.44, 0.72], [0, 0.4]];
/** Outside, periphery, core: the core darkest, so the eye finds it. */
export const BAND_FILLS = ['#f7f8fa', '#eaeef5', '#d9e2f0'];

/** The drawing area in view units (the circle spans VIEW; wider boxes leave room for the
 * legend) and how many view units make one CSS pixel (so text keeps its pixel size). */
export interface ViewBox { w: number; h: number; unit: number; font: number; cssW: number; cssH: number }

export interface NetworkScene {
  meta: NetworkMeta | null;
  nodes: Node[];
  ties: NetworkTies;
  /** Tie indices, most trusted first (the renderers draw a prefix). */
  tieOrder: number[];
  ringMode: RingMode;
  pinned: number | null;
  leader: number;
  lang: Lang;
  vb: ViewBox;
  lastFrame: NetworkFrame | null;
  baseRadius: number;
  /** Each sector's wedge: start angle and span. */
  sectorStart: number[];
  sectorSpan: number[];
}

/** The rings' centre: right of the middle when the box is wide, so the legend sits beside them. */
export const cx = (sc: NetworkScene) => Math.max(0, (sc.vb.w - VIEW) / 2);
/** A font size in view units for `em` × the element's font size. */
export const px = (sc: NetworkScene, em: number) => Math.round(em * sc.vb.font * sc.vb.unit * 10) / 10;

export function ringLabel(sc: NetworkScene, pos: number): string {
  if (sc.ringMode === 'coreness') return [sc.lang === 'nl' ? 'RAND' : 'EDGE', '', sc.lang === 'nl' ? 'CENTRAAL' : 'CENTRAL'][pos];
  return POSITION_LABELS[pos][sc.lang].toUpperCase();
}

/** Boxes [x0, y0, x1, y1] of the ring names as ringLabelsInto draws them (with a margin). */
export function ringLabelBoxes(sc: NetworkScene): [number, number, number, number][] {
  const size = px(sc, 0.85);
  const out: [number, number, number, number][] = [];
  for (const pos of [0, 1, 2]) {
    const text = ringLabel(sc, pos);
    if (!text) continue;
    const y = -R * BANDS[pos][1] + 20 + px(sc, 0.3);
    const w = textWidth(text, size, 700, 2) + 8;
    out.push([-w / 2, y - size - 2, w / 2, y + size * 0.3 + 2]);
  }
  return out;
}

/**
 * Greedy label placement: the sc.pinned actor, the sc.leader, then by size; each label tries right,
 * left, above and below its node and is hidden when all four overlap a placed label (the
 * hover card still names it).
 */
export function placeLabels(sc: NetworkScene, candidates: Node[]): Map<number, { x: number; y: number; anchor: string }> {
  const out = new Map<number, { x: number; y: number; anchor: string }>();
  // The ring names are placed first: an actor's name never prints over "KERN".
  const boxes: [number, number, number, number][] = ringLabelBoxes(sc);
  const size = px(sc, 0.9);
  const order = candidates.slice().sort((a, b) =>
    Number(b.i === sc.pinned) - Number(a.i === sc.pinned) || Number(b.i === sc.leader) - Number(a.i === sc.leader) || b.r - a.r || a.i - b.i);
  for (const d of order) {
    const w = textWidth(sc.meta!.names[d.i], size, d.i === sc.pinned || d.i === sc.leader ? 750 : 550) + size * 0.3, h = size * 1.05;
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
      if (b[0] < -sc.vb.w / 2 - cx(sc) + 2 || b[2] > sc.vb.w / 2 - cx(sc) - 2 || b[1] < -sc.vb.h / 2 || b[3] > sc.vb.h / 2) continue;
      if (boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1])) continue;
      boxes.push(b);
      out.set(d.i, { x: lx, y: ly, anchor });
      break;
    }
  }
  return out;
}
