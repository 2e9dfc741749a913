// Bad input exits 1 with a message naming its cause (never 2 with a stack trace) and writes
// nothing partial: prototype keys, tick counts, output paths, byte-order marks.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySet, InputError, MAX_TICKS, parseJsonText, parseScenario } from '../../sim/index.ts';
import { parseBatchSpec, parseDesignCsv, resolveBatch } from '../../sim/analysis/batch/index.ts';
import { loader, validSpec } from '../batch/helpers.ts';
import { parseTicks } from '../../cli/io.ts';
import { ROOT, shipped } from '../helpers.ts';
import { cli, expectBadInput, tempDir, writeJson } from './helpers.ts';

const polluted = () => ({} as Record<string, unknown>).x !== undefined || ({} as Record<string, unknown>).y !== undefined
  || Object.prototype.hasOwnProperty.call(Object.prototype, 'x') || Object.prototype.hasOwnProperty.call(Object.prototype, 'y');

describe('prototype keys are unknown parameters', () => {
  const raw = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'jeugdhulp.json'), 'utf8')) as Record<string, unknown>;

  it.each(['__proto__.x=1', 'constructor.prototype.y=1', 'params.__proto__.x=1', 'actors.0.constructor.prototype.y=1', '__proto__={"x":1}', 'constructor=1'])(
    'applySet refuses %s and touches no prototype', (set) => {
      const r = raw();
      const proto = Object.getPrototypeOf(r);
      expect(() => applySet(r, set)).toThrow(InputError);
      expect(() => applySet(r, set)).toThrow(/is not a parameter or scenario field|no field/);
      expect(polluted()).toBe(false);
      expect(Object.getPrototypeOf(r)).toBe(proto);
      expect(Object.getPrototypeOf(r.params ?? {})).toBe(Object.prototype);
    });

  it('in a batch spec: set, factorial design params and a design CSV header', () => {
    const issues = (f: () => unknown) => { try { f(); } catch (e) { return (e as InputError).message; } return 'no error'; };
    const bySet = issues(() => resolveBatch(parseBatchSpec({ ...validSpec(), scenarios: [{ scenario: 'jeugdhulp', set: ['__proto__.x=1'] }] }, 'spec.json'),
      { file: 'spec.json', loadScenario: loader }));
    expect(bySet).toMatch(/spec\.json: .*scenarios\[0\].*'__proto__' is not a parameter/s);
    const byDesign = issues(() => parseBatchSpec(JSON.parse('{"id":"b","scenarios":["tiny"],"strategies":["keten"],"replications":1,"measures":["impact"],' +
      '"design":{"type":"factorial","params":{"__proto__":[1],"mu":[0.2]}}}'), 'spec.json'));
    expect(byDesign).toMatch(/spec\.json: .*design\.params\.__proto__: unknown parameter or field '__proto__'/s);
    const byCsv = issues(() => parseDesignCsv('mu,constructor.prototype.y\n0.2,1\n', 'design.csv'));
    expect(byCsv).toMatch(/design\.csv: .*line 1, column 2: unknown parameter 'constructor\.prototype\.y'/s);
    expect(polluted()).toBe(false);
  });

  it('the CLI: exit 1 naming the key, and a valid list', () => {
    for (const set of ['__proto__.x=1', 'constructor.prototype.y=1']) {
      const r = cli(['run', 'jeugdhulp', '--ticks', '2', '--set', set]);
      expectBadInput(r, new RegExp(`--set: 1 problem[\\s\\S]*is not a parameter or scenario field. Valid keys`));
    }
  });
});

describe('--ticks', () => {
  it('MAX_TICKS is the scenario schema\'s own cap', () => {
    const base = { ...shipped('jeugdhulp') } as Record<string, unknown>;
    expect(parseScenario({ ...base, ticks: MAX_TICKS }).ticks).toBe(MAX_TICKS);
    expect(() => parseScenario({ ...base, ticks: MAX_TICKS + 1 })).toThrow(InputError);
  });

  it('run --ticks 1e12, -5, 1.5, abc are refused with the range', () => {
    for (const t of ['1e12', '-5', '1.5', 'abc', '']) {
      expect(() => parseTicks(t, '--ticks', 0)).toThrow(`--ticks expects a whole number of ticks from 0 to ${MAX_TICKS}, got '${t}'`);
    }
    expect(parseTicks('0', '--ticks', 0)).toBe(0);
    expect(parseTicks(String(MAX_TICKS))).toBe(MAX_TICKS);
    expectBadInput(cli(['run', 'jeugdhulp', '--ticks', '1e12']), new RegExp(`--ticks expects a whole number of ticks from 0 to ${MAX_TICKS}, got '1e12'`));
  });

  it('batch --ticks above the cap is refused before anything is written', () => {
    const dir = tempDir();
    const spec = writeJson(join(dir, 'spec.json'), { ...validSpec(), scenarios: ['jeugdhulp'] });
    const r = cli(['batch', spec, '--out', join(dir, 'out'), '--ticks', String(MAX_TICKS + 1)]);
    expectBadInput(r, new RegExp(`--ticks expects a whole number of ticks from 1 to ${MAX_TICKS}`));
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('output paths', () => {
  it('run --out into a missing folder names the folder; nothing is written', () => {
    const dir = tempDir();
    const out = join(dir, 'missing', 'x.csv');
    expectBadInput(cli(['run', 'jeugdhulp', '--ticks', '2', '--out', out]), new RegExp(`--out ${out}: the folder ${join(dir, 'missing')} does not exist`));
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expectBadInput(cli(['run', 'jeugdhulp', '--ticks', '2', '--out', dir + '/']), /--out must end in \.csv or \.json/);
  });

  it('report --out into a missing folder; batch --out that is a file', () => {
    const dir = tempDir();
    const out = join(dir, 'nope', 'r.html');
    expectBadInput(cli(['report', dir, '--out', out]), /the folder .*nope does not exist/);
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'keep me');
    const spec = writeJson(join(dir, 'spec.json'), { ...validSpec(), scenarios: ['jeugdhulp'] });
    expectBadInput(cli(['batch', spec, '--out', file]), new RegExp(`--out ${file}: is a file, not a folder`));
    expectBadInput(cli(['merge', dir, '--out', file]), new RegExp(`--out ${file}: is a file, not a folder`));
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expectBadInput(cli(['import', join(ROOT, 'scenarios', 'examples', 'actoren.csv'), '--out', join(dir, 'nope', 'x.json')]), /--out .*x\.json: the folder .*nope does not exist/);
  });
});

describe('JSON with a UTF-8 byte-order mark', () => {
  it('parses like one without', () => {
    expect(parseJsonText('\uFEFF{"a": 1}', 'x.json')).toEqual({ a: 1 });
  });

  it('the CLI validates and runs a scenario saved with a BOM', () => {
    const dir = tempDir();
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'jeugdhulp.json'), 'utf8');
    const scenario = join(dir, 'bom.json');
    writeFileSync(scenario, '\uFEFF' + text);
    const r = cli(['validate', scenario]);
    expect(r.status, r.stderr).toBe(0);
    const run = cli(['run', scenario, '--ticks', '2']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^tick,/);
  });
});
