// The app's run state (viz/state/app.ts): one place for run, rules, series and selection.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adoptRun, appendLog, axisEnd, canBranch, createAppState, endTick, pendingTicks, takeFrameLog, takeRules, toggleHighlight,
} from '../../viz/state/app.ts';
import { ROW_WIDTH, seriesOf } from '../../viz/state/series.ts';
import { DEFAULT_RULES, type LogEntry } from '../../sim/meta.ts';
import type { RunMeta } from '../../workers/app-protocol.ts';

const meta = (ticks: number, interventions: RunMeta['interventions'] = []) => ({
  runId: 1, rules: { ...DEFAULT_RULES }, interventions,
  scenario: { id: 's', title: { nl: 's', en: 's' }, description: { nl: '', en: '' }, ticks },
}) as unknown as RunMeta;

const entry = (tick: number, marked: boolean): LogEntry => ({ tick, kind: marked ? 'rules' : 'position', marked, nl: `t${tick}`, en: `t${tick}` });

const rows = (...ticks: number[]) => {
  const out = new Float64Array(ticks.length * ROW_WIDTH);
  ticks.forEach((t, i) => { out[i * ROW_WIDTH] = t; });
  return out;
};

describe('app state', () => {
  it('adopting a run clears everything run-bound and takes the run\'s rules and interventions', () => {
    const s = createAppState();
    s.tick = 40; s.highlight = 12; s.pinned = 3; s.log = [entry(1, true)]; s.marks = [entry(1, true)];
    s.series.append(rows(0, 1, 2));
    const iv = [{ tick: 5, type: 'agendering', amount: 0.2 }] as RunMeta['interventions'];
    const m = meta(200, iv);
    adoptRun(s, m);
    expect(s.meta).toBe(m);
    expect([s.tick, s.highlight, s.pinned, s.log.length, s.marks.length, s.series.length, s.lastFrame]).toEqual([0, null, null, 0, 0, 0, null]);
    expect(s.rules).toBe(m.rules);
    expect(s.interventions).toEqual(iv);
    expect(s.interventions).not.toBe(m.interventions); // a copy: frames replace it, the meta stays
  });

  it('holds one rules value: takeRules reports a change only when the rules differ', () => {
    const s = createAppState();
    adoptRun(s, meta(100));
    expect(takeRules(s, { ...DEFAULT_RULES })).toBe(false);
    const next = { ...DEFAULT_RULES, tolerance: DEFAULT_RULES.tolerance === 0.5 ? 0.25 : 0.5 };
    expect(takeRules(s, next)).toBe(true);
    expect(s.rules).toBe(next);
    expect(takeRules(s, { ...next })).toBe(false);
    expect(s.rules).toBe(next);
  });

  it('appends log entries and keeps the marked ones as marks; an earlier `from` replaces from there', () => {
    const s = createAppState();
    appendLog(s, 0, [entry(1, false), entry(2, true), entry(3, false), entry(4, true)]);
    expect(s.log.map((e) => e.tick)).toEqual([1, 2, 3, 4]);
    expect(s.marks.map((e) => e.tick)).toEqual([2, 4]);
    appendLog(s, 2, [entry(9, true)]);
    expect(s.log.map((e) => e.tick)).toEqual([1, 2, 9]);
    expect(s.marks.map((e) => e.tick)).toEqual([2, 9]);
  });

  it('overlapping frames take each log entry once, in the worker\'s order', () => {
    // The worker's log; frames carry a slice of it from `logFrom` on, and may arrive overlapping
    // (a play/pause frame and a display frame asked for before it) or repeated.
    const worker = [1, 2, 3, 4, 5, 6, 7].map((t) => entry(t, t % 2 === 0));
    const s = createAppState();
    expect(takeFrameLog(s, 0, worker.slice(0, 3)).map((e) => e.tick)).toEqual([1, 2, 3]);
    expect(takeFrameLog(s, 1, worker.slice(1, 5)).map((e) => e.tick)).toEqual([4, 5]); // overlaps by two
    expect(takeFrameLog(s, 2, worker.slice(2, 4))).toEqual([]); // entirely known, older
    expect(takeFrameLog(s, 5, [])).toEqual([]);
    expect(takeFrameLog(s, 5, worker.slice(5))).toHaveLength(2);
    expect(s.log).toEqual(worker);
    expect(s.marks).toEqual(worker.filter((e) => e.marked));
  });

  it('whatever frames overlap, the view is handed each entry once and the log is the worker\'s', () => {
    const worker = Array.from({ length: 12 }, (_, t) => entry(t, t % 3 === 0));
    // Frames as the worker sends them: each from the log length the page had asked with (at most
    // what it holds) to the worker's length at that moment; lengths never shrink.
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(12), fc.nat(12)), { maxLength: 10 }), (asks) => {
      const s = createAppState();
      const shown: LogEntry[] = [];
      let workerLength = 0;
      for (const [ask, grow] of asks) {
        workerLength = Math.min(12, Math.max(workerLength, grow));
        const from = Math.min(ask, s.log.length);
        shown.push(...takeFrameLog(s, from, worker.slice(from, workerLength)));
      }
      expect(s.log).toEqual(worker.slice(0, workerLength));
      expect(shown).toEqual(s.log);
    }));
  });

  it('marks are always exactly the marked log entries, in order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(10), fc.array(fc.boolean(), { maxLength: 6 })), { maxLength: 8 }), (batches) => {
      const s = createAppState();
      for (const [from, flags] of batches) appendLog(s, Math.min(from, s.log.length), flags.map((m, k) => entry(k, m)));
      expect(s.marks).toEqual(s.log.filter((e) => e.marked));
    }));
  });

  it('the end is the scenario\'s length unless the run was extended; the axis reaches the tick and the original', () => {
    const s = createAppState();
    expect(endTick(s, null)).toBe(0);
    adoptRun(s, meta(200));
    expect(endTick(s, null)).toBe(200);
    expect(endTick(s, 250)).toBe(250);
    s.tick = 230;
    expect(axisEnd(s, null)).toBe(230);
    s.ghost = seriesOf(rows(0, 1, 300));
    expect(axisEnd(s, 250)).toBe(300);
  });

  it('highlight toggles; branching needs a run and a highlighted tick not after the current one', () => {
    const s = createAppState();
    expect(toggleHighlight(s, 12)).toBe(12);
    expect(canBranch(s)).toBe(false); // no run yet
    adoptRun(s, meta(100));
    s.highlight = 12;
    s.tick = 11;
    expect(canBranch(s)).toBe(false);
    s.tick = 12;
    expect(canBranch(s)).toBe(true);
    expect(toggleHighlight(s, 12)).toBe(null);
    expect(canBranch(s)).toBe(false);
    expect(toggleHighlight(s, 5)).toBe(5);
  });

  it('pending ticks are the interventions still to come', () => {
    const s = createAppState();
    adoptRun(s, meta(100, [{ tick: 3, type: 'agendering', amount: 0.1 }, { tick: 20, type: 'agendering', amount: 0.1 }, { tick: 30, type: 'agendering', amount: 0.1 }] as RunMeta['interventions']));
    s.tick = 20;
    expect(pendingTicks(s)).toEqual([30]);
  });
});
