// The plain-language event log, in Dutch and English (ODD.md §7.9).
import { OPTION_LABELS, RULE_LABELS, type Rules } from '../schema/rules.ts';
import type { Bilingual } from '../schema/params.ts';

export interface LogEntry {
  tick: number;
  /** What happened: an event type, or 'position', 'project', 'sanction', 'rules-by-core'. */
  kind: string;
  /** True for scheduled events and interventions (marked on the time axis). */
  marked: boolean;
  nl: string;
  en: string;
}

const POS_NL = ['buiten', 'de periferie', 'de kern'];
const POS_EN = ['outside', 'the periphery', 'the core'];

export function positionText(name: string, from: number, to: number): Bilingual {
  if (to === 2) return { nl: `${name} treedt toe tot de kern`, en: `${name} joins the core` };
  if (from === 2) return { nl: `${name} verlaat de kern en gaat naar ${POS_NL[to]}`, en: `${name} leaves the core for ${POS_EN[to]}` };
  if (to === 1) return { nl: `${name} sluit aan in de periferie`, en: `${name} joins the periphery` };
  return { nl: `${name} haakt af (buiten het netwerk)`, en: `${name} drops out (outside the network)` };
}

export function rulesChangeText(before: Rules, after: Rules): Bilingual {
  const nl: string[] = [], en: string[] = [];
  for (const key of Object.keys(after) as (keyof Rules)[]) {
    const a = before[key], b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const show = (v: unknown, lang: 'nl' | 'en') =>
      v === null ? (lang === 'nl' ? 'geen' : 'none')
        : typeof v === 'string' ? (OPTION_LABELS[v]?.[lang] ?? v)
          : typeof v === 'number' ? String(v)
            : Object.entries(v as object).map(([k2, v2]) => `${k2} ${Math.round(Number(v2) * 100)} %`).join(', ');
    nl.push(`${RULE_LABELS[key].nl.toLowerCase()} → ${show(b, 'nl')}`);
    en.push(`${RULE_LABELS[key].en.toLowerCase()} → ${show(b, 'en')}`);
  }
  if (!nl.length) return { nl: 'Spelregels opnieuw bevestigd (geen wijziging)', en: 'Rules confirmed (no change)' };
  return { nl: `Spelregels gewijzigd: ${nl.join('; ')}`, en: `Rules changed: ${en.join('; ')}` };
}

export const pct = (x: number) => `${Math.round(x * 100)} %`;

/** "1 deelnemer" / "3 deelnemers": a count with its noun in singular or plural. */
export function counted(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A project's start, failure to start or delivery, as one log line (ODD.md §7.9). */
export function projectText(kind: 'started' | 'dissolved' | 'delivered', who: string, size: number, eff: number): Bilingual {
  const nlSize = counted(size, 'deelnemer', 'deelnemers'), enSize = counted(size, 'member', 'members');
  if (kind === 'started') return { nl: `Project van ${who} gestart met ${nlSize}`, en: `Project by ${who} started with ${enSize}` };
  if (kind === 'dissolved') return { nl: `Project van ${who} komt niet van de grond (${nlSize})`, en: `Project by ${who} fails to start (${enSize})` };
  return { nl: `Project van ${who} afgerond, effectiviteit ${pct(eff)}`, en: `Project by ${who} delivered, effectiveness ${pct(eff)}` };
}
