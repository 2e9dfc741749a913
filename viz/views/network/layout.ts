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
  // Rank by structural coreness among present actors: the highest at the centre.
  const order: number[] = [];
  for (const d of sc.nodes) if (d.present) order.push(d.i);
  order.sort((a, b) => frame.coreness[b] - frame.coreness[a] || a - b);
  const m = Math.max(1, order.length - 1);
  order.forEach((i, rank) => { sc.nodes[i].tr = R * (0.04 + 0.92 * Math.sqrt(rank / m)); });
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
