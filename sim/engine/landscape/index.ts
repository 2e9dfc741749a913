// The opgave's knowledge landscape (ODD.md (Docking: the NK landscape)): NK worth over knobs grouped by aspect.
export { createLandscape, landscapeFromTables, MAX_KNOBS, MAX_KNOBS_TURBULENT, type Landscape, type LandscapeSpec } from './landscape.ts';
export { drawDependencies, indexDependents, withinCount } from './dependencies.ts';
export { drawTables, tableMeanSum } from './tables.ts';
export { enumerate } from './enumerate.ts';
export { worth, worthSum, contributionIndex } from './worth.ts';
export { scaledWorth, WORTH_SCALES, type WorthScale } from './scale.ts';
export { turbulence } from './turbulence.ts';
export { drawPolarity, favouredSetting, projectApproach, projectValues, type Polarity } from './polarity.ts';
export { oneKnobVariant, untriedKnob, isLocalPeak, copyIfBetter, tryVariant } from './search.ts';
export { aspectOptimum, aspectSum } from './aspectOptimum.ts';
