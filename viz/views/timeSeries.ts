// Richten, leren and handelen over time, with balance and impact (right axis). Interventions
// and scheduled events (log entries with marked = true) are flags on the time axis; a
// highlighted tick (from the event log) is a band with the values read off.
import { axisBottom, axisLeft, axisRight } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { pointer, select, type Selection } from 'd3-selection';
import { toolsWidth, boxOf, createSvg, estimateWidth, textWidth, FUNCTION_COLORS, GRID, INK, MUTED, onResize, placeTitle, serializeSvg, sizeSvg, titleText, type Box } from './common.ts';
import { MEASURES, MEASURE_INDEX, type LogEntry } from '../../sim/meta.ts';
import { fmt, t, type Lang } from '../i18n.ts';

export interface SeriesSource {
  readonly length: number;
  tick(r: number): number;
  value(r: number, key: string): number;
  rowOfTick(tick: number): number;
}

export interface TimeSeriesData {
  series: SeriesSource;
  /** Marked log entries (interventions and scheduled events). */
  marks: LogEntry[];
  /** Ticks of interventions made but not yet applied. */
  pending: number[];
  highlight: number | null;
  /** Right end of the time axis (the scenario's length, or further when the run goes on). */
  xMax: number;
  /** A "wat als hier?" branch's original, drawn faint, and the tick the branch left it. */
  ghost?: SeriesSource | null;
  branchAt?: number | null;
}

export interface TimeSeriesView {
  update(data: TimeSeriesData): void;
  /** 'full': the y axis spans 0–1; 'zoom': it fits richten and leren (small changes show; the rest is clipped). */
  setScale(scale: 'full' | 'zoom'): void;
  setLang(lang: Lang): void;
  svgText(): string;
}

export const LEFT_KEYS = ['richten', 'leren', 'handelen', 'balance'] as const;
/** Balance jumps to 0 whenever one function dips below its start; a rolling mean reads better. */
export const BALANCE_WINDOW = 10;

/** Mean of `key` over the rows r − window + 1 … r. */
function rollingMean(series: SeriesSource, key: string, window: number): Float64Array {
  const out = new Float64Array(series.length);
  let sum = 0;
  for (let r = 0; r < series.length; r++) {
    sum += series.value(r, key);
    if (r >= window) sum -= series.value(r - window, key);
    out[r] = sum / Math.min(r + 1, window);
  }
  return out;
}
let clipCounter = 0;

/** Size when the element has no layout (visual tests set their element's size instead). */
export const TIME_SERIES_SIZE = { w: 820, h: 380 };

