// Sliders mid-run: the model parameters that can change while a run goes on. Moving one is an
// intervention `{ type: 'params' }` that acts at the next tick, is logged, and replays from
// the link and from `samenspel run --events`. The rest stay behind "restart" (advanced panel).
//
// Which parameters are live is derived from the schema's metadata, not from a list of names:
// a continuous number (`kind: 'number'`) is a rate, weight, threshold or efficiency the
// mechanisms read afresh every tick; integers size things (tie slots, quorum, iterations,
// review intervals) and enums switch mechanisms (meeting mode, dialogue rule), so those start
// a new run, as do the numbers marked `atStart` (read only when the run is created). (The engine
// also ignores a live change of maxTies: tie slots are fixed.)
// The opgave's turbulence is not a parameter but part of the scenario's landscape; its two
// controls send a `landscape` intervention instead and show only when the opgave has knobs.
import { h } from './dom.ts';
import { paramTooltip } from './advanced.ts';
import { t, fmt, type Lang } from '../i18n.ts';
import { LANDSCAPE_LIVE, MAX_KNOBS_TURBULENT, PARAMS, type LandscapeLiveKey, type ParamSpec } from '../../sim/meta.ts';

export function isLiveParam(spec: ParamSpec): boolean {
  return spec.kind === 'number' && !spec.atStart;
}

export const LIVE_PARAMS: string[] = (Object.entries(PARAMS) as [string, ParamSpec][]).filter(([, s]) => isLiveParam(s)).map(([k]) => k);

/** A slider step with at most two significant digits, about a hundredth of the range. */
export function sliderStep(min: number, max: number): number {
  const raw = (max - min) / 100;
  if (!(raw > 0)) return 0.01;
  let p = 1;
  while (p > raw) p /= 10;
  while (p * 10 <= raw) p *= 10;
  for (const m of [1, 2, 5]) if (m * p >= raw) return m * p;
  return 10 * p;
}

export interface LandscapeNow { turbulence: number; turbulenceEvery: number; knobs: number }
export interface LiveParamsPanel {
  show(params: Record<string, number | string>, landscape?: LandscapeNow | null): void;
  setLang(lang: Lang): void;
}

const GROUP_LABELS: Record<string, { nl: string; en: string }> = {
  meetings: { nl: 'Ontmoetingen', en: 'Meetings' },
  dialogue: { nl: 'Dialoog (richten)', en: 'Dialogue (richten)' },
  learning: { nl: 'Leren', en: 'Learning' },
  knowledge: { nl: 'Kennis en knoppen', en: 'Knowledge and knobs' },
  action: { nl: 'Handelen', en: 'Action' },
  payoffs: { nl: 'Opbrengsten en betrokkenheid', en: 'Payoffs and engagement' },
  positions: { nl: 'Posities', en: 'Positions' },
  agenda: { nl: 'Agenda', en: 'Agenda' },
  opgave: { nl: 'Opgave', en: 'Opgave' },
};

