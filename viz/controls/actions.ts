// Header actions: language, presenter mode, share link, export menu.
import { h } from './dom.ts';
import { t, type Lang } from '../i18n.ts';

export type ExportKind = 'csv' | 'json' | 'events' | 'rules';
export interface Actions { setLang(lang: Lang): void; setPresenter(on: boolean): void; flash(text: string): void }

export function buildActions(el: HTMLElement, o: {
  lang: Lang; onLang(): void; onPresenter(): void; onShare(): void; onExport(kind: ExportKind): void; cliCommand(): string; onCompare(): void; onAbout(): void;
}): Actions {
  let lang = o.lang;
  let presenter = false;
  const langBtn = h('button', { id: 'lang-toggle', class: 'lang-toggle' });
  const presBtn = h('button', { id: 'presenter-toggle' });
  const shareBtn = h('button', { id: 'share' });
  const compareBtn = h('button', { id: 'compare-open' });
  const aboutBtn = h('button', { id: 'about-open' });
  // In presenter mode the sidebar (scenario, rules, levers) folds into a drawer this opens.
  const drawerBtn = h('button', { id: 'controls-toggle', class: 'controls-toggle', 'aria-controls': 'sidebar', 'aria-expanded': 'false' });
  const menu = h('details', { class: 'menu', id: 'export-menu' }) as HTMLDetailsElement;
  const summary = h('summary');
  const list = h('div', { class: 'menu-list' });
  const cli = h('code', { class: 'cli', id: 'cli-command' });
  const cliLabel = h('div', { class: 'cli-label' });
  const flashBox = h('div', { class: 'flash', role: 'status' });
  menu.append(summary, list);
  el.append(drawerBtn, aboutBtn, compareBtn, langBtn, presBtn, shareBtn, menu, flashBox);
  compareBtn.addEventListener('click', () => o.onCompare());
  aboutBtn.addEventListener('click', () => o.onAbout());
  drawerBtn.addEventListener('click', () => {
    const open = !document.body.classList.contains('drawer-open');
    document.body.classList.toggle('drawer-open', open);
    drawerBtn.setAttribute('aria-expanded', String(open));
  });
  langBtn.addEventListener('click', () => o.onLang());
  presBtn.addEventListener('click', () => o.onPresenter());
  shareBtn.addEventListener('click', () => o.onShare());
  menu.addEventListener('toggle', () => { if (menu.open) cli.textContent = o.cliCommand(); });
  const items: [ExportKind, string][] = [['csv', 'CSV (run.csv)'], ['json', 'JSON (run.json)'], ['events', ''], ['rules', 'rules.json']];
  const buttons = items.map(([kind]) => {
    const b = h('button', { 'data-export': kind });
    b.addEventListener('click', () => { o.onExport(kind); });
    return b;
  });
  list.append(...buttons, cliLabel, cli);
  let flashTimer = 0;

  function render(): void {
    langBtn.textContent = lang === 'nl' ? 'EN' : 'NL';
    langBtn.title = lang === 'nl' ? 'Switch to English' : 'Naar het Nederlands';
    presBtn.textContent = presenter ? t('presenterExit', lang) : t('presenter', lang);
    shareBtn.textContent = t('share', lang);
    compareBtn.textContent = t('compare', lang);
    aboutBtn.textContent = t('about', lang);
    drawerBtn.textContent = t('controlsDrawer', lang);
    summary.textContent = t('export', lang);
    items.forEach(([kind, label], i) => { buttons[i].textContent = kind === 'events' ? `${t('interventionsFile', lang)} events.json` : label; });
    cliLabel.textContent = t('cliCommand', lang);
  }
  render();
  return {
    setLang(next) { lang = next; render(); },
    setPresenter(on) { presenter = on; render(); },
    flash(text) {
      flashBox.textContent = text;
      flashBox.classList.add('on');
      clearTimeout(flashTimer);
      flashTimer = window.setTimeout(() => flashBox.classList.remove('on'), 2500);
    },
  };
}
