// The network's layout: actors in three rings — core at the centre, periphery around it,
// outside at the rim — placed by d3-force (forceRadial per position, a weak pull to the
// sector's wedge). Targets are set here; the renderers only read positions.
import { forceCollide, forceRadial, forceSimulation, forceX, forceY, type Simulation } from 'd3-force';
import { hash01 } from '../common.ts';
import { BANDS, R, type NetworkFrame, type NetworkMeta, type NetworkScene, type Node } from './scene.ts';

export function ringRadius(pos: number, u: number): number {
  const [lo, hi] = BANDS[pos];
  const inner = pos === 2 ? 0.2 : 0.18;
  return R * (lo + (inner + (0.85 - inner) * u) * (hi - lo));
}

/** Wedges per sector: its share of the actors, at least half an equal share. */
export function sectorWedges(m: NetworkMeta): { start: number[]; span: number[] } {
  const S = m.sectors.length;
  const counts = new Array(S).fill(0);
  for (let i = 0; i < m.n; i++) counts[m.sector[i]]++;
  const weights = counts.map((c) => Math.max(c / m.n, 0.5 / S));
  const total = weights.reduce((a, b) => a + b, 0);
  let start = -Math.PI / 2 + 0.15;
  const out = { start: [] as number[], span: [] as number[] };
  weights.forEach((w) => { out.start.push(start); out.span.push((2 * Math.PI * w) / total); start += (2 * Math.PI * w) / total; });
  return out;
}

export function targetFor(sc: NetworkScene, d: Node): void {
  const u = hash01(d.i, 1);
  d.ta = sc.sectorStart[sc.meta!.sector[d.i]] + (0.08 + 0.84 * hash01(d.i, 2)) * sc.sectorSpan[sc.meta!.sector[d.i]];
  if (sc.ringMode === 'position') d.tr = ringRadius(d.pos, u);
}

export function corenessTargets(sc: NetworkScene, frame: NetworkFrame): void {
  // Rank by structural coreness among present actors: the highest at the centre, ties by index.
  const order = corenessOrder(frame.coreness, sc.nodes.length, (i) => sc.nodes[i].present);
  const m = Math.max(1, order.length - 1);
  for (let rank = 0; rank < order.length; rank++) sc.nodes[order[rank]].tr = R * (0.04 + 0.92 * Math.sqrt(rank / m));
}

/**
 * Indices of the included actors by coreness, highest first, equal values by index: a numeric
 * sort of one Float64 key per actor (order-preserving bits of the Float32 value, then the
 * index), several times faster at 10,000 actors than sorting indices with a comparator, which
 * the coreness rings did on every frame. Up to 2^21 actors.
 */
export function corenessOrder(coreness: Float32Array, n: number, include: (i: number) => boolean): Uint32Array {
  const keys = new Float64Array(n);
  const raw = new Uint32Array(coreness.buffer, coreness.byteOffset, coreness.length);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!include(i)) continue;
    const bits = raw[i];
    // IEEE order as unsigned order (negatives flipped), then reversed for "highest first".
    const ordered = (bits & 0x80000000 ? ~bits : bits | 0x80000000) >>> 0;
    keys[m++] = (0xffffffff - ordered) * 2097152 + i;
  }
  const sorted = keys.subarray(0, m).sort();
  const out = new Uint32Array(m);
  for (let r = 0; r < m; r++) out[r] = sorted[r] % 2097152;
  return out;
}

/** The force simulation for `nodes`; SVG collides and follows d3's timer (calling `onTick`). */
export function buildSimulation(nodes: Node[], mode: 'svg' | 'canvas', animate: boolean, onTick: () => void): Simulation<Node, undefined> {
  const collide = mode === 'svg';
  const sim = forceSimulation<Node>(nodes)
    .alphaDecay(mode === 'svg' ? 0.03 : 0.06)
    .velocityDecay(mode === 'svg' ? 0.35 : 0.5)
    .force('ring', forceRadial<Node>((d) => d.tr, 0, 0).strength(mode === 'svg' ? 0.3 : 0.25))
    .force('x', forceX<Node>((d) => d.tr * Math.cos(d.ta)).strength(0.06))
    .force('y', forceY<Node>((d) => d.tr * Math.sin(d.ta)).strength(0.06));
  if (collide) sim.force('collide', forceCollide<Node>((d) => (d.present ? d.r + 1.5 : 0)).strength(0.8).iterations(2));
  if (mode === 'svg') sim.on('tick', onTick);
  // Canvas (thousands of actors): drive the layout ourselves at half the display rate, so
  // the page keeps time for the controls; SVG follows d3's own timer.
  if (!animate || mode === 'canvas') sim.stop();
  return sim;
}

/** d3-force caches each node's target when a force's accessor is set: set them again. */
export function refreshTargets(sim: Simulation<Node, undefined>): void {
  (sim.force('ring') as ReturnType<typeof forceRadial<Node>>).radius((d) => d.tr);
  (sim.force('x') as ReturnType<typeof forceX<Node>>).x((d) => d.tr * Math.cos(d.ta));
  (sim.force('y') as ReturnType<typeof forceY<Node>>).y((d) => d.tr * Math.sin(d.ta));
  (sim.force('collide') as ReturnType<typeof forceCollide<Node>> | undefined)?.radius((d) => (d.present ? d.r + 1.5 : 0));
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
