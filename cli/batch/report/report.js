// report.html's page script (plain browser JS; `d3` is inlined before it, the data as JSON).
// Draws: design tables, box plots with mean and CI per measure, mean-and-CI ribbons over time,
// the pairwise verdicts, summary statistics and provenance.
/* global d3 */
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('data').textContent);
  const batch = data.batch;
  const summary = data.summary;
  const root = d3.select('#report');
  root.select('noscript').remove();

  // Okabe–Ito: distinguishable with common colour-vision deficiencies, and in greyscale print.
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
  const strategyIds = batch.strategies.map((s) => s.id);
  const colour = d3.scaleOrdinal(strategyIds, strategyIds.length <= PALETTE.length ? PALETTE : d3.schemeTableau10);
  const pct = Math.round(summary.level * 100);
  let figureNo = 0;
  let tableNo = 0;
  // Panels share the text width: up to three a row, never narrower than 300 px or wider than 480.
  const textWidth = root.node().clientWidth - 72;
  const perRow = Math.min(3, batch.scenarios.length);
  const PANEL_W = Math.max(300, Math.min(480, Math.floor((textWidth - 18 * (perRow - 1)) / perRow)));

  const isNum = (x) => typeof x === 'number' && isFinite(x);
  function fmt(x) {
    if (!isNum(x)) return 'NA';
    const a = Math.abs(x);
    if (a >= 1000) return d3.format(',.0f')(x);
    if (a !== 0 && a < 0.001) return d3.format('.2e')(x);
    return String(Number(x.toPrecision(3)));
  }
  const fmtP = (p) => (!isNum(p) ? 'NA' : p < 0.001 ? '< 0.001' : p.toFixed(3));
  const plural = (n, word, many) => `${n} ${n === 1 ? word : (many || word + 's')}`;
  // A panel (scenario, or scenario × statistics.by values) and its summary cell per strategy.
  const panelKey = (scenario, by) => `${scenario}|${JSON.stringify(by)}`;
  const cellOf = (panel, strategy, column) => summary.cells.find((c) => c.strategy === strategy && c.measure === column && panelKey(c.scenario, c.by) === panel.key);
  const byText = (by) => Object.entries(by).map(([k, v]) => `${k} = ${v}`).join(', ');

  function el(parent, tag, text, cls) {
    const e = parent.append(tag);
    if (cls) e.attr('class', cls);
    if (text !== undefined) e.text(text);
    return e;
  }
  function table(parent, captionText, columns, rows) {
    tableNo++;
    const t = parent.append('table');
    t.append('caption').html(`<b>Table ${tableNo}.</b> ${captionText}`);
    t.append('thead').append('tr').selectAll('th').data(columns).join('th')
      .attr('class', (c) => (c.num ? 'num' : null)).text((c) => c.label);
    const body = t.append('tbody');
    for (const r of rows) {
      const tr = body.append('tr').attr('class', r.cls || null);
      if (r.group) { tr.append('td').attr('colspan', columns.length).text(r.group); continue; }
      columns.forEach((c, i) => {
        const td = tr.append('td').attr('class', [c.num ? 'num' : '', c.cls || ''].join(' ').trim() || null);
        const v = r.cells[i];
        if (v && typeof v === 'object' && v.html !== undefined) td.html(v.html); else td.text(v === undefined || v === null ? '' : v);
      });
    }
    return t;
  }
  const dot = (id) => `<span class="dot" style="background:${colour(id)}"></span>`;
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  // ---- Title and overview -------------------------------------------------------------
  const prov = data.provenance;
  const nScen = batch.scenarios.length;
  const nStrat = batch.strategies.length;
  const nPoints = batch.design ? batch.design.points.length : 1;
  el(root, 'h1', data.title);
  if (batch.description) el(root, 'p', batch.description, 'lede');
  root.append('p').attr('class', 'meta').html(
    `Batch <b>${esc(batch.id)}</b> · ${plural(nScen, 'scenario')} × ${plural(nStrat, 'strategy', 'strategies')}` +
    (batch.design ? ` × ${plural(nPoints, 'design point')}` : '') + ` × ${plural(batch.replications, 'replication')} = ` +
    `<b>${prov.runs.planned} runs</b> (${prov.runs.finished} finished${prov.runs.failed ? `, ${prov.runs.failed} failed` : ''}` +
    `${prov.runs.missing ? `, ${prov.runs.missing} missing` : ''}) · base seed ${esc(batch.seed)} · samenspel ${esc(prov.version)}, ` +
    `engine ${esc(prov.engineVersion)}${prov.gitCommit ? `, commit <span class="mono">${esc(prov.gitCommit.slice(0, 10))}</span>` : ''}`);
  if (prov.status !== 'complete' || prov.runs.inThisDirectory !== prov.runs.planned) {
    root.append('div').attr('class', 'banner').text(prov.runs.inThisDirectory !== prov.runs.planned
      ? `This directory holds one shard (${prov.runs.inThisDirectory} of ${prov.runs.planned} runs). Statistics below cover only these runs; merge all shards for the batch's results.`
      : `${prov.status === 'interrupted' ? 'Interrupted' : prov.status === 'running' ? 'Unfinished (stopped or still running)' : 'Incomplete'} batch: ` +
        `${prov.runs.finished} of ${prov.runs.planned} runs finished${prov.runs.failed ? `, ${prov.runs.failed} failed` : ''}, ${prov.runs.missing} missing. ` +
        `Statistics cover the finished runs only${prov.runs.missing ? '; --resume the batch for the rest' : ''}.`);
  }
  if (data.failures.length) {
    root.append('div').attr('class', 'banner').text(`${plural(data.failures.length, 'run')} failed and ${data.failures.length === 1 ? 'is' : 'are'} left out (failures.csv): ` +
      data.failures.slice(0, 6).map((f) => `${f.runId} (${f.error})`).join('; ') + (data.failures.length > 6 ? '; …' : ''));
  }

  // ---- Design -------------------------------------------------------------------------
  el(root, 'h2', '1  Design');
  el(root, 'p', `Every strategy runs on every scenario${batch.design ? ' and design point' : ''}, ${plural(batch.replications, 'time')}, each run with its own seed ` +
    `derived from the base seed and the run's id (FNV-1a), so a run is reproducible on its own and adding strategies or scenarios ` +
    `changes no other run. Scenarios stand for the uncertainties a strategy must cope with; strategies are sets of spelregels ` +
    `(rule presets or partial rules) with optional scheduled interventions (levers).`);
  table(root, 'Strategies compared.', [{ label: 'Strategy' }, { label: 'Spelregels' }, { label: 'Scheduled interventions' }],
    data.strategies.map((s) => ({ cells: [{ html: `${dot(s.id)}<b>${esc(s.id)}</b>${s.label !== s.id ? `<br><span style="color:#5f6368">${esc(s.label)}</span>` : ''}` }, s.rules, s.events.join('; ') || '—'] })));
  table(root, 'Scenarios (the uncertainties).', [{ label: 'Scenario' }, { label: 'Title' }, { label: 'Ticks', num: true }, { label: 'Overrides' }],
    batch.scenarios.map((s) => ({ cells: [{ html: `<b>${esc(s.id)}</b>${s.source !== s.id ? ` <span class="mono">(${esc(s.source)})</span>` : ''}` }, s.title, s.ticks, s.sets.join(', ') || '—'] })));
  table(root, 'Measures kept per run. Definitions from the model (docs/ODD.md).', [{ label: 'Column' }, { label: 'What is kept' }, { label: 'Definition of the measure' }],
    [...data.measures.map((m) => ({ cells: [{ html: `<span class="mono">${esc(m.column)}</span>` }, m.label, m.doc] })),
      ...data.series.map((s) => ({ cells: [{ html: `<span class="mono">${esc(s.measure)}</span> (series)` }, `${s.name} every ${batch.seriesEvery === 1 ? 'tick' : `${batch.seriesEvery} ticks`}`, s.doc] }))]);
  if (batch.design) {
    const d = batch.design;
    el(root, 'p', `Parameter design: ${d.type === 'factorial' ? 'full factorial' : d.type === 'lhs' ? 'Latin hypercube (seeded)' : `external design file ${d.file}`} over ` +
      `${d.params.join(', ')}, ${plural(d.points.length, 'point')}. ` +
      (batch.statistics.by.length ? `Statistics are split by ${batch.statistics.by.join(', ')}.` : 'Statistics pool runs over all design points (strategies are compared across the whole design).'));
  }

  // ---- Box plots per measure ----------------------------------------------------------
  el(root, 'h2', '2  Outcomes per measure');
  el(root, 'p', `One figure per kept measure, one panel per scenario${batch.statistics.by.length ? ` and value of ${batch.statistics.by.join(' × ')} (statistics.by)` : ''}. Each dot is one run. The ◆ and its bar give the mean and its ${pct} % ` +
    `percentile-bootstrap confidence interval (${summary.resamples} resamples). Pairwise tests are in section ${data.bands.length ? 4 : 3}.`);

  function boxStats(sorted) {
    const q1 = d3.quantileSorted(sorted, 0.25);
    const median = d3.quantileSorted(sorted, 0.5);
    const q3 = d3.quantileSorted(sorted, 0.75);
    const iqr = q3 - q1;
    const lo = sorted.find((v) => v >= q1 - 1.5 * iqr);
    const hi = [...sorted].reverse().find((v) => v <= q3 + 1.5 * iqr);
    return { q1, median, q3, lo, hi };
  }

  function boxPanel(parent, panel, m) {
    const longest = d3.max(strategyIds, (id) => id.length) || 1;
    const W = PANEL_W;
    // Rotate strategy names only when they do not fit their band side by side.
    const rotate = longest * 6.2 > ((W - 62) / strategyIds.length) * 0.95;
    const notes = m.keep === 'threshold';
    const H = (rotate ? 262 : 228) + (notes ? 14 : 0);
    const margin = { top: notes ? 40 : 26, right: 8, bottom: rotate ? 64 : 30, left: 54 };
    const iw = W - margin.left - margin.right;
    const ih = H - margin.top - margin.bottom;
    const groups = strategyIds.map((s) => {
      const all = ((data.values[panel.key] || {})[s] || {})[m.column] || [];
      const xs = all.filter(isNum);
      return { s, all, xs, sorted: [...xs].sort(d3.ascending), cell: cellOf(panel, s, m.column) };
    });
    const ext = d3.extent(groups.flatMap((g) => [...g.xs, ...(g.cell && isNum(g.cell.ciLow) ? [g.cell.ciLow, g.cell.ciHigh] : [])]));
    let [y0, y1] = ext[0] === undefined ? [0, 1] : ext;
    if (y0 === y1) { const pad = y0 === 0 ? 1 : Math.abs(y0) * 0.05; y0 -= pad; y1 += pad; }
    const y = d3.scaleLinear([y0, y1], [ih, 0]).nice();
    const x = d3.scaleBand(strategyIds, [0, iw]).paddingInner(0.28).paddingOuter(0.15);
    const bw = x.bandwidth();

    const title = `${panel.scenario}${Object.keys(panel.by).length ? ` (${byText(panel.by)})` : ''}`;
    const svg = parent.append('div').attr('class', 'panel').append('svg').attr('width', W).attr('height', H)
      .attr('role', 'img').attr('aria-label', `${m.label}, ${title}`);
    svg.append('text').attr('class', 'panel-title').attr('x', margin.left).attr('y', 13).text(title);
    const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
    g.append('g').attr('class', 'grid').call(d3.axisLeft(y).ticks(5).tickSize(-iw).tickFormat(''));
    g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('~g')));
    const xAxis = g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).tickSizeOuter(0));
    if (rotate) xAxis.selectAll('text').attr('transform', 'rotate(-32)').attr('text-anchor', 'end').attr('dx', '-0.4em').attr('dy', '0.5em');
    g.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', -ih / 2).attr('y', -42)
      .attr('text-anchor', 'middle').text(m.keep === 'threshold' ? 'first tick reached' : m.name);

    for (const grp of groups) {
      const cx = x(grp.s) + bw * 0.42;
      const c = colour(grp.s);
      const boxW = bw * 0.46;
      // Runs: deterministic jitter (golden-ratio sequence), drawn first so the box sits on top.
      g.append('g').selectAll('circle').data(grp.xs).join('circle')
        .attr('cx', (_, i) => cx + ((i * 0.6180339887) % 1 - 0.5) * boxW * 0.9)
        .attr('cy', (v) => y(v)).attr('r', 1.9).attr('fill', c).attr('fill-opacity', 0.38);
      if (grp.sorted.length) {
        const b = boxStats(grp.sorted);
        g.append('line').attr('x1', cx).attr('x2', cx).attr('y1', y(b.lo)).attr('y2', y(b.q1)).attr('stroke', '#444');
        g.append('line').attr('x1', cx).attr('x2', cx).attr('y1', y(b.q3)).attr('y2', y(b.hi)).attr('stroke', '#444');
        for (const w of [b.lo, b.hi]) g.append('line').attr('x1', cx - boxW * 0.22).attr('x2', cx + boxW * 0.22).attr('y1', y(w)).attr('y2', y(w)).attr('stroke', '#444');
        g.append('rect').attr('x', cx - boxW / 2).attr('width', boxW).attr('y', y(b.q3)).attr('height', Math.max(0.8, y(b.q1) - y(b.q3)))
          .attr('fill', c).attr('fill-opacity', 0.14).attr('stroke', c).attr('stroke-width', 1.2);
        g.append('line').attr('x1', cx - boxW / 2).attr('x2', cx + boxW / 2).attr('y1', y(b.median)).attr('y2', y(b.median))
          .attr('stroke', d3.color(c).darker(0.8)).attr('stroke-width', 2.2);
      }
      const cell = grp.cell;
      if (cell && isNum(cell.mean)) {
        const mx = x(grp.s) + bw * 0.9;
        if (isNum(cell.ciLow)) {
          g.append('line').attr('x1', mx).attr('x2', mx).attr('y1', y(cell.ciLow)).attr('y2', y(cell.ciHigh)).attr('stroke', '#111').attr('stroke-width', 1.4);
          for (const w of [cell.ciLow, cell.ciHigh]) g.append('line').attr('x1', mx - 3).attr('x2', mx + 3).attr('y1', y(w)).attr('y2', y(w)).attr('stroke', '#111');
        }
        g.append('path').attr('d', d3.symbol(d3.symbolDiamond, 30)()).attr('transform', `translate(${mx},${y(cell.mean)})`).attr('fill', '#111');
      }
      const never = grp.all.length - grp.xs.length;
      if (m.keep === 'threshold' && never > 0) {
        g.append('text').attr('class', 'note').attr('x', x(grp.s) + bw * 0.55).attr('y', -7).attr('text-anchor', 'middle')
          .text(`never: ${never}`).append('title').text(`${never} of ${grp.all.length} runs never reached it`);
      }
    }
  }

  for (const m of data.measures) {
    el(root, 'h3', m.label.charAt(0).toUpperCase() + m.label.slice(1));
    figureNo++;
    const fig = root.append('figure');
    const panels = fig.append('div').attr('class', 'panels');
    for (const panel of data.panels) boxPanel(panels, panel, m);
    const n = d3.max(summary.cells.filter((c) => c.measure === m.column), (c) => c.runs) || 0;
    const thresholdNote = m.keep === 'threshold'
      ? ` Only runs that reached the threshold are drawn and averaged; "never: k" counts runs that did not reach it within the run (empty cells in runs.csv). In the pairwise tests those runs rank after every run that did (censored at the end).`
      : '';
    fig.append('figcaption').html(`<b>Figure ${figureNo}.</b> ${esc(m.label.charAt(0).toUpperCase() + m.label.slice(1))}, per strategy, one panel per scenario (Table 2) ` +
      `(up to ${plural(n, 'run')} per box). Boxes: median and interquartile range; whiskers: most extreme run within 1.5 × IQR of the box; ` +
      `dots: individual runs; ◆ with bar: mean and ${pct} % bootstrap CI of the mean.${thresholdNote}`);
  }

  // ---- Series -------------------------------------------------------------------------
  if (data.bands.length) {
    el(root, 'h2', '3  Over time');
    const z = { 90: 1.645, 95: 1.96, 99: 2.576 }[pct];
    el(root, 'p', `Mean over runs at each kept tick, with a ${pct} % confidence ribbon (mean ± ${z ? z : 'z'} standard errors, normal approximation).`);
    for (const s of data.series) {
      el(root, 'h3', `${s.name} (${s.measure})`);
      figureNo++;
      const fig = root.append('figure');
      const legend = fig.append('div').attr('class', 'legend');
      for (const st of batch.strategies) {
        legend.append('span').html(`<span class="swatch" style="background:${colour(st.id)}"></span>${esc(st.id)}`);
      }
      const panels = fig.append('div').attr('class', 'panels');
      for (const sc of batch.scenarios) seriesPanel(panels, sc, s);
      const n = d3.max(data.bands.filter((b) => b.measure === s.measure), (b) => b.n) || 0;
      fig.append('figcaption').html(`<b>Figure ${figureNo}.</b> ${esc(s.name)} over time per strategy, one panel per scenario (Table 2): mean of ` +
        `up to ${plural(n, 'run')} (line) and ${pct} % confidence ribbon. ${esc(s.doc)}`);
    }
  }

  function seriesPanel(parent, scenario, s) {
    const W = PANEL_W, H = 240;
    const margin = { top: 26, right: 10, bottom: 38, left: 54 };
    const iw = W - margin.left - margin.right;
    const ih = H - margin.top - margin.bottom;
    const bands = data.bands.filter((b) => b.scenario === scenario.id && b.measure === s.measure && b.ticks.length);
    const xs = d3.extent(bands.flatMap((b) => b.ticks));
    const ys = d3.extent(bands.flatMap((b) => [...b.lo, ...b.hi]));
    const x = d3.scaleLinear(xs[0] === undefined ? [0, 1] : xs, [0, iw]);
    let [y0, y1] = ys[0] === undefined ? [0, 1] : ys;
    if (y0 === y1) { y0 -= 0.5; y1 += 0.5; }
    const y = d3.scaleLinear([y0, y1], [ih, 0]).nice();
    const svg = parent.append('div').attr('class', 'panel').append('svg').attr('width', W).attr('height', H)
      .attr('role', 'img').attr('aria-label', `${s.name} over time, ${scenario.id}`);
    svg.append('text').attr('class', 'panel-title').attr('x', margin.left).attr('y', 13).text(scenario.id);
    const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
    g.append('g').attr('class', 'grid').call(d3.axisLeft(y).ticks(5).tickSize(-iw).tickFormat(''));
    g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('~g')));
    g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(6).tickSizeOuter(0));
    g.append('text').attr('class', 'axis-label').attr('x', iw / 2).attr('y', ih + 31).attr('text-anchor', 'middle').text('tick');
    g.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', -ih / 2).attr('y', -42)
      .attr('text-anchor', 'middle').text(s.name);
    for (const b of bands) {
      const idx = d3.range(b.ticks.length);
      g.append('path').datum(idx).attr('fill', colour(b.strategy)).attr('fill-opacity', 0.16)
        .attr('d', d3.area().x((i) => x(b.ticks[i])).y0((i) => y(b.lo[i])).y1((i) => y(b.hi[i])));
    }
    for (const b of bands) {
      const idx = d3.range(b.ticks.length);
      g.append('path').datum(idx).attr('fill', 'none').attr('stroke', colour(b.strategy)).attr('stroke-width', 1.6)
        .attr('d', d3.line().x((i) => x(b.ticks[i])).y((i) => y(b.mean[i])));
    }
  }

  // ---- Pairwise comparisons -----------------------------------------------------------
  const sec = data.bands.length ? 4 : 3;
  el(root, 'h2', `${sec}  Pairwise comparisons`);
  const sig = summary.pairs.filter((p) => p.winner !== null).length;
  const holm = summary.pairs.filter((p) => p.winnerHolm !== null).length;
  el(root, 'p', `Each pair of strategies within a scenario, per measure: the Vargha–Delaney A (the chance that a run of the first ` +
    `strategy scores higher than a run of the second; 0.5 = no difference; |A − 0.5| ≥ 0.06 / 0.14 / 0.21 is a small / medium / large ` +
    `effect) and a two-sided Mann–Whitney test (exact for up to 20 runs a side without ties, else normal with tie correction). ` +
    `These are ${summary.tests} tests: at p < ${summary.alpha}, ${sig} differ; with Holm's step-down adjustment over all ${summary.tests} ` +
    `(family-wise error rate ${summary.alpha * 100} %), ${holm} do. Rows in grey are not significant after adjustment. ` +
    `Significance says a difference is unlikely to be chance in this many runs, not that it matters: read A for the size.`);
  const pairRows = [];
  let lastGroup = '';
  for (const p of summary.pairs) {
    const by = Object.entries(p.by).map(([k, v]) => `${k} = ${v}`).join(', ');
    const grp = `${p.scenario}${by ? ` (${by})` : ''} — ${(data.measures.find((m) => m.column === p.measure) || { label: p.measure }).label}`;
    if (grp !== lastGroup) { pairRows.push({ group: grp, cls: 'group' }); lastGroup = grp; }
    pairRows.push({
      cls: p.winnerHolm !== null ? 'strong' : 'weak',
      cells: [{ html: `${dot(p.a)}${esc(p.a)} vs ${dot(p.b)}${esc(p.b)}` }, isNum(p.A) ? p.A.toFixed(2) : 'NA', p.magnitude || '', fmtP(p.p), fmtP(p.pHolm), p.verdict],
    });
  }
  table(root, `Pairwise verdicts (also in pairs.csv). A = A(first, second); for "first tick" measures A is the chance the first reaches the threshold later.`,
    [{ label: 'Pair' }, { label: 'A', num: true }, { label: 'Effect' }, { label: 'p', num: true }, { label: 'Holm p', num: true }, { label: 'Verdict', cls: 'verdict' }],
    pairRows);

  // ---- Summary statistics -------------------------------------------------------------
  el(root, 'h2', `${sec + 1}  Summary statistics`);
  const sumRows = [];
  lastGroup = '';
  const measureOrder = new Map(data.measures.map((m, i) => [m.column, i]));
  const groupOrder = new Map();
  summary.cells.forEach((c) => { const k = `${c.scenario}|${JSON.stringify(c.by)}`; if (!groupOrder.has(k)) groupOrder.set(k, groupOrder.size); });
  const cellsInOrder = summary.cells.map((c, i) => [c, i]).sort((p, q) =>
    groupOrder.get(`${p[0].scenario}|${JSON.stringify(p[0].by)}`) - groupOrder.get(`${q[0].scenario}|${JSON.stringify(q[0].by)}`)
    || measureOrder.get(p[0].measure) - measureOrder.get(q[0].measure) || p[1] - q[1]).map((p) => p[0]);
  for (const c of cellsInOrder) {
    const by = Object.entries(c.by).map(([k, v]) => `${k} = ${v}`).join(', ');
    const grp = `${c.scenario}${by ? ` (${by})` : ''} — ${(data.measures.find((m) => m.column === c.measure) || { label: c.measure }).label}`;
    if (grp !== lastGroup) { sumRows.push({ group: grp, cls: 'group' }); lastGroup = grp; }
    sumRows.push({ cells: [{ html: `${dot(c.strategy)}${esc(c.strategy)}` }, c.keep === 'threshold' ? `${c.n} / ${c.runs}` : c.n, fmt(c.mean), fmt(c.median), fmt(c.sd), c.n >= summary.minCiRuns ? `[${fmt(c.ciLow)}, ${fmt(c.ciHigh)}]` : c.n ? `no CI: ${c.n} run${c.n === 1 ? '' : 's'}, at least ${summary.minCiRuns} needed` : 'NA'] });
  }
  table(root, `Per strategy and scenario (also in summary.csv): runs with a value (for "first tick" measures: reached / runs), mean, median, ` +
    `standard deviation and ${pct} % percentile-bootstrap CI of the mean (${summary.resamples} resamples, seeded from the base seed and the cell).`,
  [{ label: 'Strategy' }, { label: 'n', num: true }, { label: 'Mean', num: true }, { label: 'Median', num: true }, { label: 'SD', num: true }, { label: `${pct} % CI`, num: true }],
  sumRows);

  // ---- Provenance ---------------------------------------------------------------------
  el(root, 'h2', `${sec + 2}  Provenance`);
  const s = prov.session || {};
  const facts = [
    ['Batch', batch.id],
    ['Runs', `${prov.runs.planned} planned, ${prov.runs.finished} finished, ${prov.runs.failed} failed, ${prov.runs.missing} missing`],
    ['Seeds', `run seed = deriveSeed(${batch.seed}, runId); bootstrap seed = deriveSeed(${batch.seed}, 'bootstrap:' + cell + ':' + column)`],
    ['Software', `samenspel ${prov.version}, engine ${prov.engineVersion}, Node ${prov.node}`],
    ['Commit', prov.gitCommit || 'not a git checkout'],
    ['Engine source', prov.engineSource ? `SHA-256 of sim/ ${prov.engineSource.slice(0, 16)}…` : 'not recorded'],
    ['Produced by', s.command === 'merge' ? `merge of ${(s.mergedFrom || []).length} directories` : `batch${s.specFile ? ` ${s.specFile}` : ''}`],
  ];
  if (s.command === 'batch') {
    facts.push(['Session', `${s.started || ''} – ${s.finished || ''}; ${s.runsThisSession} runs in ${isNum(s.seconds) ? s.seconds.toFixed(1) : '?'} s` +
      `${isNum(s.runsPerSecond) ? ` (${s.runsPerSecond.toFixed(2)} runs/s)` : ''} with ${s.workers} worker${s.workers === 1 ? '' : 's'}` +
      `${s.resumedRuns ? `; ${s.resumedRuns} runs resumed from an earlier session` : ''}${s.shard ? `; shard ${s.shard.k}/${s.shard.n}` : ''}`]);
  }
  const dl = root.append('dl').attr('class', 'facts');
  for (const [k, v] of facts) { dl.append('dt').text(k); dl.append('dd').text(v); }
  el(root, 'p', 'The model is uncalibrated: these comparisons show what the mechanisms produce under these assumptions, not ' +
    'what networks in the field will do (face validity against the source texts, not empirical validation).', 'meta');
  document.body.setAttribute('data-rendered', 'true');
})();
