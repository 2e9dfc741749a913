// For an imported scenario: which aspects are knowledge aspects and which are value aspects —
// what `samenspel import --knowledge a,b` does on the command line. A knowledge aspect
// needs no hidden solution value any more: since engine 0.3 its side of the opgave is a
// landscape of knobs (docs/ODD.md §7.4) drawn from the run's seed. Applying it edits the
// imported scenario (the aspects' kind; an old `solution` is dropped) and restarts the run with
// it; the link carries the result.
import { h, section } from './dom.ts';
import { t, type Lang } from '../i18n.ts';
import type { RunMeta } from '../../workers/app-protocol.ts';

export interface KnowledgePanel { show(meta: RunMeta, imported: boolean): void; setLang(lang: Lang): void }

/** The scenario JSON with the given aspects as knowledge aspects and the rest as value aspects. */
export function withKnowledge(json: Record<string, unknown>, knowledge: Set<string>): Record<string, unknown> {
  const aspects = (json.aspects as { id: string; label: unknown; kind: string; solution?: number }[]).map((a) => {
    const { solution: _old, ...rest } = a;
    return { ...rest, kind: knowledge.has(a.id) ? 'knowledge' : 'value' };
  });
  return { ...json, aspects };
}

export function buildKnowledgePanel(parent: HTMLElement, o: { lang: Lang; onApply(knowledge: Set<string>): void }): KnowledgePanel {
  let lang = o.lang;
  const { root, title, body } = section(parent, 'knowledge-section', false);
  root.hidden = true;
  const hint = h('p', { class: 'hint' });
  const list = h('div', { class: 'knowledge-list' });
  const apply = h('button', { id: 'knowledge-apply', class: 'small' });
  body.append(hint, list, apply);
  let rows: { id: string; check: HTMLInputElement }[] = [];
  apply.addEventListener('click', () => o.onApply(new Set(rows.filter((r) => r.check.checked).map((r) => r.id))));
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
        return { id: a.id, check, row: h('label', { class: 'check knowledge-row' }, check, h('span', { text: a.label[lang] })) };
      });
      rows = made;
      list.replaceChildren(...made.map((r) => r.row));
    },
    setLang(next) { lang = next; render(); },
  };
}
