// The interest view's landscape strip (viz/views/interest.ts): the numbers it shows for a frame,
// checked against a hand-computed case.
import { describe, expect, it } from 'vitest';
import { landscapeReadout } from '../../viz/views/interest.ts';

const frame = (over: Record<string, unknown> = {}) => ({
  pref: new Float32Array(0), position: new Uint8Array(4), agenda: new Float32Array(0),
  present: Uint8Array.from([1, 1, 1, 0]),
  engagement: Float32Array.from([1, 0, 0.5, 1]),
  approach: Int32Array.from([0b01, 0b11, 0b01, 0b10]),
  approachWorth: Float32Array.from([0.5, 1, 0.5, 0.2]),
  landBest: 0b01,
  ...over,
});

describe('landscapeReadout', () => {
  it('counts present actors only: share per knob, x*\'s setting, engagement-weighted worth, share at x*', () => {
    const r = landscapeReadout(frame(), 4, 2)!;
    expect(r.shareOn).toEqual([1, 1 / 3]);
    expect(r.bestOn).toEqual([true, false]);
    // (1·0.5 + 0·1 + 0.5·0.5) / (1 + 0 + 0.5)
    expect(r.meanWorth).toBeCloseTo(0.5, 12);
    expect(r.atBest).toBeCloseTo(2 / 3, 12);
  });

  it('falls back to the plain mean worth when nobody present is engaged', () => {
    const r = landscapeReadout(frame({ engagement: new Float32Array(4) }), 4, 2)!;
    expect(r.meanWorth).toBeCloseTo((0.5 + 1 + 0.5) / 3, 6);
  });

  it('shows nothing without a landscape or without present actors', () => {
    expect(landscapeReadout(frame({ approach: null }), 4, 2)).toBeNull();
    expect(landscapeReadout(frame(), 4, 0)).toBeNull();
    expect(landscapeReadout(frame({ present: new Uint8Array(4) }), 4, 2)).toBeNull();
  });
});