export function createTimeSeriesView(el: HTMLElement, options: { lang: Lang; onSelectTick?(tick: number): void }): TimeSeriesView {
  let lang = options.lang;
  let last: TimeSeriesData | null = null;
  let scale: 'full' | 'zoom' = 'full';
  const svg = createSvg(el, TIME_SERIES_SIZE.w, TIME_SERIES_SIZE.h, 'time-series');
  const title = titleText(svg);
  const legend = svg.append('g').attr('class', 'legend');
  const gx = svg.append('g').attr('class', 'x-axis');
  const gy = svg.append('g').attr('class', 'y-axis');
  const gy2 = svg.append('g').attr('class', 'y2-axis');
  const grid = svg.append('g').attr('class', 'grid');
  const overlay = svg.append('rect').attr('fill', 'transparent').attr('data-ui', 1).style('cursor', 'crosshair');
  const marksG = svg.append('g').attr('class', 'marks');
  const clipId = `ts-clip-${++clipCounter}`;
  const clipRect = svg.append('clipPath').attr('id', clipId).append('rect');
  const ghostG = svg.append('g').attr('class', 'ghost').attr('fill', 'none').attr('pointer-events', 'none');
  const branchG = svg.append('g').attr('class', 'branch').attr('pointer-events', 'none');
  const lines = svg.append('g').attr('class', 'lines').attr('fill', 'none').attr('pointer-events', 'none').attr('clip-path', `url(#${clipId})`);
  const hl = svg.append('g').attr('class', 'highlight').attr('pointer-events', 'none');
  const readout = svg.append('g').attr('class', 'readout').attr('pointer-events', 'none');
  let hoverTick: number | null = null;
  const xLabel = svg.append('text').attr('text-anchor', 'end').attr('fill', MUTED);

  const x = scaleLinear();
  const y = scaleLinear().domain([0, 1]);
  const y2 = scaleLinear();
  let box: Box = { w: TIME_SERIES_SIZE.w, h: TIME_SERIES_SIZE.h, font: 15 };
  let M = { top: 64, right: 64, bottom: 40, left: 52 };
  let W = box.w, H = box.h;

  overlay.on('click', (event: MouseEvent) => {
    const tick = Math.round(x.invert(pointer(event, svg.node())[0]));
    options.onSelectTick?.(Math.max(0, tick));
  });
  // Hover readout: the tick under the pointer and every value drawn, read off the lines.
  overlay.on('mousemove', (event: MouseEvent) => {
    hoverTick = Math.max(0, Math.round(x.invert(pointer(event, svg.node())[0])));
    drawReadout();
  });
  overlay.on('mouseleave', () => { hoverTick = null; drawReadout(); });

  function drawReadout(): void {
    readout.selectAll('*').remove();
    if (hoverTick === null || !last) return;
    const { series } = last;
    const row = series.rowOfTick(hoverTick);
    if (row < 0) return;
    const f = box.font;
    const balance = rollingMean(series, 'balance', BALANCE_WINDOW);
    const keys = [...LEFT_KEYS, 'impact'] as string[];
    const px = r1(x(hoverTick));
    readout.attr('data-tick', hoverTick);
    readout.append('line').attr('x1', px).attr('x2', px).attr('y1', M.top).attr('y2', H - M.bottom).attr('stroke', INK).attr('stroke-opacity', 0.35);
    const lh = Math.round(f * 1.25);
    const boxW = Math.round(f * 13);
    const boxH = lh * (keys.length + 1) + Math.round(f * 0.6);
    const right = px + 12 + boxW < W - M.right;
    const bx = right ? px + 10 : px - 10 - boxW;
    const by = M.top + 4;
    readout.append('rect').attr('x', bx).attr('y', by).attr('width', boxW).attr('height', boxH).attr('rx', 6)
      .attr('fill', '#fff').attr('fill-opacity', 0.94).attr('stroke', '#c5ccd8');
    readout.append('text').attr('x', bx + 8).attr('y', by + lh).attr('font-size', f).attr('font-weight', 700).attr('fill', INK)
      .text(`${t('tick', lang)} ${hoverTick}`);
    keys.forEach((k, i) => {
      const v = k === 'balance' ? balance[row] : series.value(row, k);
      const text = readout.append('text').attr('class', 'readout-value').attr('data-key', k).attr('data-value', v)
        .attr('x', bx + 8).attr('y', by + lh * (i + 2)).attr('font-size', Math.round(f * 0.9)).attr('fill', INK);
      text.append('tspan').attr('fill', FUNCTION_COLORS[k]).attr('font-weight', 700).text('■ ');
      text.append('tspan').text(`${labelOf(k)}: `);
      text.append('tspan').attr('font-weight', 700).text(fmt(v, lang, 2));
    });
  }

  function labelOf(key: string): string {
    const label = MEASURES[MEASURE_INDEX[key]].label[lang];
    if (key === 'balance') return `${label} (${lang === 'nl' ? `gem. ${BALANCE_WINDOW} rondes` : `${BALANCE_WINDOW}-tick mean`})`;
    return label;
  }

  /** Legend entries in rows that fit the width; returns the height used. */
  function drawLegend(top: number): number {
    legend.selectAll('*').remove();
    const size = box.font;
    let ox = 0, oy = 0;
    for (const key of [...LEFT_KEYS, 'impact']) {
      const label = labelOf(key) + (key === 'impact' ? ' →' : '');
      const width = 34 + estimateWidth(label, size) + 14;
      if (ox > 0 && M.left + ox + width > W - 8) { ox = 0; oy += Math.round(size * 1.5); }
      const g = legend.append('g').attr('transform', `translate(${ox},${oy})`);
      g.append('line').attr('x1', 0).attr('x2', 24).attr('y1', -size * 0.33).attr('y2', -size * 0.33).attr('stroke', FUNCTION_COLORS[key])
        .attr('stroke-width', key === 'balance' || key === 'impact' ? 2.5 : 4)
        .attr('stroke-dasharray', key === 'balance' ? '6 4' : key === 'impact' ? '2 3' : null);
      g.append('text').attr('x', 30).attr('y', 0).attr('font-size', size).attr('fill', INK).text(label);
      ox += width;
    }
    legend.attr('transform', `translate(${M.left},${top + size})`);
    return oy + Math.round(size * 1.6);
  }

  let drawnFrame = '';
  /** `relabelOnly`: a language switch (the lines are kept when the plot's frame did not move). */
  function render(relabelOnly = false): void {
    box = boxOf(el, TIME_SERIES_SIZE);
    W = box.w; H = box.h;
    sizeSvg(svg, box);
    const f = box.font;
    M = { top: 0, right: Math.round(f * 3.6), bottom: Math.round(f * 2.6), left: Math.round(f * 3.2) };
    const titleH = placeTitle(title, box, t('functions', lang), toolsWidth(el));
    title.text(t('functions', lang));
    M.top = titleH + drawLegend(titleH) + Math.round(f * 0.8);
    x.range([M.left, W - M.right]);
    y.range([H - M.bottom, M.top]);
    y2.range([H - M.bottom, M.top]);
    gx.attr('transform', `translate(0,${H - M.bottom})`);
    gy.attr('transform', `translate(${M.left},0)`);
    gy2.attr('transform', `translate(${W - M.right},0)`);
    clipRect.attr('x', M.left).attr('y', M.top - 3).attr('width', Math.max(0, W - M.left - M.right)).attr('height', Math.max(0, H - M.top - M.bottom + 6));
    overlay.attr('x', M.left).attr('y', M.top).attr('width', Math.max(0, W - M.left - M.right)).attr('height', Math.max(0, H - M.top - M.bottom));
    xLabel.attr('x', W - M.right).attr('y', H - 4).attr('font-size', Math.round(f * 0.9)).text(t('tick', lang));
    if (!last) return;
    const { series, marks, pending, highlight, xMax } = last;
    const n = series.length;
    const lastTick = n ? series.tick(n - 1) : 0;
    x.domain([0, Math.max(1, xMax, lastTick)]);
    let impactMax = 0;
    for (let r = 0; r < n; r++) impactMax = Math.max(impactMax, series.value(r, 'impact'));
    y2.domain([0, niceCeil(impactMax)]);
    const balance = rollingMean(series, 'balance', BALANCE_WINDOW);
    const valueOf = (r: number, k: string) => (k === 'balance' ? balance[r] : series.value(r, k));
    if (scale === 'zoom' && n > 0) {
      let lo = 1, hi = 0;
      for (let r = 0; r < n; r++) for (const k of ['richten', 'leren']) { const v = series.value(r, k); if (v < lo) lo = v; if (v > hi) hi = v; }
      const pad = Math.max(0.01, (hi - lo) * 0.08);
      y.domain([Math.max(0, lo - pad), Math.min(1, hi + pad)]).nice();
    } else {
      y.domain([0, 1]);
    }
    const axisFont = Math.round(f * 0.85);
    gx.call(axisBottom(x).ticks(Math.max(3, Math.floor(W / 90))).tickSizeOuter(0) as never).call(styleAxis, axisFont);
    gy.call(axisLeft(y).ticks(5).tickFormat((v) => fmt(Number(v), lang, scale === 'zoom' ? 2 : 1)) as never).call(styleAxis, axisFont);
    gy2.call(axisRight(y2).ticks(5).tickFormat((v) => fmt(Number(v), lang, y2.domain()[1] < 5 ? 1 : 0)) as never).call(styleAxis, axisFont);
    grid.selectAll('line').data(y.ticks(5)).join('line')
      .attr('x1', M.left).attr('x2', W - M.right).attr('y1', (v) => r1(y(v))).attr('y2', (v) => r1(y(v)))
      .attr('stroke', GRID).attr('stroke-width', 1);

    // Marks: one flag per tick with marked entries; the entries' texts as the tooltip.
    const byTick = new Map<number, LogEntry[]>();
    for (const e of marks) byTick.set(e.tick, [...(byTick.get(e.tick) ?? []), e]);
    const markData = [...byTick.entries()].map(([tick, es]) => ({ tick, texts: es.map((e) => e[lang]), kinds: es.map((e) => e.kind), pending: false }));
    for (const tick of pending) if (!byTick.has(tick)) markData.push({ tick, texts: [t('pending', lang)], kinds: [], pending: true });
    const flags = marksG.selectAll<SVGGElement, (typeof markData)[number]>('g.mark').data(markData, (d) => `${d.tick}:${d.pending}`)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'mark');
        g.append('line').attr('stroke-width', 2);
        g.append('path').attr('d', 'M0,0 L9,4 L0,8 Z');
        g.append('text').attr('class', 'flag-label');
        g.append('title');
        return g;
      })
      .attr('data-tick', (d) => d.tick)
      .attr('transform', (d) => `translate(${r1(x(d.tick))},0)`)
      .style('cursor', 'pointer')
      .on('click', (_e, d) => options.onSelectTick?.(d.tick));
    flags.select('line').attr('y1', M.top - 6).attr('y2', H - M.bottom).attr('stroke', (d) => (d.pending ? '#b0b6c3' : '#b8860b')).attr('stroke-dasharray', (d) => (d.pending ? '3 3' : '5 3'));
    flags.select('path').attr('transform', `translate(0,${M.top - 14})`).attr('fill', (d) => (d.pending ? '#b0b6c3' : '#b8860b'));
    flags.select('title').text((d) => `${t('tick', lang)} ${d.tick}: ${d.texts.join(' · ')}`);
    // Short visible labels, stacked in rows so neighbouring flags never print over each other.
    const labelFont = Math.round(f * 0.78);
    const rowEnds: number[] = [];
    const placed = new Map<string, number>();
    for (const d of [...markData].sort((a, b) => a.tick - b.tick)) {
      const text = flagText(d);
      const x0 = x(d.tick) + 3;
      const width = textWidth(text, labelFont, 650);
      let row = rowEnds.findIndex((end) => x0 > end + 4);
      if (row < 0 && rowEnds.length < 3) { row = rowEnds.length; rowEnds.push(0); }
      if (row < 0 || x0 + width > W - M.right + f * 2) continue;
      rowEnds[row] = x0 + width;
      placed.set(`${d.tick}:${d.pending}`, row);
    }
    flags.select('text.flag-label')
      .attr('x', 3).attr('y', (d) => M.top + labelFont * (1 + 1.15 * (placed.get(`${d.tick}:${d.pending}`) ?? 0)))
      .attr('font-size', labelFont).attr('font-weight', 650)
      .attr('fill', (d) => (d.pending ? MUTED : '#7a5a00'))
      .attr('stroke', '#fff').attr('stroke-width', 3).attr('paint-order', 'stroke')
      .attr('display', (d) => (placed.has(`${d.tick}:${d.pending}`) ? null : 'none'))
      .text((d) => flagText(d));

    const keys = [...LEFT_KEYS, 'impact'];
    // A language switch leaves the lines alone unless the frame of the plot moved with it (the
    // legend may wrap differently): at thousands of ticks they are most of this view's work.
    const frameKey = `${n}|${x.domain()}|${x.range()}|${y.domain()}|${y.range()}|${y2.domain()}|${last.ghost?.length ?? -1}|${last.branchAt}`;
    const keepLines = relabelOnly && frameKey === drawnFrame;
    drawnFrame = frameKey;
    if (!keepLines) lines.selectAll<SVGPathElement, string>('path').data(keys, (k) => k).join('path')
      .attr('class', (k) => `line-${k}`)
      .attr('stroke', (k) => FUNCTION_COLORS[k])
      .attr('stroke-width', (k) => (k === 'balance' ? 1.8 : k === 'impact' ? 2.5 : 3.5))
      .attr('stroke-opacity', (k) => (k === 'balance' ? 0.75 : 1))
      .attr('stroke-linejoin', 'round')
      .attr('stroke-dasharray', (k) => (k === 'balance' ? '6 4' : k === 'impact' ? '2 3' : null))
      .attr('d', (k) => {
        const sc = k === 'impact' ? y2 : y;
        const gen = line<number>().x((r) => r1(x(series.tick(r)))).y((r) => r1(sc(valueOf(r, k))));
        return gen(Array.from({ length: n }, (_, r) => r)) ?? '';
      });

    // The original of a branch: the same lines, faint and thin, and where the branch left it.
    const ghost = last.ghost ?? null;
    ghostG.attr('clip-path', `url(#${clipId})`);
    if (!keepLines) ghostG.selectAll<SVGPathElement, string>('path').data(ghost ? keys.filter((k) => k !== 'balance') : [], (k) => k).join('path')
      .attr('class', (k) => `ghost-${k}`)
      .attr('stroke', (k) => FUNCTION_COLORS[k]).attr('stroke-opacity', 0.35).attr('stroke-width', 3)
      .attr('stroke-dasharray', (k) => (k === 'impact' ? '2 3' : null))
      .attr('d', (k) => {
        const g = ghost!;
        const sc = k === 'impact' ? y2 : y;
        const gen = line<number>().x((r) => r1(x(g.tick(r)))).y((r) => r1(sc(g.value(r, k))));
        return gen(Array.from({ length: g.length }, (_, r) => r)) ?? '';
      });
    const at = ghost ? last.branchAt ?? null : null;
    branchG.raise();
    branchG.selectAll<SVGGElement, number>('g.branch-at').data(at === null ? [] : [at]).join((enter) => {
      const g = enter.append('g').attr('class', 'branch-at');
      g.append('line'); g.append('text');
      return g;
    }).each(function (tk) {
      const g = select(this);
      g.select('line').attr('x1', r1(x(tk))).attr('x2', r1(x(tk))).attr('y1', M.top).attr('y2', H - M.bottom)
        .attr('stroke', INK).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 3');
      g.select('text').attr('x', r1(x(tk)) + 4).attr('y', H - M.bottom - 6).attr('text-anchor', 'start')
        .attr('font-size', Math.round(f * 0.8)).attr('font-weight', 650).attr('fill', INK)
        .attr('stroke', '#fff').attr('stroke-width', 3).attr('paint-order', 'stroke')
        .text(`${t('whatIf', lang)} · ${t('original', lang)}: ${lang === 'nl' ? 'vaag' : 'faint'}`);
    });

    hl.selectAll('*').remove();
    if (highlight !== null) {
      const row = series.rowOfTick(highlight);
      hl.append('rect').attr('x', r1(x(highlight) - 4)).attr('width', 8).attr('y', M.top).attr('height', H - M.top - M.bottom)
        .attr('fill', '#ffd54f').attr('fill-opacity', 0.45);
      if (row >= 0) {
        for (const k of LEFT_KEYS) {
          hl.append('circle').attr('cx', r1(x(highlight))).attr('cy', r1(y(valueOf(row, k)))).attr('r', 5)
            .attr('fill', FUNCTION_COLORS[k]).attr('stroke', '#fff').attr('stroke-width', 1.5);
        }
      }
      const rightSide = x(highlight) > (M.left + W - M.right) / 2;
      hl.append('text').attr('class', 'highlight-label').attr('x', r1(x(highlight) + (rightSide ? -8 : 8))).attr('y', M.top + f)
        .attr('text-anchor', rightSide ? 'end' : 'start').attr('font-size', f).attr('font-weight', 650).attr('fill', INK)
        .text(`${t('tick', lang)} ${highlight}`);
    }
  }

  function flagText(d: { kinds: string[]; pending: boolean }): string {
    if (d.pending) return t('pending', lang);
    const first = FLAG_SHORT[d.kinds[0]]?.[lang] ?? d.kinds[0];
    return d.kinds.length > 1 ? `${first} +${d.kinds.length - 1}` : first;
  }

  onResize(el, () => { render(); drawReadout(); });
  render();
  return {
    update(data) { last = data; render(); drawReadout(); },
    setScale(next) { scale = next; render(); },
    setLang(next) { lang = next; render(true); },
    svgText() { return serializeSvg(svg.node() as SVGSVGElement); },
  };
}

