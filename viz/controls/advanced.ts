// Advanced: model parameters from the PARAMS table, written as `--set` lines (the same
// overrides the CLI takes), plus free overrides such as `actors=5000` or
// `opgave.beliefNoise=0.4`. Applying restarts the run with them (they are part of the link).
import { h, option, section } from './dom.ts';
import { t, type Lang } from '../i18n.ts';
import { PARAMS, type ParamSpec } from '../../sim/meta.ts';

/** A parameter's tooltip in the app's language: its label, range and default; the schema's
 * explanation is English only, so it is added in English. */
export function paramTooltip(spec: ParamSpec, lang: Lang): string {
  const range = spec.kind === 'enum' ? spec.options.join(' / ') : `${spec.min} – ${spec.max}`;
  const head = `${spec.label[lang]} · ${lang === 'nl' ? 'bereik' : 'range'} ${range} · ${lang === 'nl' ? 'standaard' : 'default'} ${spec.default}`;
  return lang === 'en' ? `${head}\n${spec.doc}` : head;
}

export interface AdvancedPanel { show(sets: string[]): void; setLang(lang: Lang): void }

export function buildAdvancedPanel(parent: HTMLElement, o: { lang: Lang; onApply(sets: string[]): void }): AdvancedPanel {
  let lang = o.lang;
  const { title, body } = section(parent, 'advanced-section', false);
  const area = h('textarea', { id: 'overrides', rows: 3, spellcheck: 'false' });
  const areaLabel = h('label', { class: 'field' });
  const apply = h('button', { id: 'apply-overrides' });
  const params = h('div', { class: 'params' });
  body.append(areaLabel, apply, params);
  apply.addEventListener('click', () => o.onApply(area.value.split('\n').map((s) => s.trim()).filter((s) => s.includes('='))));

  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const labels = new Map<string, HTMLElement>();
  for (const [key, spec] of Object.entries(PARAMS) as [string, ParamSpec][]) {
    let input: HTMLInputElement | HTMLSelectElement;
    if (spec.kind === 'enum') {
      input = h('select', { 'data-param': key });
      input.append(option('', `(${spec.default})`), ...spec.options.map((v) => option(v, v)));
    } else {
      input = h('input', { type: 'number', 'data-param': key, min: spec.min, max: spec.max, step: spec.kind === 'integer' ? 1 : 'any', placeholder: String(spec.default) });
    }
    input.addEventListener('change', () => setLine(key, input.value));
    const label = h('span', { class: 'field-label' });
    labels.set(key, label);
    inputs.set(key, input);
    params.append(h('label', { class: 'param' }, label, input));
  }

  function setLine(key: string, value: string): void {
    const lines = area.value.split('\n').map((s) => s.trim()).filter((s) => s && !s.startsWith(`${key}=`));
    if (value !== '') lines.push(`${key}=${value}`);
    area.value = lines.join('\n');
  }

  function render(): void {
    title.textContent = t('advanced', lang);
    areaLabel.replaceChildren(h('span', { class: 'field-label', text: t('overrides', lang) }), area);
    apply.textContent = t('restartWith', lang);
    for (const [key, spec] of Object.entries(PARAMS) as [string, ParamSpec][]) {
      labels.get(key)!.textContent = `${spec.label[lang]}${spec.unit ? ` (${spec.unit})` : ''}`;
      labels.get(key)!.parentElement!.title = paramTooltip(spec, lang);
    }
  }
  render();
  return {
    show(sets) {
      area.value = sets.join('\n');
      for (const [key, input] of inputs) {
        const line = sets.find((s) => s.startsWith(`${key}=`));
        input.value = line ? line.slice(key.length + 1) : '';
      }
    },
    setLang(next) { lang = next; render(); },
  };
}
