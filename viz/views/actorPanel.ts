// The pinned actor: who it is, its history since it was pinned (recorded from frames:
// engagement, with its position as the background), its stake / belief / preference per
// aspect, its approach on the knobs of the knowledge aspects with that approach's worth ω
// (docs/ODD.md §7.4), and the levers that act on one actor.
import { select } from 'd3-selection';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { INK } from './common.ts';
import { escapeHtml } from './network.ts';
import { ARCHETYPE_LABELS, fmt, pct, POSITION_LABELS, t, type Lang } from '../i18n.ts';
import type { ActorDetail } from '../../workers/app-protocol.ts';

export interface ActorPanelMeta {
  names: string[];
  sectors: { label: { nl: string; en: string }; color: string }[];
  aspects: { label: { nl: string; en: string }; kind: string }[];
  /** Actors one may broker with (named actors, by index). */
  partners: number[];
  /** The knobs: N in all, m per knowledge aspect, knob n of scenario aspect aspects[⌊n/m⌋]; null: none. */
  landscape?: { knobs: number; perAspect: number; aspects: number[] } | null;
}

export interface ActorPanelView {
  readonly pinned: number | null;
  setMeta(meta: ActorPanelMeta): void;
  pin(i: number | null): void;
  /** A new frame: append the pinned actor's values to its history. */
  record(tick: number, position: number, engagement: number, resources: number): void;
  showDetail(detail: ActorDetail): void;
  setLang(lang: Lang): void;
}

export interface ActorPanelOptions {
  lang: Lang;
  onClose(): void;
  onLever(type: 'mobilise' | 'mandate' | 'broker', target: string, other?: string): void;
}

const POSITION_FILL = ['#f3f4f6', '#e3e9f3', '#c9d6ea'];

