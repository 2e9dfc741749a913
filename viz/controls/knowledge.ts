// For an imported scenario: which aspects are knowledge aspects (with a hidden solution value)
// and which are value aspects — what `samenspel import --solution aspect=value` does on the
// command line. Applying it edits the imported scenario exactly as the importer would (kind
// and solution on the aspect) and restarts the run with it; the link carries the result.
import { h, section } from './dom.ts';
import { t, type Lang } from '../i18n.ts';
import type { RunMeta } from '../../workers/app-protocol.ts';

export interface KnowledgePanel { show(meta: RunMeta, imported: boolean): void; setLang(lang: Lang): void }

/** The scenario JSON with the given aspects as knowledge aspects (solution values) and the rest as value aspects. */
export function withKnowledge(json: Record<string, unknown>, solutions: Map<string, number>): Record<string, unknown> {
  const aspects = (json.aspects as { id: string; label: unknown; kind: string; solution?: number }[]).map((a) => {
    const { solution: _old, ...rest } = a;
    return solutions.has(a.id) ? { ...rest, kind: 'knowledge', solution: solutions.get(a.id)! } : { ...rest, kind: 'value' };
  });
  return { ...json, aspects };
}

export function buildKnowledgePanel(parent: HTMLElement, o: { lang: Lang; onApply(solutions: Map<string, number>): void }): KnowledgePanel {
  let lang = o.lang;
  const { root, title, body } = section(parent, 'knowledge-section', false);
  root.hidden = true;
  const hint = h('p', { class: 'hint' });
  const list = h('div', { class: 'knowledge-list' });
  const apply = h('button', { id: 'knowledge-apply', class: 'small' });
  body.append(hint, list, apply);
  let rows: { id: string; check: HTMLInputElement; value: HTMLInputElement }[] = [];
  apply.addEventListener('click', () => {
    const solutions = new Map<string, number>();
    for (const r of rows) {
      const v = Number(r.value.value.replace(',', '.'));
      if (r.check.checked) solutions.set(r.id, Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0.5);
    }
    o.onApply(solutions);
  });
  function render(): void {
    title.textContent = t('knowledgeTitle', lang);
    hint.textContent = t('knowledgeHint', lang);
    apply.textContent = t('restartWith', lang);
  }
  render();
  return {
    show(meta, imported) {
      root.hidden = !imported;
      if (!imported) return;
      const made = meta.aspects.map((a) => {
        const check = h('input', { type: 'checkbox', 'data-knowledge': a.id });
        check.checked = a.kind === 'knowledge';
        const value = h('input', { type: 'number', min: 0, max: 1, step: 0.05, value: a.solution ?? 0.5, 'data-solution': a.id, 'aria-label': `${a.label[lang]}: s*` });
        return { id: a.id, check, value, row: h('label', { class: 'check knowledge-row' }, check, h('span', { text: a.label[lang] }), value) };
      });
      rows = made;
      list.replaceChildren(...made.map((r) => r.row));
    },
    setLang(next) { lang = next; render(); },
  };
}
