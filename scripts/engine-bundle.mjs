// The batch worker as one prebuilt JavaScript file (docs/PERFORMANCE.md §4). Compiling the
// TypeScript engine with tsx in every worker thread costs about a second of CPU per worker;
// the bundle loads in a few tens of milliseconds. It is never stale: it lives in a cache
// folder under a name derived from a SHA-256 over the exact bytes of every file that went
// into it (sources, scenario JSON, dependencies, tsconfig.json), the esbuild version and the
// build options. Each pool start re-hashes those files (about 200, ~1.4 MB: milliseconds)
// and rebuilds when anything differs. Plain ESM, no tsx, so it also runs as a script:
//
//   node scripts/engine-bundle.mjs            # build (or confirm) the bundle; `npm run build:engine`
//   node scripts/engine-bundle.mjs --check    # exit 0 if fresh, 3 if it would be rebuilt
//
// The build itself is asynchronous (it needs an esbuild plugin, see `build`), so the
// synchronous `freshBundle()` the pool calls runs a rebuild as this script in a child process.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
export const ROOT = resolve(dirname(HERE), '..');
/** Bump when the way bundles are built or keyed changes. */
const FORMAT = 'samenspel-engine-bundle/2';
const ENTRY = 'workers/batch-worker.ts';
const NAME = 'batch-worker';
// Bundled modules keep `require` working for CommonJS dependencies (an ESM file has none).
const BANNER = "import { createRequire as __samenspelRequire } from 'node:module'; const require = __samenspelRequire(import.meta.url);";
const OPTIONS = {
  entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'esm', target: 'node20',
  banner: { js: BANNER }, legalComments: 'none', logLevel: 'silent',
};
const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.json': 'json' };

/** Where bundles are kept: `<repo>/.cache/engine`, or a per-user temp folder when that is not writable. */
export function cacheDirs(root = ROOT) {
  const user = (() => { try { return userInfo().username; } catch { return 'user'; } })();
  return [join(root, '.cache', 'engine'), join(tmpdir(), `samenspel-engine-${user}`)];
}

// esbuild comes with tsx (a dependency), so `npm ci` always installs it; resolved from here.
const requireHere = createRequire(import.meta.url);
const esbuildVersion = () => JSON.parse(readFileSync(requireHere.resolve('esbuild/package.json'), 'utf8')).version;

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
/** This script is part of the key too: a change to how bundles are built rebuilds them. */
const SELF = sha256(readFileSync(HERE));

