// Reading single spreadsheet cells the way trainers type them: a decimal comma or point,
// an optional percent sign, Dutch or English words.
import type { Archetype } from '../schema/scenario.ts';

/** '0,7', '0.7', '.7', '70%', '70 %' → a number; anything else → undefined. */
export function parseDecimal(cell: string): number | undefined {
  const m = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*(%?)$/.exec(cell.trim());
  if (!m) return undefined;
  const value = Number(m[1].replace(',', '.'));
  if (!Number.isFinite(value)) return undefined;
  return m[2] ? value / 100 : value;
}

/** A lowercase id of letters, digits and dashes: 'Groen & spelen' → 'groen-spelen'. */
export function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const BEHAVIOURS: Record<string, Archetype> = {
  netwerker: 'netwerker', networker: 'netwerker', netwerk: 'netwerker', network: 'netwerker',
  transactioneel: 'transactioneel', transactional: 'transactioneel', transactie: 'transactioneel', transaction: 'transactioneel',
  meelifter: 'meelifter', 'free rider': 'meelifter', 'free-rider': 'meelifter', freerider: 'meelifter', freeloader: 'meelifter',
};
export const BEHAVIOUR_WORDS = Object.keys(BEHAVIOURS);

export function parseBehaviour(cell: string): Archetype | undefined {
  return BEHAVIOURS[cell.trim().toLowerCase().replace(/\s+/g, ' ')];
}

export type Position = 'outside' | 'periphery' | 'core';
const POSITIONS: Record<string, Position> = {
  outside: 'outside', buiten: 'outside',
  periphery: 'periphery', periferie: 'periphery', schil: 'periphery',
  core: 'core', kern: 'core',
};
export const POSITION_WORDS = Object.keys(POSITIONS);

export function parsePosition(cell: string): Position | undefined {
  return POSITIONS[cell.trim().toLowerCase()];
}

export type ActorType = 'organisation' | 'person';
const ACTOR_TYPES: Record<string, ActorType> = {
  organisation: 'organisation', organization: 'organisation', organisatie: 'organisation', org: 'organisation',
  person: 'person', persoon: 'person', individual: 'person', individu: 'person',
};
export const ACTOR_TYPE_WORDS = Object.keys(ACTOR_TYPES);

/** Whether a row is an organisation (it represents a constituency) or a person (ODD.md §2, achterban). */
export function parseActorType(cell: string): ActorType | undefined {
  return ACTOR_TYPES[cell.trim().toLowerCase()];
}
