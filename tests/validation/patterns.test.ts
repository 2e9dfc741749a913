// docs/VALIDATION.md cannot drift from the code: its generated table must equal what
// `npx samenspel patterns` computes now, at the seed count the table records. This re-runs the
// whole table (every pattern on every scenario that lists it; ~1.5 min on one core).
// When it fails after a deliberate change to the engine or the scenarios, regenerate with
// `npx samenspel patterns --write` and revisit the hand-written paragraphs.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { markdownTable, runPatterns, sectionOf, seedsOf } from '../../sim/analysis/patterns/index.ts';
import { shippedScenarios, VALIDATION_PATH } from '../../cli/commands/patterns.ts';

it('the committed pattern table equals what `patterns` computes at the recorded seeds', () => {
  const section = sectionOf(readFileSync(VALIDATION_PATH, 'utf8'));
  expect(section, 'docs/VALIDATION.md lacks the generated table (run `npx samenspel patterns --write`)').not.toBeNull();
  const seeds = seedsOf(section!);
  expect(seeds, 'the table does not record its seed count').not.toBeNull();
  const result = runPatterns({ scenarios: shippedScenarios(), seeds: seeds! });
  expect(markdownTable(result), 'stale table: run `npx samenspel patterns --write`').toBe(section);
}, 900_000);
