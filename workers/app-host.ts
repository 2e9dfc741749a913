// The app's simulation host: owns one run, steps it at the chosen speed and hands the UI the
// latest frame as transferable typed arrays. Runs inside a Web Worker (workers/sim.worker.ts)
// and, for tests, in Node; it uses timers but never the DOM.
import {
  applySet, createRecorder, createRun, drive, restoreRun, type SavedRun, simulate, InputError, MEASURES, runToJson, seriesToCsv,
  parseEvents, parseScenario, type PartialRules, type Recorder, type Run, type ScenarioEvent, type Intervention,
} from '../sim/index.ts';
import type {
  ActorDetail, Frame, FrameRequest, InitConfig, InitResult, RunMeta, SimApi, TieBundle,
} from './app-protocol.ts';

const ROW_WIDTH = MEASURES.length + 1;
/** Longest stretch of ticks run without yielding, so messages (controls) are answered fast. */
const SLICE_MS = 12;

export interface SimHost extends SimApi {
  /** Typed-array buffers of a frame, for Comlink.transfer. */
  buffersOf(frame: Frame | TieBundle): ArrayBuffer[];
}

/** Whether the run has a landscape of knobs (a scenario with knowledge aspects, engine ≥ 0.3). */
function hasLandscape(s: Run['state']): boolean {
  return typeof s.knobs === 'number' && s.knobs > 0 && s.approach instanceof Int32Array;
}

