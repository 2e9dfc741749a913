// The network drawn on canvas (thousands of actors), with the same look as the SVG: rings,
// ties in three trust buckets, nodes batched by sector and engagement, the leader's and pinned
// actor's outlines on the base canvas; ring names, the legend and (when few) the actors' names
// on a transparent overlay canvas above it. A language switch or a pin redraws only the
// overlay (a few dozen shapes), not 10,000 actors.
import { FONT, INK, MUTED } from '../common.ts';
import { t } from '../../i18n.ts';
import { BAND_FILLS, BANDS, cx, placeLabels, px, R, ringLabel, VIEW, type NetworkScene } from './scene.ts';

export const MAX_CANVAS_TIES = 2500;

/** Both layers; the overlay only when what it shows changed (each canvas redrawn costs a copy to the screen). */
export function drawCanvas(sc: NetworkScene, canvas: HTMLCanvasElement | null, overlay: HTMLCanvasElement | null): void {
  drawBase(sc, canvas);
  drawOverlay(sc, overlay, false);
}

/** A cleared 2D context in view units (centre 0,0), sized to the box; null when not drawable. */
function begin(sc: NetworkScene, canvas: HTMLCanvasElement | null): { ctx: CanvasRenderingContext2D; scale: number } | null {
  if (!canvas || !sc.meta) return null;
  const dpr = globalThis.devicePixelRatio || 1;
  const w = sc.vb.cssW, h = sc.vb.cssH;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const ctx = canvas.getContext('2d')!;
  const scale = Math.min(w, h) / VIEW;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(dpr * scale, 0, 0, dpr * scale, (dpr * w) / 2 + dpr * scale * cx(sc), (dpr * h) / 2);
  return { ctx, scale };
}

/** Rings, ties and actors. */
export function drawBase(sc: NetworkScene, canvas: HTMLCanvasElement | null): void {
  const b = begin(sc, canvas);
  if (!b || !sc.meta) return;
  const { ctx, scale } = b;
  for (const pos of [0, 1, 2]) {
    ctx.beginPath(); ctx.arc(0, 0, R * BANDS[pos][1], 0, 2 * Math.PI);
    ctx.fillStyle = BAND_FILLS[pos]; ctx.fill(); ctx.strokeStyle = '#cfd5df'; ctx.lineWidth = 1; ctx.stroke();
  }
  // Ties, strongest first, in three trust buckets (one stroke per bucket).
  const shown = sc.tieOrder.slice(0, MAX_CANVAS_TIES);
  for (const [lo, hi, alpha, width] of [[0, 0.33, 0.025, 0.5], [0.33, 0.66, 0.05, 0.8], [0.66, 1.01, 0.1, 1.2]]) {
    ctx.beginPath();
    for (const q of shown) {
      const tr = sc.ties.trust[q];
      if (tr < lo || tr >= hi) continue;
      const A = sc.nodes[sc.ties.a[q]], B = sc.nodes[sc.ties.b[q]];
      if (!A.present || !B.present) continue;
      ctx.moveTo(A.x!, A.y!); ctx.lineTo(B.x!, B.y!);
    }
    ctx.strokeStyle = `rgba(74,84,104,${alpha})`; ctx.lineWidth = width; ctx.stroke();
  }
  // Nodes by sector and engagement bucket: few fill changes for thousands of circles. Nodes
  // under ~2.5 screen pixels are drawn as squares (the same at that size, far cheaper).
  const tiny = sc.baseRadius * 1.4 * scale < 2.5;
  // One counting sort into (sector, engagement bucket) groups instead of a pass per group.
  const S = sc.meta.sectors.length, nodes = sc.nodes, sector = sc.meta.sector;
  const groups = S * 3;
  const start = new Int32Array(groups + 1);
  const groupOf = new Int32Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) {
    const d = nodes[k];
    if (!d.present) { groupOf[k] = -1; continue; }
    const g = sector[d.i] * 3 + (d.opacity < 0.34 ? 0 : d.opacity < 0.67 ? 1 : 2);
    groupOf[k] = g;
    start[g + 1]++;
  }
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const order = new Int32Array(start[groups]);
  const fill = start.slice(0, groups);
  for (let k = 0; k < nodes.length; k++) if (groupOf[k] >= 0) order[fill[groupOf[k]]++] = k;
  for (let g = 0; g < groups; g++) {
    if (start[g] === start[g + 1]) continue;
    ctx.beginPath();
    for (let q = start[g]; q < start[g + 1]; q++) {
      const d = nodes[order[q]];
      if (tiny) ctx.rect(d.x! - d.r, d.y! - d.r, 2 * d.r, 2 * d.r);
      else { ctx.moveTo(d.x! + d.r, d.y!); ctx.arc(d.x!, d.y!, d.r, 0, 2 * Math.PI); }
    }
    const bucket = g % 3;
    ctx.globalAlpha = bucket === 0 ? 0.17 : bucket === 1 ? 0.505 : 0.84;
    ctx.fillStyle = sc.meta.sectors[(g - bucket) / 3].color; ctx.fill();
  }
  ctx.globalAlpha = 1;
  // The leader's and the pinned actor's outlines move with them.
  for (const [i, colour] of [[sc.leader, '#b8860b'], [sc.pinned ?? -1, INK]] as [number, string][]) {
    if (i < 0 || !sc.nodes[i]?.present) continue;
    const d = sc.nodes[i];
    ctx.beginPath(); ctx.arc(d.x!, d.y!, d.r + 4, 0, 2 * Math.PI);
    ctx.strokeStyle = colour; ctx.lineWidth = 3; ctx.stroke();
  }
}

