// Reproducibility: a shared link replays the same run, and a run in the app equals
// `npx samenspel run` with the same scenario, rules, overrides, seed and interventions —
// bit for bit, Chromium against Node.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, downloadText, goToTick, hook, openPage, ROOT } from '../harness.ts';
import { assert, assertEqual, test } from '../registry.ts';

function cli(args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'bin', 'samenspel.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** JSON with sorted keys: the same events whether made live or read back from a link. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

function firstDifference(a: string, b: string): string {
  const la = a.split('\n'), lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  app: ${la[i]?.slice(0, 160)}\n  cli: ${lb[i]?.slice(0, 160)}`;
  }
  return 'none';
}

test('a shared link reproduces the same run, interventions included', async ({ browser, url }) => {
  const a = await openPage(browser, `${url}?autoplay=0&seed=11`);
  await goToTick(a.page, 20);
  await a.page.click('#lever-agendering');
  await a.page.selectOption('#rule-entry', 'selective');
  await goToTick(a.page, 35);
  await a.page.selectOption('#lever-mobilise-target', { index: 2 });
  await a.page.click('#lever-mobilise');
  await goToTick(a.page, 50);
  const link = await call<string>(a.page, 'shareUrl');
  const csvA = await call<string>(a.page, 'exportCsv');
  const logA = await hook<unknown[]>(a.page, 'log');
  assert(link.includes('iv=') && link.includes('t=50') && link.includes('seed=11'), `the link holds interventions, tick and seed: ${link}`);
  const b = await openPage(browser, link);
  await b.page.waitForFunction(() => (window as unknown as { __samenspel: { tick: number } }).__samenspel.tick === 50);
  assertEqual(await hook<boolean>(b.page, 'playing'), false, 'a shared link opens paused at its tick');
  const csvB = await call<string>(b.page, 'exportCsv');
  assert(csvA === csvB, `same series from the link (first difference ${firstDifference(csvA, csvB)})`);
  await b.page.waitForFunction((n) => (window as unknown as { __samenspel: { log: unknown[] } }).__samenspel.log.length >= n, logA.length);
  assertEqual(JSON.stringify(await hook(b.page, 'log')), JSON.stringify(logA), 'same event log');
  assertEqual(canonical(await hook(b.page, 'interventions')), canonical(await hook(a.page, 'interventions')), 'same interventions');
  assertEqual(a.errors.concat(b.errors).join('\n'), '', 'console errors');
});

test('the app and `npx samenspel run` give the same CSV and JSON, bit for bit (Chromium vs Node)', async ({ browser, url, note }) => {
  // Start rules, an override and a seed in the link; interventions made live in the app.
  const { page, errors } = await openPage(browser, `${url}?autoplay=0&scenario=jeugdhulp&seed=7&rules=sturende-regie&set=mu%3D0.2`);
  await goToTick(page, 30);
  await page.selectOption('#rule-leadership', 'facilitating');
  await page.selectOption('#rule-decision', 'consensus');
  await goToTick(page, 45);
  await page.selectOption('#lever-broker-a', 'Gemeente');
  await page.selectOption('#lever-broker-b', 'Specialistische instelling');
  await page.click('#lever-broker');
  await page.click('#lever-platform');
  await goToTick(page, 90);
  await page.click('#export-menu summary');
  const csv = await downloadText(page, () => page.click('button[data-export="csv"]'));
  const json = await downloadText(page, () => page.click('button[data-export="json"]'));
  const events = await downloadText(page, () => page.click('button[data-export="events"]'));
  const command = await page.locator('#cli-command').innerText();
  const parsed = JSON.parse(events.text) as { type: string; tick: number }[];
  assertEqual(parsed.map((e) => `${e.type}@${e.tick}`).join(' '), 'rules@31 rules@31 broker@46 platform@46', 'the interventions file');
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-browser-'));
  const eventsFile = join(dir, 'events.json');
  writeFileSync(eventsFile, events.text);
  const args = ['run', 'jeugdhulp', '--seed', '7', '--ticks', '90', '--rules', 'sturende-regie', '--set', 'mu=0.2', '--events', eventsFile, '--quiet'];
  assertEqual(command, 'npx samenspel run jeugdhulp --seed 7 --ticks 90 --rules sturende-regie --set mu=0.2 --events events.json --out run.csv', 'the CLI command the app shows');
  const cliCsv = cli(args);
  assert(csv.text === cliCsv, `CSV identical (first difference ${firstDifference(csv.text, cliCsv)})`);
  cli([...args, '--out', join(dir, 'run.json')]);
  const { readFileSync } = await import('node:fs');
  const cliJson = readFileSync(join(dir, 'run.json'), 'utf8');
  assert(json.text === cliJson, `JSON identical (first difference ${firstDifference(json.text, cliJson)})`);
  note(`${csv.text.split('\n').length - 2} ticks × ${csv.text.split('\n')[0].split(',').length - 1} measures identical; JSON ${json.text.length} bytes identical`);
  assertEqual(errors.join('\n'), '', 'console errors');
}, 90_000);
