// Visual tests of the D3 views on their own (outside the app): each factory draws fixed data
// into a fixed-size element of a blank page; the SVG, numbers rounded, must match the stored
// snapshot in tests/browser/snapshots/ (UPDATE_SNAPSHOTS=1 rewrites them; review the diff).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, ROOT } from '../harness.ts';
import { assert, test } from '../registry.ts';

const SNAPSHOTS = join(ROOT, 'tests', 'browser', 'snapshots');

/** Rounds every decimal number to one decimal, so sub-pixel noise never fails a test. */
export function normaliseSvg(svg: string): string {
  return svg.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => {
    const v = Math.round(Number(m) * 10) / 10;
    return String(Object.is(v, -0) ? 0 : v);
  }).replace(/></g, '>\n<');
}

test('views render fixed data to the stored SVG snapshots (nl and en)', async ({ browser, url, note }) => {
  const { page, errors } = await openPage(browser, `${url}?autoplay=0`);
  const fixture = `/@fs${join(ROOT, 'tests', 'browser', 'fixtures', 'views.ts')}`;
  const svgs = await page.evaluate(async (path) => (await import(path)).renderFixtures() as Record<string, string>, fixture);
  mkdirSync(SNAPSHOTS, { recursive: true });
  const update = process.env.UPDATE_SNAPSHOTS === '1';
  const mismatched: string[] = [];
  for (const [name, svg] of Object.entries(svgs)) {
    const file = join(SNAPSHOTS, `${name}.svg`);
    const got = normaliseSvg(svg);
    if (update || !existsSync(file)) {
      writeFileSync(file, got);
      note(`snapshot written: tests/browser/snapshots/${name}.svg`);
      continue;
    }
    if (readFileSync(file, 'utf8') !== got) {
      writeFileSync(join(ROOT, 'tests', 'artifacts', `${name}.actual.svg`), got);
      mismatched.push(name);
    }
  }
  assert(!mismatched.length, `SVG differs from the snapshot for ${mismatched.join(', ')} (actual in tests/artifacts/*.actual.svg)`);
  assert(svgs['timeSeries.en'].includes('Joint direction') && svgs['timeSeries.nl'].includes('Samen richten'), 'legend in both languages');
  assert((svgs.network.match(/<circle[^>]*data-i=/g) ?? []).length === 12, 'network draws every actor');
  assert(errors.length === 0, `console errors: ${errors.join('\n')}`);
});
