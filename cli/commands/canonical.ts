// `samenspel canonical <model>`: docking runs (ODD.md (Docking)). Each builds a canonical
// configuration as an ordinary scenario (sim/docking) and runs it through the engine.
import type { Command } from 'commander';
import { csvParseRows } from 'd3';
import { canonical as dock } from '../../sim/index.ts';
import { parseSeed, readText, UsageError } from '../io.ts';

function num(value: string, flag: string, min: number, max: number, integer = false): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x))) {
    throw new UsageError(`${flag} expects ${integer ? 'a whole number' : 'a number'} in ${min} … ${max}, got '${value}'`);
  }
  return x;
}

/** A CSV of numbers as rows; a cell that is not a number is an error naming file, row and column. */
function readNumberRows(file: string): number[][] {
  const rows = csvParseRows(readText(file)).filter((r) => r.some((c) => c.trim() !== ''));
  return rows.map((r, i) => r.filter((c) => c.trim() !== '').map((c, j) => {
    const x = Number(c);
    if (!Number.isFinite(x)) throw new UsageError(`${file}: row ${i + 1}, column ${j + 1}: '${c}' is not a number`);
    return x;
  }));
}

const out = (json: boolean, data: unknown, text: string[]) =>
  process.stdout.write(json ? JSON.stringify(data) + '\n' : text.join('\n') + '\n');

function clusterText(name: string, r: dock.OpinionResult, eps: number): string[] {
  const predicted = Math.floor(1 / (2 * eps));
  return [
    `${name}: ${r.clusters} major cluster(s) after ${r.ticks} tick(s)${r.converged ? ' (converged)' : ''}; ⌊1/(2ε)⌋ = ${predicted}`,
    ...r.sizes.map((size, i) => `  cluster ${i + 1}: ${size} actors at ${r.positions[i].toFixed(3)}`),
    `  minor clusters: ${r.minor}${r.minor ? ` (sizes ${r.minorSizes.join(', ')})` : ''}`,
    `  criterion: ${r.criterion}`,
  ];
}

interface BcOpts { n: string; epsilon: string; mu: string; ticks: string; seed: string; json?: boolean }

