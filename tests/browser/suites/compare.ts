// The Compare panel: strategies run in a pool of web workers; box plots and verdicts fill in;
// runs.csv and summary.csv equal `samenspel batch` on the same spec, byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadText, openPage, ROOT, screenshot } from '../harness.ts';
import { assert, assertEqual, test } from '../registry.ts';

test('Compare: a worker pool runs the strategies; box plots, verdicts and the CLI batch files match', async ({ browser, url, note }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  await page.click('#compare-open');
  await page.locator('#compare').waitFor({ state: 'visible' });
  for (const id of ['gesloten-kern', 'sturende-regie']) await page.uncheck(`input[data-strategy="${id}"]`);
  await page.fill('#compare-replications', '4');
  await page.fill('#compare-ticks', '40');
  await page.fill('#compare-seed', '5');
  await page.click('#compare-start');
  await page.waitForFunction(() => /8 \/ 8/.test(document.getElementById('compare-status')?.textContent ?? ''), null, { timeout: 90_000 });
  await page.waitForFunction(() => !(document.querySelector('button[data-file="runs.csv"]') as HTMLButtonElement).disabled, null, { timeout: 30_000 });
  const workers = page.workers().length;
  assert(await page.locator('.box-plots g.box-panel').count() === 6, 'one box plot per kept measure');
  assert(await page.locator('.box-plots g.box[data-strategy="faciliterend"] circle').count() >= 4, 'every run is a dot');
  assert(await page.locator('#compare-verdicts li').count() >= 1, 'verdicts are shown');
  const runs = await downloadText(page, () => page.click('button[data-file="runs.csv"]'));
  const summary = await downloadText(page, () => page.click('button[data-file="summary.csv"]'));
  const pairs = await downloadText(page, () => page.click('button[data-file="pairs.csv"]'));
  const spec = await downloadText(page, () => page.click('button[data-file="compare.json"]'));
  await screenshot(page, 'compare');
  note(`screenshot tests/artifacts/compare.png; ${workers} workers in the page`);
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-compare-'));
  writeFileSync(join(dir, 'compare.json'), spec.text);
  execFileSync(process.execPath, [join(ROOT, 'bin', 'samenspel.js'), 'batch', join(dir, 'compare.json'), '--out', join(dir, 'out'), '--workers', '1', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  assertEqual(runs.text, readFileSync(join(dir, 'out', 'runs.csv'), 'utf8'), 'runs.csv');
  assertEqual(summary.text, readFileSync(join(dir, 'out', 'summary.csv'), 'utf8'), 'summary.csv');
  assertEqual(pairs.text, readFileSync(join(dir, 'out', 'pairs.csv'), 'utf8'), 'pairs.csv');
  await page.click('#compare-close');
  assertEqual(errors.join('\n'), '', 'console errors');
}, 180_000);
