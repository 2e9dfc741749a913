// Which parameters are sliders mid-run: derived from the schema's metadata (continuous numbers
// not read only at creation), never a list of names; slider steps are round numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLiveParam, LIVE_PARAMS, sliderStep } from '../../viz/controls/liveParams.ts';
import { PARAMS, type ParamSpec } from '../../sim/meta.ts';

describe('live parameters', () => {
  it('are exactly the continuous numbers of the schema', () => {
    for (const [key, spec] of Object.entries(PARAMS) as [string, ParamSpec][]) {
      expect(LIVE_PARAMS.includes(key)).toBe(spec.kind === 'number' && !spec.atStart);
      expect(isLiveParam(spec)).toBe(spec.kind === 'number' && !spec.atStart);
    }
    expect(LIVE_PARAMS).not.toContain('stakeBias');
    // The ones a trainer asks for are among them; sizes and mechanism switches are not.
    for (const k of ['mu', 'trustGain', 'meetingCost', 'chainEfficiency', 'synergy']) expect(LIVE_PARAMS).toContain(k);
    for (const k of ['maxTies', 'meetingMode', 'dialogueRule', 'quorum', 'corenessIterations']) expect(LIVE_PARAMS).not.toContain(k);
  });

  it('a parameter is marked atStart exactly when only the creation code (state.ts, opgave.ts) reads it', () => {
    const root = join(__dirname, '..', '..', 'sim', 'engine');
    const files = [...readdirSync(root).filter((f) => f.endsWith('.ts')), ...readdirSync(join(root, 'mechanisms')).map((f) => join('mechanisms', f))];
    const sources = files.map((f) => ({ f, text: readFileSync(join(root, f), 'utf8') }));
    for (const [key, spec] of Object.entries(PARAMS) as [string, ParamSpec][]) {
      const readers = sources.filter((s) => new RegExp(`\\b${key}\\b`).test(s.text)).map((s) => s.f);
      const onlyAtCreation = readers.every((f) => f === 'state.ts' || f === 'opgave.ts');
      expect(`${key}: ${spec.atStart === true}`).toBe(`${key}: ${onlyAtCreation}`);
    }
  });

  it('slider steps are 1, 2 or 5 times a power of ten, about a hundredth of the range', () => {
    expect(sliderStep(0, 1)).toBe(0.01);
    expect(sliderStep(0, 0.5)).toBeCloseTo(0.005, 12);
    expect(sliderStep(1, 1000)).toBe(10);
    expect(sliderStep(0, 4)).toBeCloseTo(0.05, 12);
    expect(sliderStep(0, 20)).toBeCloseTo(0.2, 12);
  });
});
