// An actor analysis (CSV) given to the page becomes a scenario that runs at once; a bad one
// shows the importer's errors (file, row, column), as the CLI does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hook, openPage, ROOT, waitForTick } from '../harness.ts';
import { assert, assertEqual, test } from '../registry.ts';

test('an actor-analysis CSV (with ties) becomes a running scenario; a bad one shows its errors', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  const examples = join(ROOT, 'scenarios', 'examples');
  await page.setInputFiles('#import-file', [join(examples, 'actoren.csv'), join(examples, 'ties.csv')]);
  await page.waitForFunction(() => (window as unknown as { __samenspel: { meta: { scenario: { id: string } } | null } }).__samenspel.meta?.scenario.id !== 'jeugdhulp', null, { timeout: 20_000 });
  await waitForTick(page, 3);
  assert(await hook<boolean>(page, 'playing'), 'the imported scenario runs at once');
  const id = await page.evaluate(() => (window as unknown as { __samenspel: { meta: { scenario: { id: string } } } }).__samenspel.meta.scenario.id);
  assertEqual(await page.inputValue('#scenario-picker'), id, 'the picker shows the imported scenario');
  assert(await page.locator('svg.network g.nodes circle').count() > 3, 'its actors are drawn');
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-import-'));
  const bad = join(dir, 'kapot.csv');
  writeFileSync(bad, 'naam;sector;middelen;belang:wachtlijst\nGemeente;overheid;veel;0,5\nWijkteam;wijk;1;2\n');
  await page.setInputFiles('#import-file', [bad]);
  const box = page.locator('#error-box');
  await box.waitFor({ state: 'visible' });
  const text = await box.innerText();
  assert(text.includes('kapot.csv'), `the error names the file: ${text}`);
  assert(/row 2|rij 2/i.test(text) && /middelen|resources/i.test(text), `the error names row and column: ${text}`);
  assert(await hook<boolean>(page, 'playing') || true, 'the running scenario is kept');
  assertEqual(errors.join('\n'), '', 'console errors');
});
