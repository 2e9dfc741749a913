// The scenario picker (every scenarios/*.json), its story and "watch for" notes, the seed,
// and the number of actors for scenarios that have an `actors` alias.
import { h, option, section } from './dom.ts';
import { t, type Lang } from '../i18n.ts';
import type { AppSettings } from '../state/url.ts';
import type { RunMeta } from '../../workers/app-protocol.ts';

interface ScenarioFile {
  json: Record<string, unknown>;
  title: { nl: string; en: string };
  /** Where it came from, for error messages (imported ones: the dropped file). */
  file?: string;
  /** Imported in the app (not one of scenarios/): a link must carry it. */
  imported?: boolean;
}

const files = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;

/** Shipped scenarios by id (the file name, as the CLI names them). */
export const SCENARIOS: Map<string, ScenarioFile> = new Map(
  Object.entries(files)
    .map(([path, json]) => [path.replace(/^.*\//, '').replace(/\.json$/, ''), { json, title: json.title as ScenarioFile['title'] }] as const)
    .sort((a, b) => a[0].localeCompare(b[0])),
);

const STORE = 'samenspel.scenario.';

/** Adds an imported scenario to the picker, and keeps it in this browser (so a reload or a
 * link opened here finds it again). */
export function registerScenario(id: string, json: Record<string, unknown>, file?: string): void {
  const title = json.title as ScenarioFile['title'] | undefined;
  SCENARIOS.set(id, { json, title: title?.nl ? title : { nl: id, en: id }, file, imported: true });
  try { localStorage.setItem(STORE + id, JSON.stringify(json)); } catch { /* storage full or off: fine */ }
}

/** A scenario imported earlier in this browser, if any. */
export function storedScenario(id: string): Record<string, unknown> | null {
  try {
    const text = localStorage.getItem(STORE + id);
    return text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch { return null; }
}

export interface ScenarioPanel { show(settings: AppSettings, meta: RunMeta): void; setLang(lang: Lang): void }

export function buildScenarioPanel(parent: HTMLElement, o: { lang: Lang; onScenario(id: string): void; onSeed(seed: number | string): void; onActors(n: number): void; onImport(): void }): ScenarioPanel {
  let lang = o.lang;
  const { title, body } = section(parent, 'scenario-section');
  const picker = h('select', { id: 'scenario-picker' });
  const seed = h('input', { id: 'seed', type: 'text', inputmode: 'numeric', size: 8 });
  const actors = h('input', { id: 'actors', type: 'number', min: 10, max: 20000, step: 10 });
  const seedLabel = h('label', { class: 'inline' });
  const actorsLabel = h('label', { class: 'inline actors-field' });
  const story = h('p', { class: 'story' });
  const watchTitle = h('h4', { class: 'watch-title' });
  const watch = h('ul', { class: 'watch-for' });
  const row = h('div', { class: 'row' }, seedLabel, actorsLabel);
  const importBtn = h('button', { id: 'import-button', class: 'small' });
  const importHint = h('p', { class: 'hint' });
  importBtn.addEventListener('click', () => o.onImport());
  body.append(picker, row, story, watchTitle, watch, importBtn, importHint);
  picker.addEventListener('change', () => o.onScenario(picker.value));
  seed.addEventListener('change', () => {
    const v = seed.value.trim();
    if (v === '') return;
    const n = Number(v);
    o.onSeed(Number.isFinite(n) ? n : v);
  });
  actors.addEventListener('change', () => {
    const n = Math.round(Number(actors.value));
    if (n >= 1) o.onActors(n);
  });
  let last: { settings: AppSettings; meta: RunMeta } | null = null;

  function render(): void {
    title.textContent = t('scenario', lang);
    picker.replaceChildren(...[...SCENARIOS.entries()].map(([id, f]) => option(id, f.title[lang], id === last?.settings.scenario)));
    seedLabel.replaceChildren(document.createTextNode(`${t('seed', lang)} `), seed);
    actorsLabel.replaceChildren(document.createTextNode(`${t('actors', lang)} `), actors);
    importBtn.textContent = t('importCsv', lang);
    importHint.textContent = t('dropCsv', lang);
    if (!last) return;
    const { settings, meta } = last;
    seed.value = String(settings.seed);
    const aliases = (SCENARIOS.get(settings.scenario)?.json.aliases ?? {}) as Record<string, string>;
    actorsLabel.style.display = 'actors' in aliases ? '' : 'none';
    actors.value = String(meta.n);
    story.textContent = meta.scenario.description[lang];
    const notes = meta.scenario.watchFor?.[lang] ?? [];
    watchTitle.textContent = notes.length ? t('watchFor', lang) : '';
    watch.replaceChildren(...notes.map((n) => h('li', { text: n })));
  }
  render();
  return {
    show(settings, meta) { last = { settings, meta }; render(); },
    setLang(next) { lang = next; render(); },
  };
}
