// Small scenarios for tests, built in code so each test states exactly what it depends on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, type Scenario, type ScenarioInput } from '../sim/index.ts';

export const ROOT = join(import.meta.dirname, '..');

export function shipped(id: string): Scenario {
  const file = join(ROOT, 'scenarios', `${id}.json`);
  return parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** The smallest useful scenario: two aspects (one knowledge, one value), two sectors. */
export const TINY_BASE = {
  id: 'tiny',
  title: { nl: 'Klein', en: 'Tiny' },
  description: { nl: 'Testscenario', en: 'Test scenario' },
  aspects: [
    { id: 'a', label: { nl: 'A', en: 'A' }, kind: 'knowledge' as const },
    { id: 'b', label: { nl: 'B', en: 'B' }, kind: 'value' as const },
  ],
  sectors: [
    { id: 's1', label: { nl: 'S1', en: 'S1' }, color: '#111111', affectedness: 1 },
    { id: 's2', label: { nl: 'S2', en: 'S2' }, color: '#222222', affectedness: 0.5 },
  ],
};

export function tiny(overrides: Partial<ScenarioInput> = {}): Scenario {
  const base: ScenarioInput = {
    ...TINY_BASE,
    actors: [
      { name: 'A', sector: 's1', stake: [0.2, 0.2] },
      { name: 'B', sector: 's2', stake: [0.8, 0.8] },
    ],
    ...overrides,
  };
  return parseScenario(base, 'tiny');
}