/** The key of a bundle: this script, esbuild's version, the options, and every input's path and content hash. */
function keyOf(esbuild, inputs) {
  const h = createHash('sha256');
  h.update(`${FORMAT}\n${SELF}\nesbuild ${esbuild}\n${JSON.stringify(OPTIONS)}\n`);
  for (const [path, digest] of [...inputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${path}\n${digest}\n`);
  return h.digest('hex');
}

const stampFile = (dir) => join(dir, `${NAME}.json`);

/**
 * The bundle in `dir` if it is fresh: its stamp lists the inputs it was built from, and every
 * one of them still has the bytes it had then. Returns null (rebuild) on any difference,
 * a missing or unreadable file, or another esbuild.
 */
export function checkBundle(dir, root = ROOT) {
  let stamp;
  try { stamp = JSON.parse(readFileSync(stampFile(dir), 'utf8')); } catch { return null; }
  if (stamp?.format !== FORMAT || !Array.isArray(stamp.inputs) || typeof stamp.file !== 'string') return null;
  try {
    if (stamp.esbuild !== esbuildVersion()) return null;
    const inputs = stamp.inputs.map((p) => [p, sha256(readFileSync(resolve(root, p)))]);
    const key = keyOf(stamp.esbuild, inputs);
    const file = join(dir, stamp.file);
    if (key !== stamp.key || stamp.file !== `${NAME}-${key.slice(0, 16)}.mjs`) return null;
    if (sha256(readFileSync(file)) !== stamp.bundle) return null;
    return { file, key, inputs: inputs.length };
  } catch {
    return null;
  }
}

/**
 * Builds the bundle into `dir`. An esbuild plugin reads every input itself and hashes exactly
 * the bytes it hands to esbuild, so a file edited during the build cannot end up in a stamp
 * that does not match the bundle. Files are written under temporary names and renamed into
 * place, so concurrent builds (several shards starting at once) never see half a file.
 */
export async function build(dir, root = ROOT) {
  const esbuild = await import(pathToFileURL(requireHere.resolve('esbuild')).href);
  const digests = new Map();
  const hashInputs = {
    name: 'samenspel-hash-inputs',
    setup(b) {
      b.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        const loader = LOADERS[extname(args.path)];
        if (!loader) return undefined;
        const bytes = readFileSync(args.path);
        digests.set(args.path, sha256(bytes));
        return { contents: bytes, loader };
      });
    },
  };
  const result = await esbuild.build({ ...OPTIONS, absWorkingDir: root, write: false, metafile: true, outfile: join(dir, `${NAME}.mjs`), plugins: [hashInputs] });
  const inputs = Object.keys(result.metafile.inputs).map((p) => {
    const abs = resolve(root, p);
    const digest = digests.get(abs) ?? sha256(readFileSync(abs));
    return [relative(root, abs).replace(/\\/g, '/'), digest];
  });
  const key = keyOf(esbuild.version, inputs);
  const file = `${NAME}-${key.slice(0, 16)}.mjs`;
  const code = result.outputFiles.find((f) => f.path.endsWith('.mjs'));
  if (!code) throw new Error('esbuild wrote no bundle');
  // No source map: with source maps on (tsx turns them on), Node would parse a 2 MB map in
  // every worker. The bundle is not minified; esbuild marks where each source file starts.
  const text = code.text;
  mkdirSync(dir, { recursive: true });
  const tmp = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const put = (name, data) => { writeFileSync(join(dir, name + tmp), data); renameSync(join(dir, name + tmp), join(dir, name)); };
  put(file, text);
  put(`${NAME}.json`, JSON.stringify({
    format: FORMAT, esbuild: esbuild.version, key, file, bundle: sha256(text), entry: ENTRY, built: new Date().toISOString(),
    inputs: inputs.map(([p]) => p).sort(),
  }, null, 1) + '\n');
  prune(dir, file);
  return { file: join(dir, file), key, inputs: inputs.length };
}

/**
 * Removes bundles of older sources, keeping the 8 newest and any younger than a day: a long
 * batch started on an older bundle may still need it to replace a dead worker.
 */
function prune(dir, keep) {
  const dayAgo = Date.now() - 86_400_000;
  const old = [];
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(`${NAME}-`) || f.startsWith(keep) || f === `${NAME}.json` || f.includes('.tmp-')) continue;
    try { old.push({ f, t: statSync(join(dir, f)).mtimeMs }); } catch { /* raced */ }
  }
  old.sort((a, b) => b.t - a.t);
  for (const { f, t } of old.slice(8)) if (t < dayAgo) rmSync(join(dir, f), { force: true });
}

/**
 * A fresh bundle for the pool, synchronously: the first cache folder with a fresh one, else a
 * rebuild (this script in a child process) into the first writable folder. Returns
 * `{ file, built, key }`, or `{ file: null, reason }` when no bundle can be had (the pool then
 * falls back to the TypeScript sources).
 */
export function freshBundle(root = ROOT) {
  const dirs = cacheDirs(root);
  for (const dir of dirs) {
    const fresh = checkBundle(dir, root);
    if (fresh) return { ...fresh, built: false };
  }
  let reason = 'no cache folder is writable';
  for (const dir of dirs) {
    try { mkdirSync(dir, { recursive: true }); } catch (e) { reason = `${dir}: ${e.message}`; continue; }
    const r = spawnSync(process.execPath, [HERE, '--dir', dir, '--root', root, '--json'], { encoding: 'utf8' });
    if (r.status === 0) {
      const fresh = checkBundle(dir, root);
      if (fresh) return { ...fresh, built: true };
      reason = `the bundle built in ${dir} does not check out (were sources edited during the build?)`;
      continue;
    }
    reason = (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(0, 3).join(' / ');
    if (!/EACCES|EROFS|EPERM/.test(reason)) break; // a build error: another folder will not help
  }
  return { file: null, reason };
}

// ---- as a script -----------------------------------------------------------------------------
if (process.argv[1] && resolve(process.argv[1]) === HERE) {
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const root = arg('--root') ? resolve(arg('--root')) : ROOT;
  const dir = arg('--dir') ? (isAbsolute(arg('--dir')) ? arg('--dir') : resolve(arg('--dir'))) : cacheDirs(root)[0];
  const json = process.argv.includes('--json');
  const fresh = checkBundle(dir, root);
  if (process.argv.includes('--check')) {
    console.log(fresh ? `fresh: ${relative(process.cwd(), fresh.file)} (${fresh.inputs} inputs)` : `stale or missing: ${dir}`);
    process.exit(fresh ? 0 : 3);
  }
  try {
    const t0 = performance.now();
    const out = fresh ? { ...fresh, built: false } : { ...(await build(dir, root)), built: true };
    const ms = Math.round(performance.now() - t0);
    if (json) console.log(JSON.stringify({ ...out, ms }));
    else console.log(`${out.built ? 'built' : 'fresh'}: ${relative(process.cwd(), out.file)} (${out.inputs} inputs, ${ms} ms)`);
  } catch (e) {
    const errors = e?.errors?.length ? e.errors.map((m) => `${m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : ''}${m.text}`).join('\n') : String(e?.message ?? e);
    process.stderr.write(`engine bundle: ${errors}\n`);
    process.exit(1);
  }
}

