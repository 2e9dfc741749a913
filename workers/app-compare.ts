// The Compare panel's coordinator worker: resolves the batch spec, plans the runs and, as
// runs finish, computes the summary (bootstrap CIs, pairwise verdicts) and the CLI's CSV
// files — all with sim/analysis/batch's pure functions, so the files equal `samenspel batch`'s byte for
// byte. It runs off the UI thread: summaries are heavy and sim/analysis/batch loads the engine. The
// runs themselves go to a pool of batch workers (workers/batch-worker-web.ts).
import * as Comlink from 'comlink';
import {
  expandRuns, pairsCsv, parseBatchSpec, resolveBatch, runsCsv, summarise, summaryCsv,
  type BatchScenarios, type BatchSummary, type LoadedScenario, type ResolvedBatch, type RunPlan, type RunResult,
} from '../sim/index.ts';
import { InputError } from '../sim/index.ts';

export type Prepared =
  | { ok: true; batch: ResolvedBatch; scenarios: BatchScenarios; plans: RunPlan[] }
  | { ok: false; error: string };

export interface Summarised { summary: BatchSummary; runsCsv: string; summaryCsv: string; pairsCsv: string }

export interface CompareApi {
  prepare(spec: unknown, file: string, sources: Record<string, LoadedScenario>): Prepared;
  summarise(batch: ResolvedBatch, plans: RunPlan[], results: RunResult[]): Summarised;
}

export const compareApi: CompareApi = {
  prepare(spec, file, sources) {
    try {
      const parsed = parseBatchSpec(spec, file);
      const { batch, scenarios } = resolveBatch(parsed, {
        file,
        loadScenario: (source) => {
          const s = sources[source];
          if (!s) throw new InputError(file, [{ path: 'scenarios', message: `unknown scenario '${source}'` }]);
          return s;
        },
      });
      return { ok: true, batch, scenarios, plans: expandRuns(batch) };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  },
  summarise(batch, plans, results) {
    const summary = summarise(batch, plans, results);
    return { summary, runsCsv: runsCsv(batch, plans, results), summaryCsv: summaryCsv(batch, summary), pairsCsv: pairsCsv(batch, summary) };
  },
};

if (typeof self !== 'undefined' && typeof (self as unknown as { importScripts?: unknown }).importScripts === 'function') {
  Comlink.expose(compareApi);
}
