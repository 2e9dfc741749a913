// The event log in plain language (the run's log, nl or en), newest first. Interventions and
// scheduled events (marked) stand out; clicking an entry highlights its tick in the charts.
// Updated incrementally: a large run logs hundreds of moves per tick.
import type { LogEntry } from '../../sim/meta.ts';
import { t, type Lang } from '../i18n.ts';

export interface EventLogView {
  append(entries: LogEntry[]): void;
  clear(): void;
  setHighlight(tick: number | null): void;
  setLang(lang: Lang): void;
}

const MAX_SHOWN = 200;

export function createEventLogView(el: HTMLElement, options: { lang: Lang; onSelectTick?(tick: number): void }): EventLogView {
  let lang = options.lang;
  let entries: LogEntry[] = [];
  let highlight: number | null = null;
  let onlyMarked = false;
  el.classList.add('event-log');
  const bar = document.createElement('label');
  bar.className = 'log-filter';
  const box = document.createElement('input');
  box.type = 'checkbox';
  const boxLabel = document.createElement('span');
  bar.append(box, boxLabel);
  const list = document.createElement('ol');
  list.className = 'log-list';
  const empty = document.createElement('li');
  empty.className = 'log-empty';
  el.append(bar, list);
  box.addEventListener('change', () => { onlyMarked = box.checked; render(); });
  list.addEventListener('click', (e) => {
    const li = (e.target as HTMLElement).closest('li[data-tick]');
    if (li) options.onSelectTick?.(Number(li.getAttribute('data-tick')));
  });

  function item(e: LogEntry): HTMLLIElement {
    const li = document.createElement('li');
    li.className = `log-entry${e.marked ? ' marked' : ''}${e.tick === highlight ? ' active' : ''} kind-${e.kind}`;
    li.dataset.tick = String(e.tick);
    const tick = document.createElement('span');
    tick.className = 'log-tick';
    tick.textContent = String(e.tick);
    const text = document.createElement('span');
    text.className = 'log-text';
    text.textContent = e[lang];
    li.append(tick, text);
    return li;
  }

  function render(): void {
    boxLabel.textContent = t('onlyMarked', lang);
    const shown: HTMLLIElement[] = [];
    for (let i = entries.length - 1; i >= 0 && shown.length < MAX_SHOWN; i--) {
      if (!onlyMarked || entries[i].marked) shown.push(item(entries[i]));
    }
    empty.textContent = t('noMarks', lang);
    list.replaceChildren(...(shown.length ? shown : [empty]));
  }

  function prepend(next: LogEntry[]): void {
    const fresh: HTMLLIElement[] = [];
    for (let i = next.length - 1; i >= 0 && fresh.length < MAX_SHOWN; i--) {
      if (!onlyMarked || next[i].marked) fresh.push(item(next[i]));
    }
    if (!fresh.length) return;
    if (empty.parentNode) empty.remove();
    list.prepend(...fresh);
    while (list.childElementCount > MAX_SHOWN) list.lastElementChild!.remove();
  }

  render();
  return {
    append(next) {
      if (!next.length) return;
      entries = entries.concat(next);
      prepend(next);
    },
    clear() { entries = []; render(); },
    setHighlight(tick) {
      highlight = tick;
      for (const li of list.querySelectorAll<HTMLElement>('li.log-entry')) li.classList.toggle('active', Number(li.dataset.tick) === tick);
    },
    setLang(next) { lang = next; render(); },
  };
}
