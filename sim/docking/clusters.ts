// Opinion clusters at the end of a bounded-confidence run: sorted final opinions, split where
// two neighbours differ by more than `gap`. After convergence every cluster is (numerically)
// one point and distinct clusters lie at least ε apart, so any gap in (0, ε) gives the same
// partition; `gap` = 0.01 is well inside that for the ε the literature uses (≥ 0.05).
export interface Clusters {
  /** Number of major clusters (holding at least `minShare` of the actors). */
  clusters: number;
  sizes: number[];
  positions: number[];
  /** Clusters below the size cut (the "minor clusters" of Weisbuch et al. 2002). */
  minor: number;
  minorSizes: number[];
  criterion: string;
}

export const CLUSTER_GAP = 0.01;
/** A major cluster holds at least 5 % of the actors. ⌊1/(2ε)⌋ ≤ 5 clusters of roughly equal
 * size hold ≥ 20 % each at the ε tested; the minor clusters of Weisbuch et al. (2002) — the
 * few extremists left at the edges or between major clusters — hold a few actors each. */
export const MAJOR_SHARE = 0.05;

export function findClusters(opinions: ArrayLike<number>, gap = CLUSTER_GAP, minShare = MAJOR_SHARE): Clusters {
  const xs = Float64Array.from(opinions).sort();
  const n = xs.length;
  const groups: { size: number; sum: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 || xs[i] - xs[i - 1] > gap) groups.push({ size: 0, sum: 0 });
    const g = groups[groups.length - 1];
    g.size++;
    g.sum += xs[i];
  }
  const cut = minShare * n;
  const major = groups.filter((g) => g.size >= cut && g.size >= 2);
  const minor = groups.filter((g) => !(g.size >= cut && g.size >= 2));
  return {
    clusters: major.length,
    sizes: major.map((g) => g.size),
    positions: major.map((g) => g.sum / g.size),
    minor: minor.length,
    minorSizes: minor.map((g) => g.size),
    criterion: `clusters = runs of sorted final opinions with neighbours ≤ ${gap} apart; major = at least ${minShare * 100} % of the actors (and at least 2)`,
  };
}
