// The six domains of network building (“De drie functies van opgavenetwerken”) as a compact row of gauges, 0 … 1.
import { arc } from 'd3-shape';
import { boxOf, createSvg, INK, onResize, serializeSvg, sizeSvg } from './common.ts';
import { MEASURES, MEASURE_INDEX } from '../../sim/meta.ts';
import { pct, type Lang } from '../i18n.ts';

export const DOMAIN_KEYS = ['agendering', 'interaction', 'mobilisation', 'platform', 'samensturing', 'legitimation'] as const;
/** Each domain in plain words (the gauges' tooltips and the Info tab), in both languages. */
export const DOMAIN_TEXT: Record<string, { nl: string; en: string }> = {
  agendering: { nl: 'urgentie: hoe dringend de betrokkenen de opgave voelen.', en: 'urgency: how pressing those involved feel the opgave is.' },
  interaction: { nl: 'ontmoetingen over de grenzen van sectoren heen.', en: 'meetings across sector boundaries.' },
  mobilisation: { nl: 'doen de actoren die het meest geraakt worden mee?', en: 'do the actors most affected take part?' },
  platform: { nl: 'een plek om samen te werken: betrokkenen in lopende projecten.', en: 'a place to work together: engaged actors in running projects.' },
  samensturing: { nl: 'stuurt de kern samen, of bepaalt één partij de agenda?', en: 'does the core steer together, or does one party set the agenda?' },
  legitimation: { nl: 'draagvlak: zijn de geraakte sectoren betrokken en steunen ze de agenda?', en: 'support: are the affected sectors engaged and do they back the agenda?' },
};

export interface DomainsView { update(values: Record<string, number>): void; setLang(lang: Lang): void; svgText(): string }

export const DOMAINS_SIZE = { w: 960, h: 150 };
const r1 = (v: number) => Math.round(v * 10) / 10;

export function createDomainsView(el: HTMLElement, options: { lang: Lang }): DomainsView {
  let lang = options.lang;
  let values: Record<string, number> = {};
  const svg = createSvg(el, DOMAINS_SIZE.w, DOMAINS_SIZE.h, 'domains');
  const cells = svg.selectAll('g.gauge').data(DOMAIN_KEYS).join('g').attr('class', 'gauge').attr('data-key', (k) => k);
  cells.append('path').attr('class', 'bg').attr('fill', '#e8ebf0');
  cells.append('path').attr('class', 'fg').attr('fill', '#3b6ea5');
  cells.append('text').attr('class', 'value').attr('text-anchor', 'middle').attr('font-weight', 750).attr('fill', INK);
  cells.append('text').attr('class', 'label').attr('text-anchor', 'middle').attr('font-weight', 650).attr('fill', INK);
  cells.append('title');

  function render(): void {
    const box = boxOf(el, DOMAINS_SIZE, { w: 300, h: 80 });
    sizeSvg(svg, box);
    const f = box.font;
    const cell = box.w / DOMAIN_KEYS.length;
    const radius = Math.max(16, Math.min(cell * 0.3, box.h - f * 2.6));
    const thick = Math.max(6, radius * 0.26);
    const bg = arc<number>().innerRadius(radius - thick).outerRadius(radius).startAngle(-Math.PI / 2).endAngle(Math.PI / 2);
    const fg = arc<number>().innerRadius(radius - thick).outerRadius(radius).startAngle(-Math.PI / 2)
      .endAngle((v) => -Math.PI / 2 + Math.PI * Math.max(0, Math.min(1, v)));
    cells.attr('transform', (_k, i) => `translate(${r1(cell * i + cell / 2)},${r1(radius + 6)})`);
    cells.select('path.bg').attr('d', bg(0) ?? '');
    cells.select('path.fg').attr('d', (k) => fg(values[k] ?? 0) ?? '');
    cells.select('text.value').attr('y', -2).attr('font-size', Math.round(Math.min(radius * 0.5, f * 1.6)))
      .text((k) => (k in values ? pct(values[k], lang) : '–'));
    cells.select('text.label').attr('y', Math.round(f * 1.5)).attr('font-size', Math.round(f * 1.05))
      .text((k) => MEASURES[MEASURE_INDEX[k]].label[lang]);
    cells.select('title').text((k) => `${MEASURES[MEASURE_INDEX[k]].label[lang]}: ${DOMAIN_TEXT[k][lang]}`);
  }
  onResize(el, render);
  render();
  return {
    update(next) { values = next; render(); },
    setLang(next) { lang = next; render(); },
    svgText() { return serializeSvg(svg.node() as SVGSVGElement); },
  };
}
