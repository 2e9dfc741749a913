// Which shard this process runs: `--shard k/n`, else a Slurm array task
// (SLURM_ARRAY_TASK_ID/_MIN/_STEP/_COUNT), else a Kubernetes Indexed Job (JOB_COMPLETION_INDEX,
// with the count from --shards or SAMENSPEL_SHARD_COUNT), else none. See docs/BATCH.md.
import { parseShard, type Shard } from '../../sim/index.ts';
import { UsageError } from '../io.ts';

export type ShardChoice = (Shard & { source: string }) | null;

const whole = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number ≥ 0, got '${v}'`);
  return n;
};

export function chooseShard(flag: string | undefined, countFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): ShardChoice {
  const checked = (k: number, n: number, source: string): ShardChoice => {
    if (!(n >= 1 && k >= 1 && k <= n)) throw new UsageError(`${source} gives shard ${k}/${n}; expected 1 ≤ k ≤ n`);
    return n === 1 ? null : { k, n, source };
  };
  if (flag !== undefined) {
    try {
      const s = parseShard(flag);
      return checked(s.k, s.n, '--shard');
    } catch (e) {
      throw new UsageError(`--shard: ${(e as Error).message}`);
    }
  }
  const count = whole(countFlag, '--shards') ?? whole(env.SAMENSPEL_SHARD_COUNT, 'SAMENSPEL_SHARD_COUNT');
  const slurmId = whole(env.SLURM_ARRAY_TASK_ID, 'SLURM_ARRAY_TASK_ID');
  if (slurmId !== undefined) {
    const min = whole(env.SLURM_ARRAY_TASK_MIN, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const step = whole(env.SLURM_ARRAY_TASK_STEP, 'SLURM_ARRAY_TASK_STEP') || 1;
    const n = count ?? whole(env.SLURM_ARRAY_TASK_COUNT, 'SLURM_ARRAY_TASK_COUNT');
    if (n === undefined) throw new UsageError('SLURM_ARRAY_TASK_ID is set but not SLURM_ARRAY_TASK_COUNT; pass --shards <n> or --shard k/n');
    if ((slurmId - min) % step !== 0) throw new UsageError(`SLURM_ARRAY_TASK_ID ${slurmId} is not on the array's grid (min ${min}, step ${step})`);
    return checked((slurmId - min) / step + 1, n, 'SLURM_ARRAY_TASK_ID');
  }
  const jobIndex = whole(env.JOB_COMPLETION_INDEX, 'JOB_COMPLETION_INDEX');
  if (jobIndex !== undefined) {
    if (count === undefined) {
      throw new UsageError("JOB_COMPLETION_INDEX is set but the shard count is not: pass --shards <n> or set SAMENSPEL_SHARD_COUNT to the Job's completions");
    }
    return checked(jobIndex + 1, count, 'JOB_COMPLETION_INDEX');
  }
  if (countFlag !== undefined) throw new UsageError('--shards needs a shard index: JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID (or use --shard k/n)');
  return null;
}