export function buildLiveParamsPanel(parent: HTMLElement, o: {
  lang: Lang; onChange(key: string, value: number): void; onLandscape(key: LandscapeLiveKey, value: number): void;
}): LiveParamsPanel {
  let lang = o.lang;
  const root = h('details', { class: 'side-section', id: 'live-params-section' }) as HTMLDetailsElement;
  const title = h('summary');
  const body = h('div', { class: 'side-body' });
  const hint = h('p', { class: 'hint' });
  root.append(title, body);
  body.append(hint);
  parent.appendChild(root);
  const rows = new Map<string, { input: HTMLInputElement; out: HTMLOutputElement; label: HTMLElement; spec: ParamSpec }>();
  const groups = new Map<string, { box: HTMLDetailsElement; summary: HTMLElement }>();
  for (const key of LIVE_PARAMS) {
    const spec = PARAMS[key as keyof typeof PARAMS] as ParamSpec;
    if (spec.kind === 'enum') continue;
    let g = groups.get(spec.group);
    if (!g) {
      const box = h('details', { class: 'param-group', 'data-group': spec.group }) as HTMLDetailsElement;
      box.open = spec.group === 'dialogue';
      const summary = h('summary');
      box.append(summary);
      body.append(box);
      g = { box, summary };
      groups.set(spec.group, g);
    }
    const id = `live-${key}`;
    const input = h('input', { id, type: 'range', min: spec.min, max: spec.max, step: sliderStep(spec.min, spec.max), 'data-live-param': key });
    const out = h('output', { for: id });
    const label = h('span', { class: 'field-label' });
    input.addEventListener('input', () => { out.textContent = fmt(Number(input.value), lang, digits(spec)); });
    input.addEventListener('change', () => o.onChange(key, Number(input.value)));
    g.box.append(h('label', { class: 'field live-param' }, label, h('span', { class: 'range' }, input, out)));
    rows.set(key, { input, out, label, spec });
  }
  // The landscape's controls: the share as a slider, the period (1 to 100,000 ticks) as a number.
  const landBox = h('details', { class: 'param-group', 'data-group': 'landscape' }) as HTMLDetailsElement;
  const landSummary = h('summary');
  const landNote = h('p', { class: 'hint' });
  landBox.append(landSummary, landNote);
  body.append(landBox);
  const landRows = new Map<LandscapeLiveKey, { input: HTMLInputElement; out: HTMLOutputElement | null; label: HTMLElement }>();
  for (const key of Object.keys(LANDSCAPE_LIVE) as LandscapeLiveKey[]) {
    const spec = LANDSCAPE_LIVE[key];
    const id = `live-${key}`;
    const slider = spec.kind === 'number';
    const input = h('input', slider
      ? { id, type: 'range', min: spec.min, max: spec.max, step: sliderStep(spec.min, spec.max), 'data-live-landscape': key }
      : { id, type: 'number', min: spec.min, max: spec.max, step: 1, 'data-live-landscape': key }) as HTMLInputElement;
    const out = slider ? h('output', { for: id }) as HTMLOutputElement : null;
    const label = h('span', { class: 'field-label' });
    if (out) input.addEventListener('input', () => { out.textContent = fmt(Number(input.value), lang, 2); });
    input.addEventListener('change', () => {
      const v = Number(input.value);
      // A typed period outside its range or not whole is not sent: the field shows the run's value again.
      if (!(v >= spec.min && v <= spec.max) || (spec.kind === 'integer' && !Number.isInteger(v))) { render(); return; }
      o.onLandscape(key, v);
    });
    landBox.append(h('label', { class: 'field live-param' }, label, out ? h('span', { class: 'range' }, input, out) : input));
    landRows.set(key, { input, out, label });
  }
  let shownLand: LandscapeNow | null = null;
  let shown: Record<string, number | string> = {};

  function digits(spec: ParamSpec): number {
    if (spec.kind === 'enum') return 0;
    const step = sliderStep(spec.min, spec.max);
    return step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
  }

  function render(): void {
    title.textContent = t('liveParams', lang);
    hint.textContent = t('liveParamsHint', lang);
    for (const [group, g] of groups) g.summary.textContent = GROUP_LABELS[group]?.[lang] ?? group;
    for (const [key, r] of rows) {
      r.label.textContent = `${r.spec.label[lang]}${r.spec.unit ? ` (${r.spec.unit})` : ''}`;
      r.input.title = paramTooltip(r.spec, lang);
      const v = shown[key];
      if (typeof v === 'number') r.out.textContent = fmt(v, lang, digits(r.spec));
    }
    landSummary.textContent = t('landscapeLive', lang);
    const land = shownLand;
    landBox.hidden = !land || land.knobs === 0;
    const tooMany = land !== null && land.knobs > MAX_KNOBS_TURBULENT;
    landNote.textContent = tooMany ? `${t('landscapeTooManyKnobs', lang)} ${MAX_KNOBS_TURBULENT}: ${land.knobs}).` : t('landscapeLiveHint', lang);
    for (const [key, r] of landRows) {
      const spec = LANDSCAPE_LIVE[key];
      r.label.textContent = `${spec.label[lang]} (${spec.unit})`;
      r.input.title = paramTooltip(spec, lang);
      r.input.disabled = tooMany && key === 'turbulence';
      if (land && document.activeElement !== r.input) r.input.value = String(land[key]);
      if (land && r.out) r.out.textContent = fmt(land[key], lang, 2);
    }
  }
  render();
  return {
    show(params, landscape) {
      shown = params;
      if (landscape) shownLand = landscape;
      for (const [key, r] of rows) {
        const v = params[key];
        // Not while the trainer is dragging it.
        if (typeof v === 'number' && document.activeElement !== r.input) r.input.value = String(v);
      }
      render();
    },
    setLang(next) { lang = next; render(); },
  };
}