export function createSimHost(now: () => number = () => performance.now()): SimHost {
  let run: Run | null = null;
  let recorder: Recorder | null = null;
  let initialRulesInput: string | PartialRules | undefined;
  let replayed: ScenarioEvent[] = [];
  let runId = 0;
  let playing = false;
  let tps = 10;
  let stopAt = 0;
  let due = 0;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticksRun = 0;
  /** An engine error while playing (e.g. an intervention naming an unknown actor). */
  let failure: string | null = null;
  let tiesEvery = 5;

  const need = (): Run => {
    if (!run) throw new Error('no run: call init() first');
    return run;
  };

  const collectFrame = (r: Run) => recorder!.collect(r);

  /** Saved states every few ticks, for "wat als hier?" (branch from any earlier tick). */
  let snapshots = new Map<number, SavedRun>();
  let snapEvery = 5;
  function snapshot(r: Run): void {
    if (r.tick % snapEvery === 0) snapshots.set(r.tick, r.save());
  }

  function stepOnce(): void {
    const r = need();
    try {
      drive(r, 1, collectFrame);
      snapshot(r);
    } catch (e) {
      // Stop rather than loop on a broken tick; the UI shows the message.
      playing = false;
      failure = `tick ${r.tick}: ${(e as Error).message}`;
      throw e;
    }
    ticksRun++;
  }

  function schedule(delay: number): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(loop, delay);
  }

  function loop(): void {
    timer = null;
    if (!playing || !run) return;
    const t = now();
    const started = t;
    if (tps > 0) {
      due += ((t - last) * tps) / 1000;
      if (due > tps) due = tps; // after a stall, catch up at most one second's worth
    }
    last = t;
    let ran = 0;
    while ((tps === 0 || due >= 1) && now() - started < SLICE_MS) {
      if (stopAt > 0 && run.tick >= stopAt) { playing = false; break; }
      try { stepOnce(); } catch { return; }
      ran++;
      if (tps > 0) due -= 1;
    }
    if (stopAt > 0 && run.tick >= stopAt) playing = false;
    if (!playing) return;
    if (tps === 0) schedule(0);
    else schedule(ran > 0 && due >= 1 ? 0 : Math.max(1, ((1 - due) * 1000) / tps));
  }

  function tieBundle(): TieBundle {
    const s = need().state;
    let count = 0;
    for (let i = 0; i < s.n; i++) {
      if (!s.present[i]) continue;
      for (let q = i * s.cap, end = q + s.degree[i]; q < end; q++) {
        const j = s.tieTo[q];
        if (j > i && s.present[j]) count++;
      }
    }
    const a = new Int32Array(count), b = new Int32Array(count), trust = new Float32Array(count);
    let c = 0;
    for (let i = 0; i < s.n; i++) {
      if (!s.present[i]) continue;
      for (let q = i * s.cap, end = q + s.degree[i]; q < end; q++) {
        const j = s.tieTo[q];
        if (j > i && s.present[j]) { a[c] = i; b[c] = j; trust[c] = s.tieTrust[q]; c++; }
      }
    }
    return { tick: s.tick, a, b, trust };
  }

  const allInterventions = (): ScenarioEvent[] => [...replayed, ...need().interventions];

  function metaOf(r: Run, seed: number | string): RunMeta {
    const s = r.state, scenario = r.scenario;
    return {
      runId,
      n: s.n,
      k: s.k,
      names: r.meta.names.slice(),
      named: s.named.slice(),
      sector: s.sector.slice(),
      sectors: scenario.sectors.map((x) => ({ id: x.id, label: x.label, color: x.color, affectedness: x.affectedness })),
      aspects: scenario.aspects.map((a) => ({ id: a.id, label: a.label, kind: a.kind })),
      landscape: hasLandscape(s) ? { knobs: s.knobs, perAspect: s.knobsPerAspect, aspects: Array.from(s.knowAspect) } : null,
      groups: scenario.groups.map((g) => ({ name: g.name, label: g.label })),
      scenario: { id: scenario.id, title: scenario.title, description: scenario.description, watchFor: scenario.watchFor, ticks: scenario.ticks },
      rules: r.startRules,
      seed,
      interventions: replayed.slice(),
    };
  }

  const host: SimHost = {
    async init(config: InitConfig): Promise<InitResult> {
      host.pause();
      let scenario;
      try {
        const raw = structuredClone(config.scenario) as Record<string, unknown>;
        if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
          throw new InputError(config.file, [{ path: '', message: 'expected a JSON object (a scenario)' }]);
        }
        for (const s of config.sets) applySet(raw, s);
        scenario = parseScenario(raw, config.sets.length ? `${config.file} (with --set ${config.sets.join(' ')})` : config.file);
        const rules = config.rules;
        const next = createRun({ scenario, rules, seed: config.seed, events: config.interventions });
        initialRulesInput = rules;
        run = next;
      } catch (e) {
        if (e instanceof InputError) return { ok: false, error: e.message, issues: e.issues };
        return { ok: false, error: (e as Error).message ?? String(e), issues: [] };
      }
      replayed = config.interventions.slice();
      recorder = createRecorder(scenario.ticks);
      recorder.collect(run);
      // Saving a large run costs time on the worker; there, branches restore from tick 0 only.
      snapEvery = run.state.n <= 2000 ? 5 : Number.POSITIVE_INFINITY;
      snapshots = new Map([[0, run.save()]]);
      tiesEvery = Math.max(1, config.tiesEvery ?? 5);
      failure = null;
      runId++;
      if (config.goTo && config.goTo > 0) {
        try { host.runTo(config.goTo); } catch (e) { return { ok: false, error: `while replaying to tick ${config.goTo}: ${(e as Error).message}`, issues: [] }; }
      }
      return { ok: true, meta: metaOf(run, config.seed) };
    },

    branch(tick: number, later: ScenarioEvent[]): InitResult {
      const r = need();
      host.pause();
      if (!Number.isInteger(tick) || tick < 0 || tick > r.tick) {
        return { ok: false, error: `cannot branch at tick ${tick}: the run is at tick ${r.tick}`, issues: [] };
      }
      // The latest saved state at or before the tick; its schedule is rebuilt so that it holds
      // the scenario's events, this run's interventions up to the tick and the given later
      // ones, in the order createRun would schedule them from the start (the scenario's
      // first, then the interventions in their order, stable by tick).
      let from = 0;
      for (const k of snapshots.keys()) if (k <= tick && k > from) from = k;
      const saved = structuredClone(snapshots.get(from)!);
      const prefix = allInterventions().filter((e) => e.tick <= tick);
      const future = later.filter((e) => e.tick > tick);
      const tail = [...saved.scenario.events, ...prefix, ...future].filter((e) => e.tick > from)
        .map((e, i) => [e, i] as const).sort((a, b) => a[0].tick - b[0].tick || a[1] - b[1]).map((x) => x[0]);
      saved.events = [...saved.events.slice(0, saved.eventCursor), ...tail];
      // All of the branch's interventions are now scheduled events (as a link replays them).
      saved.interventions = [];
      let b: Run;
      try {
        b = restoreRun(saved);
      } catch (e) {
        return { ok: false, error: (e as Error).message, issues: [] };
      }
      const old = recorder!;
      recorder = createRecorder(Math.max(old.length, tick + 1));
      // Rows 0 … from are the original's (the same events acted on them); the recorder reads
      // only a run's tick and measures.
      for (let row = 0; row <= from && row < old.length; row++) recorder.collect({ tick: old.tick(row), measures: old.row(row) } as unknown as Run);
      const keep = new Map<number, SavedRun>();
      for (const [k, v] of snapshots) if (k <= from) keep.set(k, v);
      snapshots = keep;
      run = b;
      replayed = [...prefix, ...future];
      failure = null;
      runId++;
      try { host.runTo(tick); } catch (e) { return { ok: false, error: `while restoring tick ${tick}: ${(e as Error).message}`, issues: [] }; }
      return { ok: true, meta: metaOf(b, b.seed) };
    },

    play() {
      if (!run || playing || failure) return;
      // A run has an end: play at the last tick stays there; going on is an explicit
      // extension (setStopAt with a later tick), which the UI records in the link.
      if (stopAt > 0 && run.tick >= stopAt) return;
      playing = true;
      due = 1;
      last = now();
      schedule(0);
    },

    pause() {
      playing = false;
      if (timer !== null) { clearTimeout(timer); timer = null; }
    },

    setSpeed(value: number) {
      tps = value > 0 ? value : 0;
      due = Math.min(due, 1);
      if (playing) schedule(0);
    },

    setStopAt(tick: number) { stopAt = tick > 0 ? tick : 0; },

    step(count = 1) {
      const r = need();
      for (let i = 0; i < count && !(stopAt > 0 && r.tick >= stopAt); i++) stepOnce();
      return r.tick;
    },

    runTo(tick: number) {
      const r = need();
      while (r.tick < tick) stepOnce();
      return r.tick;
    },

    setRules(change: string | PartialRules) { return need().setRules(change); },

    intervene(event: Intervention) { return need().intervene(event); },

    frame(req: FrameRequest): Frame | null {
      if (!run || !recorder) return null;
      const r = run, s = r.state;
      const sameRun = req.runId === runId;
      const total = allInterventions();
      const fresh = !sameRun || req.tick !== s.tick || req.logLength !== r.log.length || req.interventions !== total.length || !!req.wantTies || (failure !== null && req.failure !== failure) || (req.playing !== undefined && req.playing !== playing);
      if (!fresh) return null;
      const fromTick = sameRun ? Math.min(req.tick, s.tick) : -1;
      // Recorder row r holds tick r (collected at creation and after every step).
      const firstRow = fromTick + 1;
      const rows = new Float64Array(Math.max(0, recorder.length - firstRow) * ROW_WIDTH);
      for (let row = firstRow, o = 0; row < recorder.length; row++, o += ROW_WIDTH) {
        rows[o] = recorder.tick(row);
        rows.set(recorder.row(row), o + 1);
      }
      const logFrom = sameRun ? Math.min(req.logLength, r.log.length) : 0;
      const wantTies = !sameRun || !!req.wantTies || s.tick - req.tiesTick >= tiesEvery || s.tick < req.tiesTick;
      return {
        runId,
        tick: s.tick,
        playing,
        end: stopAt,
        rows,
        position: s.position.slice(),
        present: s.present.slice(),
        engagement: Float32Array.from(s.engagement),
        resources: Float32Array.from(s.resources),
        coreness: Float32Array.from(s.coreness),
        pref: Float32Array.from(s.pref),
        agenda: Float32Array.from(s.agenda),
        approach: hasLandscape(s) ? s.approach.slice() : null,
        approachWorth: hasLandscape(s) ? Float32Array.from(s.approachWorth) : null,
        landBest: hasLandscape(s) ? s.landBest : 0,
        landStatusQuo: hasLandscape(s) ? s.landStatusQuo : 0,
        leader: s.leader,
        logFrom,
        log: r.log.slice(logFrom),
        rules: { ...r.rules },
        // A params change is logged, so the log growing is when the params may have changed.
        params: !sameRun || logFrom < r.log.length ? { ...r.params } : null,
        landscape: !sameRun || logFrom < r.log.length ? { turbulence: s.turbulenceShare, turbulenceEvery: s.turbulenceEvery, knobs: s.knobs } : null,
        interventions: !sameRun || req.interventions !== total.length ? total : null,
        ties: wantTies ? tieBundle() : null,
        failure,
      };
    },

    ties: tieBundle,

    rows() {
      const rec = recorder!;
      const out = new Float64Array(rec.length * ROW_WIDTH);
      for (let row = 0, o = 0; row < rec.length; row++, o += ROW_WIDTH) { out[o] = rec.tick(row); out.set(rec.row(row), o + 1); }
      return out;
    },

    actor(index: number): ActorDetail | null {
      if (!run) return null;
      const s = run.state;
      if (index < 0 || index >= s.n) return null;
      const k = s.k;
      const slice = (a: Float64Array) => Array.from(a.subarray(index * k, index * k + k));
      return {
        index,
        name: run.meta.names[index],
        sector: s.sector[index],
        position: s.position[index],
        present: s.present[index] === 1,
        engagement: s.engagement[index],
        resources: s.resources[index],
        coreness: s.coreness[index],
        mandate: s.mandate[index],
        reputation: s.reputation[index],
        access: s.access[index],
        proactiveness: s.proactiveness[index],
        archetype: s.archetype[index],
        stake: slice(s.stake),
        belief: slice(s.belief),
        pref: slice(s.pref),
        degree: s.degree[index],
        inProject: s.projectOf[index] >= 0,
        approach: hasLandscape(s) ? s.approach[index] : null,
        approachWorth: hasLandscape(s) ? s.approachWorth[index] : null,
        landBest: hasLandscape(s) ? s.landBest : null,
      };
    },

    exportCsv() { return seriesToCsv(recorder!); },

    exportJson() {
      // A run with live interventions remembers them as `interventions` in its saved state, a
      // CLI run given them by --events does not. Replaying them as events gives the CLI's file
      // exactly (and checks, in passing, that the replay matches the live run).
      const live = need();
      // Through the same parser the CLI's --events uses, so the events come out field for field alike.
      const events = parseEvents(JSON.parse(JSON.stringify(allInterventions())), 'events');
      const { run: replay, recorder: rec } = simulate({ scenario: live.scenario, rules: initialRulesInput, seed: live.seed, events, ticks: live.tick });
      if (seriesToCsv(rec) !== seriesToCsv(recorder!)) throw new Error('internal: the replayed run differs from the live run');
      return JSON.stringify(runToJson(replay, rec), null, 1) + '\n';
    },

    exportEvents() { return JSON.stringify(allInterventions(), null, 2) + '\n'; },

    stats() {
      const g = globalThis as { WorkerGlobalScope?: unknown; document?: unknown };
      return { ticksRun, inWorker: typeof g.WorkerGlobalScope !== 'undefined' && typeof g.document === 'undefined' };
    },

    buffersOf(x: Frame | TieBundle): ArrayBuffer[] {
      if ('a' in x) return [x.a.buffer, x.b.buffer, x.trust.buffer] as ArrayBuffer[];
      const out = [x.rows, x.position, x.present, x.engagement, x.resources, x.coreness, x.pref, x.agenda].map((v) => v.buffer as ArrayBuffer);
      if (x.approach) out.push(x.approach.buffer as ArrayBuffer);
      if (x.approachWorth) out.push(x.approachWorth.buffer as ArrayBuffer);
      if (x.ties) out.push(...host.buffersOf(x.ties));
      return out;
    },
  };
  return host;
}