export function createActorPanel(el: HTMLElement, options: ActorPanelOptions): ActorPanelView {
  let lang = options.lang;
  let meta: ActorPanelMeta | null = null;
  let pinned: number | null = null;
  let detail: ActorDetail | null = null;
  let hist: { tick: number; pos: number; e: number; r: number }[] = [];
  const panel = select(el).attr('class', 'actor-panel').style('display', 'none');
  const root = panel.append('div').attr('class', 'actor-dynamic');
  const fixed = panel.append('div').attr('class', 'actor-static');

  function render(): void {
    if (pinned === null || !meta) { panel.style('display', 'none'); return; }
    panel.style('display', null);
    const i = pinned;
    const last = hist[hist.length - 1];
    const sec = detail ? meta.sectors[detail.sector] : null;
    root.html('');
    const head = root.append('div').attr('class', 'actor-head');
    head.append('h3').text(meta.names[i]);
    head.append('button').attr('class', 'close').attr('title', t('close', lang)).text('×').on('click', () => options.onClose());
    if (sec) {
      root.append('div').attr('class', 'actor-sector')
        .html(`<span class="dot" style="background:${sec.color}"></span>${escapeHtml(sec.label[lang])} · ${ARCHETYPE_LABELS[detail!.archetype][lang]}${detail!.inProject ? ` · ${t('inProject', lang)}` : ''}`);
    }
    if (last) {
      const facts = root.append('dl').attr('class', 'actor-facts');
      const add = (k: string, v: string) => { facts.append('dt').text(k); facts.append('dd').text(v); };
      add(t('position', lang), POSITION_LABELS[last.pos][lang]);
      add(t('engagement', lang), pct(last.e, lang));
      add(t('resources', lang), fmt(last.r, lang, 2));
      if (detail) {
        add(t('reputation', lang), pct(detail.reputation, lang));
        add(t('mandateFact', lang), pct(detail.mandate, lang));
        add(t('access', lang), pct(detail.access, lang));
      }
    }
    // History: engagement over the ticks since pinning, the position as background bands.
    const W = 300, H = 90;
    const svg = root.append('svg').attr('class', 'actor-history').attr('viewBox', `0 0 ${W} ${H}`).style('width', '100%');
    svg.append('text').attr('x', 0).attr('y', 12).attr('font-size', 12).attr('fill', '#6b7385').text(`${t('history', lang)}: ${t('engagement', lang).toLowerCase()}`);
    if (hist.length > 1) {
      const x = scaleLinear().domain([hist[0].tick, hist[hist.length - 1].tick]).range([0, W]);
      const y = scaleLinear().domain([0, 1]).range([H - 4, 18]);
      hist.forEach((h, k) => {
        const next = hist[k + 1];
        svg.append('rect').attr('x', x(h.tick)).attr('width', Math.max(0.5, next ? x(next.tick) - x(h.tick) : 1))
          .attr('y', 18).attr('height', H - 22).attr('fill', POSITION_FILL[h.pos]);
      });
      svg.append('path').attr('fill', 'none').attr('stroke', INK).attr('stroke-width', 2)
        .attr('d', line<(typeof hist)[number]>().x((h) => x(h.tick)).y((h) => y(h.e))(hist) ?? '');
    }
    if (detail && meta.landscape && detail.approach !== null && detail.approach !== undefined) renderApproach(detail, meta.landscape);
    if (detail && meta.aspects.length) {
      const table = root.append('table').attr('class', 'actor-aspects');
      const hr = table.append('tr');
      hr.append('th');
      for (const k of ['stake', 'belief', 'preference'] as const) hr.append('th').text(t(k, lang));
      meta.aspects.forEach((a, x) => {
        const tr = table.append('tr');
        tr.append('td').text(a.label[lang]);
        tr.append('td').text(fmt(detail!.stake[x], lang, 2));
        tr.append('td').text(a.kind === 'knowledge' ? fmt(detail!.belief[x], lang, 2) : '–');
        tr.append('td').text(fmt(detail!.pref[x], lang, 2));
      });
    }
  }

  /** The approach: a square per knob, grouped by aspect (filled = on, red outline = unlike x*), and its worth. */
  function renderApproach(d: ActorDetail, L: { knobs: number; perAspect: number; aspects: number[] }): void {
    const box = root.append('div').attr('class', 'actor-approach').attr('title', t('approachHint', lang));
    const head = box.append('div').attr('class', 'approach-head');
    head.append('span').attr('class', 'approach-title').text(t('approach', lang));
    head.append('span').attr('class', 'approach-worth').attr('data-worth', d.approachWorth ?? '')
      .html(`${escapeHtml(t('approachWorth', lang))} <b>${fmt(d.approachWorth ?? 0, lang, 2)}</b>`);
    const x = d.approach ?? 0, best = d.landBest ?? 0;
    L.aspects.forEach((aspect, a) => {
      const group = box.append('div').attr('class', 'approach-aspect');
      group.append('span').attr('class', 'approach-label').text(meta!.aspects[aspect]?.label[lang] ?? '');
      const row = group.append('span').attr('class', 'knobs');
      for (let b = a * L.perAspect; b < (a + 1) * L.perAspect && b < L.knobs; b++) {
        const on = ((x >>> b) & 1) === 1, differs = on !== (((best >>> b) & 1) === 1);
        row.append('span').attr('class', `knob${on ? ' on' : ''}${differs ? ' differs' : ''}`)
          .attr('data-knob', b).attr('data-on', on ? 1 : 0).attr('data-differs', differs ? 1 : 0);
      }
    });
    box.append('div').attr('class', 'approach-hint').text(t('approachHint', lang));
  }

  function renderStatic(): void {
    fixed.html('');
    if (pinned === null || !meta) return;
    const i = pinned;
    const name = meta.names[i];
    const levers = fixed.append('div').attr('class', 'actor-levers');
    levers.append('button').attr('data-lever', 'mobilise').text(`${t('mobilise', lang)}`).on('click', () => options.onLever('mobilise', name));
    levers.append('button').attr('data-lever', 'mandate').text(t('grantMandate', lang)).on('click', () => options.onLever('mandate', name));
    const brokerRow = levers.append('div').attr('class', 'broker-row');
    brokerRow.append('span').text(`${t('broker', lang)} ${t('with', lang)}`);
    const sel = brokerRow.append('select');
    for (const j of meta.partners) if (j !== i) sel.append('option').attr('value', meta.names[j]).text(meta.names[j]);
    brokerRow.append('button').attr('data-lever', 'broker').text(t('go', lang))
      .on('click', () => options.onLever('broker', name, (sel.node() as HTMLSelectElement).value));
  }

  return {
    get pinned() { return pinned; },
    setMeta(m) { meta = m; pinned = null; hist = []; detail = null; render(); renderStatic(); },
    pin(i) {
      const changed = i !== pinned;
      if (changed) { hist = []; detail = null; }
      pinned = i;
      render();
      if (changed) renderStatic();
    },
    record(tick, pos, e, r) {
      if (pinned === null) return;
      const last = hist[hist.length - 1];
      if (last && last.tick === tick) return;
      if (last && tick < last.tick) hist = [];
      hist.push({ tick, pos, e, r });
    },
    showDetail(d) { if (d.index === pinned) { detail = d; render(); } },
    setLang(next) { lang = next; render(); renderStatic(); },
  };
}
