// Which parameters are sliders mid-run: derived from the schema's metadata (continuous numbers),
// never a list of names; slider steps are round numbers.
import { describe, expect, it } from 'vitest';
import { isLiveParam, LIVE_PARAMS, sliderStep } from '../../viz/controls/liveParams.ts';
import { PARAMS, type ParamSpec } from '../../sim/meta.ts';

describe('live parameters', () => {
  it('are exactly the continuous numbers of the schema', () => {
    for (const [key, spec] of Object.entries(PARAMS) as [string, ParamSpec][]) {
      expect(LIVE_PARAMS.includes(key)).toBe(spec.kind === 'number');
      expect(isLiveParam(spec)).toBe(spec.kind === 'number');
    }
    // The ones a trainer asks for are among them; sizes and mechanism switches are not.
    for (const k of ['mu', 'trustGain', 'meetingCost', 'chainEfficiency', 'synergy']) expect(LIVE_PARAMS).toContain(k);
    for (const k of ['maxTies', 'meetingMode', 'dialogueRule', 'quorum', 'corenessIterations']) expect(LIVE_PARAMS).not.toContain(k);
  });

  it('slider steps are 1, 2 or 5 times a power of ten, about a hundredth of the range', () => {
    expect(sliderStep(0, 1)).toBe(0.01);
    expect(sliderStep(0, 0.5)).toBeCloseTo(0.005, 12);
    expect(sliderStep(1, 1000)).toBe(10);
    expect(sliderStep(0, 4)).toBeCloseTo(0.05, 12);
    expect(sliderStep(0, 20)).toBeCloseTo(0.2, 12);
  });
});
