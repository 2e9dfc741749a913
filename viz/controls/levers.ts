// The six domains as levers (ODD.md (Spelregels)): raise urgency, fund a platform, mobilise an
// actor, grant a mandate, broker a meeting. Each is an intervention (logged and marked).
import { h, option, section } from './dom.ts';
import { t, type Lang } from '../i18n.ts';
import type { Intervention } from '../../sim/meta.ts';
import type { RunMeta } from '../../workers/app-protocol.ts';

export interface LeversPanel { setMeta(meta: RunMeta): void; setLang(lang: Lang): void }

export function buildLeversPanel(parent: HTMLElement, o: { lang: Lang; onIntervene(e: Intervention): void }): LeversPanel {
  let lang = o.lang;
  let meta: RunMeta | null = null;
  const { title, body } = section(parent, 'levers-section');
  const agendering = h('button', { id: 'lever-agendering', class: 'lever' });
  const platform = h('button', { id: 'lever-platform', class: 'lever' });
  const mobTarget = h('select', { id: 'lever-mobilise-target' });
  const mobGo = h('button', { id: 'lever-mobilise', class: 'small' });
  const manTarget = h('select', { id: 'lever-mandate-target' });
  const manGo = h('button', { id: 'lever-mandate', class: 'small' });
  const brA = h('select', { id: 'lever-broker-a' });
  const brB = h('select', { id: 'lever-broker-b' });
  const brGo = h('button', { id: 'lever-broker', class: 'small' });
  const mobLabel = h('span'), manLabel = h('span'), brLabel = h('span'), withLabel = h('span');
  body.append(
    h('div', { class: 'lever-row' }, agendering, platform),
    h('div', { class: 'lever-row' }, mobLabel, mobTarget, mobGo),
    h('div', { class: 'lever-row' }, manLabel, manTarget, manGo),
    h('div', { class: 'lever-row' }, brLabel, brA, withLabel, brB, brGo),
  );
  agendering.addEventListener('click', () => o.onIntervene({ type: 'agendering', amount: 0.3 }));
  platform.addEventListener('click', () => o.onIntervene({ type: 'platform', amount: 5 }));
  mobGo.addEventListener('click', () => o.onIntervene({ type: 'mobilise', target: mobTarget.value }));
  manGo.addEventListener('click', () => o.onIntervene({ type: 'mandate', target: manTarget.value, amount: 0.3 }));
  brGo.addEventListener('click', () => { if (brA.value !== brB.value) o.onIntervene({ type: 'broker', target: brA.value, with: brB.value }); });

  function targets(): HTMLOptionElement[] {
    if (!meta) return [];
    const m = meta;
    const out: HTMLOptionElement[] = [];
    m.names.forEach((n, i) => { if (m.named[i]) out.push(option(n, n)); });
    for (const g of m.groups) out.push(option(`group:${g.name}`, `${t('group', lang)}: ${g.label[lang]}`));
    for (const s of m.sectors) out.push(option(`sector:${s.id}`, `${t('sector', lang)}: ${s.label[lang]}`));
    return out;
  }

  function render(): void {
    title.textContent = t('levers', lang);
    agendering.textContent = `${t('agendering', lang)} (+30 %)`;
    platform.textContent = `${t('platform', lang)} (5)`;
    mobLabel.textContent = t('mobilise', lang);
    manLabel.textContent = t('mandate', lang);
    brLabel.textContent = t('broker', lang);
    withLabel.textContent = t('with', lang);
    for (const b of [mobGo, manGo, brGo]) b.textContent = t('go', lang);
    for (const sel of [mobTarget, manTarget, brA, brB]) {
      const v = sel.value;
      sel.replaceChildren(...targets());
      if (v && [...sel.options].some((x) => x.value === v)) sel.value = v;
    }
    if (meta && brB.selectedIndex === 0 && brB.options.length > 1 && brA.value === brB.value) brB.selectedIndex = 1;
  }
  render();
  return {
    setMeta(m) { meta = m; render(); },
    setLang(next) { lang = next; render(); },
  };
}
