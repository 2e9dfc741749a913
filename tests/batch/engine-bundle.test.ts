// The batch workers' engine bundle (scripts/engine-bundle.mjs): never stale — an edit to any
// file that went into it makes it rebuild — and the bundled engine computes exactly what the
// TypeScript sources compute.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, checkBundle, freshBundle } from '../../scripts/engine-bundle.mjs';
import { createRunner, expandRuns } from '../../sim/analysis/batch/index.ts';
import { createNodeBatchPool, withoutTsxLoader } from '../../workers/node-pool.ts';
import { resolveSpec, validSpec } from './helpers.ts';

// A tiny project with the bundle's entry (workers/batch-worker.ts) importing two files.
const root = mkdtempSync(join(tmpdir(), 'samenspel-bundle-'));
const cache = join(root, '.cache', 'engine');
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
write('workers/batch-worker.ts', "import { answer } from '../sim/answer.ts';\nimport table from '../sim/table.json';\nexport const out: number = answer() + table.n;\n");
write('sim/answer.ts', 'export const answer = (): number => 41;\n');
write('sim/table.json', '{ "n": 1 }\n');
write('sim/unused.ts', 'export const unused = 1;\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));
let firstKey = '';

describe('engine bundle freshness', () => {
  it('is built once, then found fresh without rebuilding', async () => {
    expect(checkBundle(cache, root)).toBeNull();
    const built = await build(cache, root);
    expect(built.inputs).toBe(3); // the entry, answer.ts and table.json
    expect(readFileSync(built.file, 'utf8')).toContain('=> 41');
    expect(checkBundle(cache, root)).toEqual({ file: built.file, key: built.key, inputs: 3 });
    firstKey = built.key;
    const again = freshBundle(root);
    expect(again).toMatchObject({ file: built.file, built: false });
  });

  it('is stale after an edit to any input (TypeScript or JSON), and rebuilt from the new code', () => {
    const before = checkBundle(cache, root)!;
    write('sim/answer.ts', 'export const answer = (): number => 42;\n');
    expect(checkBundle(cache, root)).toBeNull();
    const rebuilt = freshBundle(root);
    expect(rebuilt).toMatchObject({ built: true });
    if (!rebuilt.file) throw new Error('no bundle');
    expect(rebuilt.key).not.toBe(before.key);
    expect(readFileSync(rebuilt.file, 'utf8')).toContain('=> 42');

    write('sim/table.json', '{ "n": 2 }\n');
    expect(checkBundle(cache, root)).toBeNull();
    expect(freshBundle(root)).toMatchObject({ built: true });
  });

  it('ignores files that are not inputs, and a revert brings back the first key', () => {
    const current = checkBundle(cache, root)!;
    write('sim/unused.ts', 'export const unused = 2;\n');
    expect(checkBundle(cache, root)?.key).toBe(current.key);
    write('sim/answer.ts', 'export const answer = (): number => 41;\n');
    write('sim/table.json', '{ "n": 1 }\n');
    expect(freshBundle(root)).toMatchObject({ key: firstKey, built: true });
  });

  it('is stale when the bundle file was altered, or an input deleted', () => {
    const fresh = checkBundle(cache, root)!;
    writeFileSync(fresh.file, readFileSync(fresh.file, 'utf8') + '\n// edited\n');
    expect(checkBundle(cache, root)).toBeNull();
    expect(freshBundle(root)).toMatchObject({ built: true });
    rmSync(join(root, 'sim', 'table.json'));
    expect(checkBundle(cache, root)).toBeNull();
    const failed = freshBundle(root);
    expect(failed.file).toBeNull();
    if (failed.file === null) expect(failed.reason).toMatch(/table\.json/);
    write('sim/table.json', '{ "n": 1 }\n');
  });
});

describe('bundle workers', () => {
  it('drop only tsx loader flags from the inherited Node flags', () => {
    expect(withoutTsxLoader(['--import', 'tsx', '--max-old-space-size=512', '--import=tsx/esm', '--loader', 'tsx', '--import', './x.mjs']))
      .toEqual(['--max-old-space-size=512', '--import', './x.mjs']);
  });

  it('compute byte-identical results to the TypeScript sources, in one process and in workers', async () => {
    const { batch, scenarios } = resolveSpec({
      ...validSpec(), scenarios: ['tiny', 'jeugdhulp'], replications: 2, ticks: 20,
      measures: ['impact', { measure: 'richten', keep: 'mean', last: 5 }, { measure: 'impact', keep: 'series' }],
    });
    const plans = expandRuns(batch);
    const runner = createRunner(batch, scenarios);
    const inProcess = JSON.stringify(plans.map((p) => runner.run(p)));
    const bundle = freshBundle();
    expect(bundle.file).not.toBeNull();
    const viaPool = async (code: Parameters<typeof createNodeBatchPool>[2]) => {
      const pool = createNodeBatchPool(2, { batch, scenarios }, code);
      try {
        return JSON.stringify(await Promise.all(plans.map((p) => pool.run((w) => w.run(p, 1)))));
      } finally {
        await pool.close();
      }
    };
    const { pathToFileURL } = await import('node:url');
    expect(await viaPool({ bundle: pathToFileURL(bundle.file!), note: 'bundle' })).toBe(inProcess);
    expect(await viaPool({ bundle: null, note: 'sources' })).toBe(inProcess);
  });
});
