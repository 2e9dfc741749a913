// Monitors: large live numbers a trainer can point at (richten, leren, handelen, impact and the
// core / periphery / outside counts). Each number is an element with data-monitor="<measure>"
// whose text is the current value, so tests and screen readers read what the room sees.
import { MEASURES, MEASURE_INDEX } from '../../sim/meta.ts';
import { FUNCTION_COLORS } from './common.ts';
import { fmt, t, type Lang } from '../i18n.ts';

export const MONITOR_KEYS = ['richten', 'leren', 'handelen', 'impact', 'core', 'periphery', 'outside'] as const;
export type MonitorKey = (typeof MONITOR_KEYS)[number];

const COUNTS = new Set<string>(['core', 'periphery', 'outside']);
const RING_COLORS: Record<string, string> = { core: '#1d2433', periphery: '#5d6577', outside: '#9aa2b1' };

export interface MonitorsView {
  update(value: (key: MonitorKey) => number): void;
  /** A branch's original at the same tick, shown small under each number (null: none). */
  setGhost(value: ((key: MonitorKey) => number) | null): void;
  setLang(lang: Lang): void;
}

/** The value as the monitor prints it: counts whole, the functions and impact with two decimals. */
export function monitorText(key: string, value: number, lang: Lang): string {
  return COUNTS.has(key) ? fmt(value, lang, 0) : fmt(value, lang, 2);
}

export function createMonitorsView(el: HTMLElement, options: { lang: Lang }): MonitorsView {
  let lang = options.lang;
  const values = new Map<string, string>();
  const cells = MONITOR_KEYS.map((key) => {
    const cell = document.createElement('div');
    cell.className = `monitor monitor-${COUNTS.has(key) ? 'count' : 'function'}`;
    const value = document.createElement('span');
    value.className = 'monitor-value';
    value.dataset.monitor = key;
    value.textContent = '–';
    value.style.color = FUNCTION_COLORS[key] ?? RING_COLORS[key] ?? '';
    const label = document.createElement('span');
    label.className = 'monitor-label';
    const ghost = document.createElement('span');
    ghost.className = 'monitor-ghost';
    ghost.dataset.monitorGhost = key;
    ghost.hidden = true;
    cell.append(value, ghost, label);
    el.appendChild(cell);
    return { key, cell, value, label, ghost };
  });

  function labels(): void {
    for (const c of cells) {
      const spec = MEASURES[MEASURE_INDEX[c.key]];
      c.label.textContent = spec.label[lang];
      c.cell.title = `${spec.label[lang]} — ${t(`monitorHint_${c.key}` as never, lang)}`;
    }
  }
  labels();
  let lastValue: ((key: MonitorKey) => number) | null = null;
  return {
    update(value) {
      lastValue = value;
      for (const c of cells) {
        const text = monitorText(c.key, value(c.key), lang);
        if (values.get(c.key) !== text) { values.set(c.key, text); c.value.textContent = text; }
      }
    },
    setGhost(value) {
      for (const c of cells) {
        c.ghost.hidden = value === null;
        if (value) c.ghost.textContent = `${t('original', lang)} ${monitorText(c.key, value(c.key), lang)}`;
      }
    },
    setLang(next) { lang = next; values.clear(); labels(); if (lastValue) this.update(lastValue); },
  };
}
