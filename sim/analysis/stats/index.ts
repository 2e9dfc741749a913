// Public API of the statistics module (strategy comparison over seeded runs).
export { bootstrapCI, meanStatistic, type BootstrapOptions, type ConfidenceInterval } from './bootstrap.ts';
export { varghaDelaneyA, magnitude, type Magnitude } from './varghaDelaney.ts';
export { mannWhitney, exactUCounts, type MannWhitneyResult } from './mannWhitney.ts';
export { normalCdf, normalPdf } from './normal.ts';
export { expDet } from './detMath.ts';
export { rankSummary, type RankSummary } from './ranks.ts';
export {
  describe,
  comparePair,
  formatP,
  ALPHA,
  MIN_CI_RUNS,
  noCiReason,
  type Description,
  type PairComparison,
} from './summary.ts';