export function register(program: Command): void {
  const canonical = program.command('canonical')
    .description('docking: run one mechanism alone as its published model (deffuant, hk, degroot, granovetter, golub-jackson, coreness, nk-peaks, lazer-friedman)');

  canonical.command('deffuant')
    .description('Deffuant et al. (2000) bounded confidence, K = 1: uniform opinions, random pairs on a complete graph')
    .option('--n <n>', 'actors', '1000')
    .option('--epsilon <e>', 'confidence bound ε (openness)', '0.2')
    .option('--mu <m>', 'convergence rate μ', '0.5')
    .option('--ticks <t>', 'maximum ticks (one random pair per actor per tick); stops early once nothing moves', '1000')
    .option('--seed <s>', 'random seed', '1')
    .option('--json', `JSON { clusters, sizes, positions, … } (major = ≥ ${dock.MAJOR_SHARE * 100} % of actors; gap ${dock.CLUSTER_GAP})`)
    .action((o: BcOpts) => {
      const eps = num(o.epsilon, '--epsilon', 0, 1);
      const r = dock.runDeffuant({
        n: num(o.n, '--n', 2, 1_000_000, true), epsilon: eps, mu: num(o.mu, '--mu', 0, 0.5),
        ticks: num(o.ticks, '--ticks', 1, 1_000_000, true), seed: parseSeed(o.seed),
      });
      const { opinions: _o, ...data } = r;
      out(!!o.json, data, clusterText('Deffuant', r, eps));
    });

  canonical.command('hk')
    .description('Hegselmann & Krause (2002): synchronous averaging over everyone within ε (dialogueRule bounded-average)')
    .option('--n <n>', `actors (complete graph of ties, at most ${dock.HK_MAX_N})`, '200')
    .option('--epsilon <e>', 'confidence bound ε (openness)', '0.2')
    .option('--ticks <t>', 'maximum ticks; stops once nothing moves', '200')
    .option('--seed <s>', 'random seed', '1')
    .option('--json', 'JSON { clusters, sizes, positions, … }')
    .action((o: Omit<BcOpts, 'mu'>) => {
      const eps = num(o.epsilon, '--epsilon', 0, 1);
      const r = dock.runHk({
        n: num(o.n, '--n', 2, dock.HK_MAX_N, true), epsilon: eps,
        ticks: num(o.ticks, '--ticks', 1, 1_000_000, true), seed: parseSeed(o.seed),
      });
      const { opinions: _o, ...data } = r;
      out(!!o.json, data, clusterText('Hegselmann–Krause', r, eps));
    });

  canonical.command('degroot')
    .description('DeGroot (1974): consensus reached by the learning mechanism vs the stationary-weighted average')
    .option('--matrix <W.csv>', 'row-stochastic weight matrix, one row per line')
    .option('--initial <x0.csv>', 'initial beliefs in [0, 1], one per actor')
    .option('--n <n>', 'actors of a random positive row-stochastic matrix (without --matrix)', '10')
    .option('--seed <s>', 'random seed for --n', '1')
    .option('--ticks <t>', 'maximum ticks', '10000')
    .option('--json', 'JSON { consensus, predicted, … }')
    .action((o: { matrix?: string; initial?: string; n: string; seed: string; ticks: string; json?: boolean }) => {
      let W: number[][], x0: number[];
      if (o.matrix || o.initial) {
        if (!o.matrix || !o.initial) throw new UsageError('degroot needs both --matrix and --initial (or neither, with --n)');
        W = readNumberRows(o.matrix);
        const problems = dock.rowStochasticProblems(W);
        if (problems.length) throw new UsageError(`${o.matrix}: ${problems.slice(0, 5).join('; ')}`);
        x0 = readNumberRows(o.initial).flat();
        if (x0.length !== W.length) throw new UsageError(`${o.initial}: ${x0.length} initial beliefs, expected ${W.length} (one per row of ${o.matrix})`);
        x0.forEach((x, i) => { if (!(x >= 0 && x <= 1)) throw new UsageError(`${o.initial}: value ${i + 1} is ${x}; beliefs lie in [0, 1]`); });
      } else {
        ({ W, x0 } = dock.randomDegroot(num(o.n, '--n', 2, 2000, true), parseSeed(o.seed)));
      }
      const r = dock.runDegroot(W, x0, num(o.ticks, '--ticks', 1, 10_000_000, true));
      out(!!o.json, { consensus: r.consensus, predicted: r.predicted, difference: r.consensus - r.predicted, spread: r.spread, ticks: r.ticks, stationary: r.stationary }, [
        `DeGroot: consensus ${r.consensus.toFixed(10)} after ${r.ticks} tick(s) (spread ${r.spread.toExponential(2)})`,
        `  predicted s·x(0) = ${r.predicted.toFixed(10)} (s = stationary distribution of W, power iteration)`,
        `  difference ${(r.consensus - r.predicted).toExponential(2)}`,
        `  s = (${r.stationary.slice(0, 12).map((x) => x.toFixed(4)).join(', ')}${r.stationary.length > 12 ? ', …' : ''})`,
      ]);
    });

  canonical.command('granovetter')
    .description('Granovetter (1978) thresholds: how many act at the end of the cascade (project joining, complete graph)')
    .option('--thresholds <t.csv>', 'one threshold (number of others) per actor')
    .option('--normal <mean,sd>', 'thresholds ~ Normal(mean, sd), cut at 0')
    .option('--n <n>', 'actors for --normal', '100')
    .option('--seed <s>', 'random seed for --normal', '1')
    .option('--json', 'JSON { active }')
    .action((o: { thresholds?: string; normal?: string; n: string; seed: string; json?: boolean }) => {
      let thresholds: number[];
      if (o.thresholds && o.normal) throw new UsageError('give --thresholds or --normal, not both');
      if (o.thresholds) {
        thresholds = readNumberRows(o.thresholds).flat();
        if (thresholds.length < 1 || thresholds.length > dock.GRANOVETTER_MAX_N) throw new UsageError(`${o.thresholds}: 1 … ${dock.GRANOVETTER_MAX_N} thresholds expected, got ${thresholds.length}`);
        thresholds.forEach((t, i) => { if (!(t >= 0)) throw new UsageError(`${o.thresholds}: threshold ${i + 1} is ${t}; thresholds are numbers ≥ 0`); });
      } else if (o.normal) {
        const parts = o.normal.split(',');
        if (parts.length !== 2) throw new UsageError(`--normal expects mean,sd (e.g. 25,10), got '${o.normal}'`);
        thresholds = dock.normalThresholds(num(o.n, '--n', 1, dock.GRANOVETTER_MAX_N, true), num(parts[0], '--normal mean', 0, 10_000), num(parts[1], '--normal sd', 0, 10_000), parseSeed(o.seed));
      } else {
        throw new UsageError('granovetter needs --thresholds <file> or --normal <mean,sd>');
      }
      const r = dock.runGranovetter(thresholds);
      out(!!o.json, { active: r.active, n: thresholds.length }, [
        `Granovetter: ${r.active} of ${thresholds.length} act after ${r.ticks} tick(s)` +
        (r.initiator < 0 ? ' (nobody has threshold 0, so nobody starts)' : ` (initiator: actor ${r.initiator + 1})`),
      ]);
    });

  canonical.command('golub-jackson')
    .description('Golub & Jackson (2010): DeGroot learning from independent noisy beliefs, with or without one dominant voice')
    .option('--n <n>', 'actors', '200')
    .option('--seed <s>', 'random seed', '1')
    .option('--dominant', 'add one actor everyone trusts heavily (reputation 1, self-weight 100, error +0.3)')
    .option('--json', 'JSON { truth, consensus, consensusError, meanInitialError, predicted, maxInfluence }')
    .action((o: { n: string; seed: string; dominant?: boolean; json?: boolean }) => {
      const r = dock.runGolubJackson({ n: num(o.n, '--n', 2, 4000, true), seed: parseSeed(o.seed), dominant: !!o.dominant });
      out(!!o.json, r, [
        `Golub–Jackson${o.dominant ? ' (one dominant voice)' : ' (no dominant voice)'}: consensus ${r.consensus.toFixed(4)}, truth ${r.truth}`,
        `  consensus error ${r.consensusError.toFixed(4)} vs mean initial error ${r.meanInitialError.toFixed(4)}`,
        `  DeGroot prediction s·β(0) = ${r.predicted.toFixed(4)}; largest influence weight ${r.maxInfluence.toFixed(4)}`,
      ]);
    });

  canonical.command('coreness')
    .description('Borgatti & Everett (2000) continuous core–periphery fit on a planted core–periphery or a random network')
    .option('--n <n>', 'actors', '40')
    .option('--core <c>', 'planted core size', '8')
    .option('--p <cc,cp,pp>', 'tie probabilities core–core, core–periphery, periphery–periphery', '1,0.5,0.02')
    .option('--random', 'a random graph with the same density instead')
    .option('--seed <s>', 'random seed', '1')
    .option('--json', 'JSON { fit, recovered, density, top }')
    .action((o: { n: string; core: string; p: string; random?: boolean; seed: string; json?: boolean }) => {
      const n = num(o.n, '--n', 3, 4000, true);
      const core = num(o.core, '--core', 1, n - 1, true);
      const ps = o.p.split(',');
      if (ps.length !== 3) throw new UsageError(`--p expects three probabilities cc,cp,pp, got '${o.p}'`);
      const [pCC, pCP, pPP] = ps.map((x, i) => num(x, `--p (${['cc', 'cp', 'pp'][i]})`, 0, 1));
      const seed = parseSeed(o.seed);
      let r = dock.fitCoreness({ n, core, pCC, pCP, pPP, seed });
      if (o.random) {
        const d = r.density;
        r = dock.fitCoreness({ n, core, pCC: d, pCP: d, pPP: d, seed });
      }
      out(!!o.json, { fit: r.fit, recovered: r.recovered, density: r.density, top: r.top.map((i) => i + 1) }, [
        `Core–periphery (${o.random ? 'random graph' : `planted core of ${core}`}, n = ${n}, density ${r.density.toFixed(3)}): fit ${r.fit.toFixed(3)}`,
        `  top-${core} coreness: actors ${r.top.map((i) => i + 1).join(', ')}; share of planted core (actors 1–${core}) among them: ${(r.recovered * 100).toFixed(0)} %`,
      ]);
    });

  canonical.command('nk-peaks')
    .description('Kauffman (1993) NK landscape: local peaks (no one-knob variant better); 1 for κ = 0, on average 2^N/(N + 1) for κ = N − 1')
    .option('--n <n>', `knobs N (at most ${dock.NK_MAX_N})`, '10')
    .option('--k <k>', 'interdependence κ (0 … N − 1)', '9')
    .option('--seed <s>', 'random seed', '1')
    .option('--landscapes <l>', 'landscapes to count (mean and standard error)', '1')
    .option('--json', 'JSON { n, k, landscapes, counts, mean, se, expected, wMax, wMean }')
    .action((o: { n: string; k: string; seed: string; landscapes: string; json?: boolean }) => {
      const n = num(o.n, '--n', 1, dock.NK_MAX_N, true);
      const r = dock.runNkPeaks({
        n, k: num(o.k, '--k', 0, n - 1, true), seed: parseSeed(o.seed), landscapes: num(o.landscapes, '--landscapes', 1, 100_000, true),
      });
      out(!!o.json, r, [
        `NK peaks (N = ${r.n}, κ = ${r.k}): ${r.landscapes === 1 ? `${r.counts[0]} local peak(s)` : `mean ${r.mean.toFixed(2)} local peaks over ${r.landscapes} landscapes (standard error ${r.se.toFixed(2)}; min ${Math.min(...r.counts)}, max ${Math.max(...r.counts)})`}`,
        r.expected === null ? '  (published: 1 for κ = 0, about 2^N/(N + 1) for κ = N − 1)' : `  published expectation: ${r.expected.toFixed(2)}${r.k === 0 ? ' (κ = 0: exactly one)' : ' = 2^N/(N + 1)'}`,
        `  first landscape: W_max ${r.wMax.toFixed(4)}, mean W̄ ${r.wMean.toFixed(4)}`,
      ]);
    });

  canonical.command('lazer-friedman')
    .description('Lazer & Friedman (2007): agents on a network copy a better neighbour or try one changed knob; mean score (W/W_max)^8 per tick')
    .option('--n <n>', `knobs N (at most ${dock.NK_MAX_N})`, '20')
    .option('--k <k>', 'interdependence κ (0 … N − 1)', '5')
    .option('--agents <a>', `agents (at most ${dock.LF_MAX_AGENTS})`, '100')
    .option('--network <type>', `${dock.LF_NETWORKS.join(' | ')} (line = a ring, two neighbours each)`, 'complete')
    .option('--degree <d>', 'mean degree of the random network (default: as many ties as the line)', '2')
    .option('--ticks <t>', 'ticks', '100')
    .option('--landscapes <l>', 'landscapes to average over', '20')
    .option('--seed <s>', 'random seed', '1')
    .option('--every <e>', 'print every e-th tick (text output)', '5')
    .option('--json', 'JSON { score: [tick 0 … T], atBest: [share at x*], ties }')
    .action((o: { n: string; k: string; agents: string; network: string; degree: string; ticks: string; landscapes: string; seed: string; every: string; json?: boolean }) => {
      const n = num(o.n, '--n', 1, dock.NK_MAX_N, true);
      const k = num(o.k, '--k', 0, n - 1, true);
      const agents = num(o.agents, '--agents', 1, dock.LF_MAX_AGENTS, true);
      if (!(dock.LF_NETWORKS as readonly string[]).includes(o.network)) throw new UsageError(`--network expects one of ${dock.LF_NETWORKS.join(', ')}, got '${o.network}'`);
      const network = o.network as dock.LfNetwork;
      const ticks = num(o.ticks, '--ticks', 0, 100_000, true);
      const every = num(o.every, '--every', 1, 100_000, true);
      const r = dock.runLazerFriedman({
        n, k, agents, network, ticks, landscapes: num(o.landscapes, '--landscapes', 1, 100_000, true), seed: parseSeed(o.seed),
        degree: network === 'random' ? num(o.degree, '--degree', 0, agents - 1) : 2,
      });
      const rows: string[] = [];
      for (let t = 0; t <= ticks; t++) {
        if (t % every === 0 || t === ticks) rows.push(`  ${String(t).padStart(5)}  ${r.score[t].toFixed(4)}  ${(r.atBest[t] * 100).toFixed(1).padStart(5)} %`);
      }
      out(!!o.json, r, [
        `Lazer–Friedman (N = ${n}, κ = ${k}, ${agents} agents, ${network} network, ${r.ties.toFixed(0)} ties, ${o.landscapes} landscape(s)):`,
        '   tick  score (W/W_max)^8  at best',
        ...rows,
      ]);
    });
}