/**
 * Ring names, the legend (with each sector's count in the core) and the named actors' names.
 * Unless `force`d, skipped when none of them changed: names (which follow their actors) are
 * always redrawn; otherwise language, ring mode, size and counts decide.
 */
export function drawOverlay(sc: NetworkScene, canvas: HTMLCanvasElement | null, force = true): void {
  if (!canvas || !sc.meta) return;
  const inCore = new Array(sc.meta.sectors.length).fill(0);
  if (sc.lastFrame) for (let i = 0; i < sc.meta.n; i++) if (sc.lastFrame.present[i] && sc.lastFrame.position[i] === 2) inCore[sc.meta.sector[i]]++;
  let named = 0;
  for (let i = 0; i < sc.meta.n; i++) if (sc.meta.named[i]) named++;
  const key = `${sc.lang}|${sc.ringMode}|${sc.vb.cssW}x${sc.vb.cssH}|${sc.vb.font}|${sc.lastFrame ? inCore.join(',') : '-'}|${sc.meta.n}`;
  const names = named > 0 && named <= 40;
  if (!force && !names && canvas.dataset.key === key) return;
  canvas.dataset.key = key;
  const b = begin(sc, canvas);
  if (!b) return;
  const { ctx } = b;
  ctx.font = `700 ${px(sc, 0.85)}px ${FONT}`; ctx.textAlign = 'center'; ctx.fillStyle = '#5d6577';
  ctx.lineWidth = px(sc, 0.22); ctx.strokeStyle = 'rgba(255,255,255,0.8)';
  for (const pos of [0, 1, 2]) {
    ctx.strokeText(ringLabel(sc, pos), 0, -R * BANDS[pos][1] + 20 + px(sc, 0.3));
    ctx.fillText(ringLabel(sc, pos), 0, -R * BANDS[pos][1] + 20 + px(sc, 0.3));
  }
  // Legend (the same as the SVG's), in box coordinates.
  ctx.save();
  ctx.translate(-cx(sc), 0);
  ctx.textAlign = 'left';
  const lx = -sc.vb.w / 2 + px(sc, 0.8), dot = px(sc, 0.45);
  let y = -sc.vb.h / 2 + px(sc, 1.6);
  if (sc.lastFrame) {
    ctx.fillStyle = MUTED; ctx.font = `${px(sc, 0.8)}px ${FONT}`;
    ctx.fillText(sc.lang === 'nl' ? 'sector · aantal in de kern' : 'sector · number in the core', lx, y);
    y += px(sc, 1.5);
  }
  sc.meta.sectors.forEach((s, idx) => {
    ctx.beginPath(); ctx.arc(lx + dot, y - dot * 0.8, dot, 0, 2 * Math.PI); ctx.fillStyle = s.color; ctx.fill();
    ctx.fillStyle = INK; ctx.font = `600 ${px(sc, 0.95)}px ${FONT}`;
    const label = s.label[sc.lang];
    ctx.fillText(label, lx + dot * 2 + px(sc, 0.4), y);
    if (sc.lastFrame) {
      const wLabel = ctx.measureText(label).width;
      ctx.fillStyle = MUTED; ctx.font = `${px(sc, 0.95)}px ${FONT}`;
      ctx.fillText(` · ${inCore[idx]}`, lx + dot * 2 + px(sc, 0.4) + wLabel, y);
    }
    y += px(sc, 1.45);
  });
  ctx.textAlign = 'right'; ctx.fillStyle = MUTED; ctx.font = `${px(sc, 0.85)}px ${FONT}`;
  ctx.fillText(t('legendColour', sc.lang), sc.vb.w / 2 - px(sc, 0.6), sc.vb.h / 2 - px(sc, 0.6));
  ctx.restore();
  // Named actors' names, when there are few.
  if (names) {
    ctx.textAlign = 'left'; ctx.font = `550 ${px(sc, 0.9)}px ${FONT}`; ctx.lineWidth = px(sc, 0.25); ctx.strokeStyle = '#ffffff'; ctx.fillStyle = INK;
    const placed = placeLabels(sc, sc.nodes.filter((d) => sc.meta!.named[d.i] && d.present));
    for (const [i, p] of placed) {
      ctx.textAlign = p.anchor === 'start' ? 'left' : p.anchor === 'end' ? 'right' : 'center';
      ctx.strokeText(sc.meta.names[i], p.x, p.y);
      ctx.fillText(sc.meta.names[i], p.x, p.y);
    }
  }
}