function styleAxis(g: Selection<SVGGElement, unknown, null, undefined>, size: number): void {
  g.attr('font-size', size).attr('font-family', null);
  g.selectAll('text').attr('fill', MUTED);
  g.selectAll('line, path').attr('stroke', '#b8bfcc');
}

export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** A flag's short visible label, by the kind of its first entry (the full texts are its tooltip). */
export const FLAG_SHORT: Record<string, { nl: string; en: string }> = {
  rules: { nl: 'spelregels', en: 'rules' },
  params: { nl: 'parameters', en: 'parameters' },
  agendering: { nl: 'urgentie', en: 'urgency' },
  platform: { nl: 'platform', en: 'platform' },
  mobilise: { nl: 'mobiliseer', en: 'mobilise' },
  mandate: { nl: 'mandaat', en: 'mandate' },
  broker: { nl: 'samenbrengen', en: 'broker' },
  resourceCut: { nl: 'bezuiniging', en: 'cut' },
  stakeShift: { nl: 'belang', en: 'stake' },
  shift: { nl: 'verschuiving', en: 'shift' },
  enter: { nl: 'erbij', en: 'enters' },
  leave: { nl: 'vertrekt', en: 'leaves' },
  landscape: { nl: 'turbulentie', en: 'turbulence' },
};
