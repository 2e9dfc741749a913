// Docking (ODD.md (Docking)): each mechanism run alone, through the same engine (createRun/step),
// against the published model it is built on. Drivers reach it as `canonical` through
// sim/index.ts (cli/commands/canonical.ts) or import it directly (tests).
export { findClusters, CLUSTER_GAP, MAJOR_SHARE, type Clusters } from './clusters.ts';
export { deffuantScenario, runDeffuant, runOpinions, type BoundedConfidenceOptions, type OpinionResult } from './deffuant.ts';
export { hkScenario, runHk, HK_MAX_N } from './hk.ts';
export { degrootScenario, randomDegroot, runDegroot, type DegrootResult } from './degroot.ts';
export { stationary, rowStochasticProblems } from './stationary.ts';
export { granovetterScenario, runGranovetter, normalThresholds, GRANOVETTER_MAX_N, type GranovetterResult } from './granovetter.ts';
export { golubJacksonScenario, runGolubJackson, effectiveMatrix, TRUTH, type GolubJacksonOptions, type GolubJacksonResult } from './golubJackson.ts';
export { networkScenario, fitCoreness, type NetworkSpec, type CorenessResult } from './corePeriphery.ts';
export { runNkPeaks, countPeaks, landscapeRng, NK_MAX_N, type NkPeaksOptions, type NkPeaksResult } from './nkPeaks.ts';
export { runLazerFriedman, lfNetwork, LF_NETWORKS, LF_MAX_AGENTS, type LfNetwork, type LazerFriedmanOptions, type LazerFriedmanResult } from './lazerFriedman.ts';
