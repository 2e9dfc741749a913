// Every spelregel as a control. Before the run starts a choice sets the start rules; during
// the run it is an intervention (run.setRules): applied at the next tick, logged and marked.
import { h, option, section } from './dom.ts';
import { t, type Lang } from '../i18n.ts';
import { DEFAULT_RULES, OPTION_LABELS, PRESETS, RULE_LABELS, RULE_OPTIONS, type BehaviourMix, type PartialRules, type Rules } from '../../sim/meta.ts';
import type { RunMeta } from '../../workers/app-protocol.ts';

type Change = string | PartialRules;
const ENUM_KEYS = ['setter', 'entry', 'sanction', 'decision', 'knowledge', 'leadership', 'structure'] as const;
const ORDER: (keyof Rules)[] = ['entry', 'decision', 'leadership', 'leader', 'knowledge', 'tolerance', 'sanction', 'setter', 'structure', 'behaviour'];

const MIXES: { id: string; mix: BehaviourMix | null; label: { nl: string; en: string } }[] = [
  { id: 'own', mix: null, label: { nl: 'eigen profielen (scenario)', en: "own profiles (scenario)" } },
  { id: 'netwerker', mix: { netwerker: 1, transactioneel: 0, meelifter: 0 }, label: { nl: 'allemaal netwerkers', en: 'all networkers' } },
  { id: 'transactioneel', mix: { netwerker: 0, transactioneel: 1, meelifter: 0 }, label: { nl: 'allemaal transactioneel', en: 'all transactional' } },
  { id: 'gemengd', mix: { netwerker: 0.4, transactioneel: 0.3, meelifter: 0.3 }, label: { nl: 'gemengd 40/30/30', en: 'mixed 40/30/30' } },
  { id: 'meelifters', mix: { netwerker: 0.3, transactioneel: 0.2, meelifter: 0.5 }, label: { nl: 'veel meelifters 30/20/50', en: 'many free riders 30/20/50' } },
];

/** The preset whose rules the given rules equal, if any. */
export function matchingPreset(rules: Rules): string | null {
  for (const p of PRESETS) {
    const full = { ...DEFAULT_RULES, ...p.rules };
    if ((Object.keys(full) as (keyof Rules)[]).every((k) => JSON.stringify(full[k]) === JSON.stringify(rules[k]))) return p.id;
  }
  return null;
}

/** `rules()` reads the app's one rules value (viz/state/app.ts); `showRules()` redraws from it. */
export interface RulesPanel { setMeta(meta: RunMeta): void; showRules(): void; setLang(lang: Lang): void }
interface RulesOptions { lang: Lang; rules(): Rules | null; onChange(change: Change): void }

