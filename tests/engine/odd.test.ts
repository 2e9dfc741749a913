// docs/ODD.md cannot fall behind the code: its generated tables must equal what the engine's
// metadata generates, and every parameter, rule and measure must appear.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASURES, PARAMS, PRESETS } from '../../sim/index.ts';
import { ODD_PATH, regenerate } from '../../cli/docs.ts';

describe('docs/ODD.md', () => {
  const text = readFileSync(ODD_PATH, 'utf8');
  it('generated sections are up to date (run `npm run docs`)', () => {
    expect(regenerate(text)).toBe(text);
  });
  it('names every parameter, preset and measure', () => {
    for (const key of Object.keys(PARAMS)) expect(text, `parameter ${key}`).toContain(`\`${key}\``);
    for (const p of PRESETS) expect(text, `preset ${p.id}`).toContain(`\`${p.id}\``);
    for (const m of MEASURES) expect(text, `measure ${m.key}`).toContain(`\`${m.key}\``);
  });
  it('has the seven ODD elements', () => {
    for (const h of ['Purpose and patterns', 'Entities, state variables and scales', 'Process overview and scheduling',
      'Design concepts', 'Initialisation', 'Input data', 'Submodels']) expect(text).toContain(h);
  });
});