export function buildRulesPanel(parent: HTMLElement, o: RulesOptions): RulesPanel {
  let lang = o.lang;
  let meta: RunMeta | null = null;
  const { title, body } = section(parent, 'rules-section');
  const hint = h('p', { class: 'hint' });
  const preset = h('select', { id: 'rule-preset' });
  const presetLabel = h('label', { class: 'field' });
  const presetDesc = h('p', { class: 'preset-desc' });
  const fields = h('div', { class: 'rule-fields' });
  body.append(hint, presetLabel, presetDesc, fields);
  preset.addEventListener('change', () => { if (preset.value) o.onChange(preset.value); });

  const controls = new Map<keyof Rules, HTMLElement>();
  const labels = new Map<keyof Rules, HTMLElement>();
  for (const key of ORDER) {
    const label = h('span', { class: 'field-label' });
    labels.set(key, label);
    let control: HTMLElement;
    if ((ENUM_KEYS as readonly string[]).includes(key)) {
      const sel = h('select', { id: `rule-${key}`, 'data-rule': key });
      sel.addEventListener('change', () => o.onChange({ [key]: sel.value } as PartialRules));
      control = sel;
    } else if (key === 'tolerance') {
      const range = h('input', { id: 'rule-tolerance', type: 'range', min: 0, max: 1, step: 0.05, 'data-rule': key });
      const out = h('output', { for: 'rule-tolerance' });
      range.addEventListener('input', () => { out.textContent = Number(range.value).toFixed(2); });
      range.addEventListener('change', () => o.onChange({ tolerance: Number(range.value) }));
      control = h('span', { class: 'range' }, range, out);
    } else if (key === 'leader') {
      const sel = h('select', { id: 'rule-leader', 'data-rule': key });
      sel.addEventListener('change', () => o.onChange({ leader: sel.value === '' ? null : sel.value }));
      control = sel;
    } else {
      const sel = h('select', { id: 'rule-behaviour', 'data-rule': key });
      const custom = h('div', { class: 'mix-custom', hidden: true });
      const inputs = (['netwerker', 'transactioneel', 'meelifter'] as const).map((a) => {
        const inp = h('input', { type: 'number', min: 0, max: 1, step: 0.1, value: 0.33, 'data-mix': a });
        return [a, inp] as const;
      });
      const apply = h('button', { class: 'small' });
      apply.addEventListener('click', () => {
        const mix = Object.fromEntries(inputs.map(([a, inp]) => [a, Math.max(0, Math.min(1, Number(inp.value) || 0))])) as BehaviourMix;
        if (mix.netwerker + mix.transactioneel + mix.meelifter > 0) o.onChange({ behaviour: mix });
      });
      custom.append(...inputs.map(([a, inp]) => h('label', { class: 'mix' }, `${a} `, inp)), apply);
      sel.addEventListener('change', () => {
        if (sel.value === 'custom') { custom.hidden = false; return; }
        custom.hidden = true;
        const m = MIXES.find((x) => x.id === sel.value);
        if (m) o.onChange({ behaviour: m.mix });
      });
      control = h('span', { class: 'mix-field' }, sel, custom);
    }
    controls.set(key, control);
    fields.append(h('label', { class: 'field' }, label, control));
  }

  function render(): void {
    const rules = o.rules() ?? DEFAULT_RULES;
    title.textContent = t('rules', lang);
    hint.textContent = t('rulesHint', lang);
    presetLabel.replaceChildren(h('span', { class: 'field-label', text: t('preset', lang) }), preset);
    const current = matchingPreset(rules);
    preset.replaceChildren(option('', t('customRules', lang), current === null), ...PRESETS.map((p) => option(p.id, p.title[lang], p.id === current)));
    presetDesc.textContent = current ? PRESETS.find((p) => p.id === current)!.description[lang] : '';
    for (const key of ORDER) {
      labels.get(key)!.textContent = RULE_LABELS[key][lang];
      const c = controls.get(key)!;
      if ((ENUM_KEYS as readonly string[]).includes(key)) {
        const sel = c as HTMLSelectElement;
        const opts = RULE_OPTIONS[key as (typeof ENUM_KEYS)[number]];
        sel.replaceChildren(...opts.map((v) => option(v, OPTION_LABELS[v]?.[lang] ?? v, rules[key] === v)));
      } else if (key === 'tolerance') {
        const range = c.querySelector('input')!;
        range.value = String(rules.tolerance);
        c.querySelector('output')!.textContent = rules.tolerance.toFixed(2);
      } else if (key === 'leader') {
        const sel = c as HTMLSelectElement;
        const names = meta ? meta.names.filter((_n, i) => meta!.named[i]) : [];
        if (rules.leader && !names.includes(rules.leader)) names.push(rules.leader);
        sel.replaceChildren(option('', t('strongestClaim', lang), rules.leader === null), ...names.map((n) => option(n, n, n === rules.leader)));
      } else {
        const sel = c.querySelector('select')!;
        const found = MIXES.find((m) => JSON.stringify(m.mix) === JSON.stringify(rules.behaviour));
        sel.replaceChildren(...MIXES.map((m) => option(m.id, m.label[lang], m === found)), option('custom', t('custom', lang), !found));
        c.querySelector<HTMLButtonElement>('button')!.textContent = t('apply', lang);
        if (!found && rules.behaviour) {
          for (const inp of c.querySelectorAll<HTMLInputElement>('input[data-mix]')) inp.value = String(rules.behaviour[inp.dataset.mix as keyof BehaviourMix]);
        }
      }
    }
  }
  render();
  return {
    setMeta(m) { meta = m; render(); },
    showRules() { render(); },
    setLang(next) { lang = next; render(); },
  };
}

/** The header's short version for presenting: the preset and the leadership. */
export function buildQuickRules(el: HTMLElement, o: RulesOptions): RulesPanel {
  let lang = o.lang;
  const preset = h('select', { id: 'quick-preset', title: '' });
  const leadership = h('select', { id: 'quick-leadership' });
  const l1 = h('label', { class: 'quick' });
  const l2 = h('label', { class: 'quick' });
  el.append(l1, l2);
  preset.addEventListener('change', () => { if (preset.value) o.onChange(preset.value); });
  leadership.addEventListener('change', () => o.onChange({ leadership: leadership.value as Rules['leadership'] }));
  function render(): void {
    const rules = o.rules() ?? DEFAULT_RULES;
    const current = matchingPreset(rules);
    preset.replaceChildren(option('', `${t('rules', lang)}: ${t('customRules', lang)}`, current === null), ...PRESETS.map((p) => option(p.id, p.title[lang], p.id === current)));
    preset.title = t('preset', lang);
    leadership.replaceChildren(...RULE_OPTIONS.leadership.map((v) => option(v, `${t('leadershipShort', lang)}: ${OPTION_LABELS[v][lang]}`, rules.leadership === v)));
    leadership.title = RULE_LABELS.leadership[lang];
    l1.replaceChildren(preset);
    l2.replaceChildren(leadership);
  }
  render();
  return {
    setMeta() { render(); },
    showRules() { render(); },
    setLang(next) { lang = next; render(); },
  };
}
