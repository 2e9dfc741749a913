// The real-browser suite: the app in Debian's Chromium through playwright-core, served by a
// Vite dev server on a free local port. Prints one line per test and a final `N passed,
// M failed`; exits non-zero when any failed. Screenshots go to tests/artifacts/.
import { launchBrowser, startServer } from './harness.ts';
import { TESTS, type Ctx } from './registry.ts';
import './suites/app.ts';
import './suites/reproducible.ts';
import './suites/views.ts';
import './suites/scale.ts';
import './suites/import.ts';
import './suites/compare.ts';
import './suites/build.ts';
import './suites/landscape.ts';
import './suites/projector.ts';

const only = process.argv[2] ? new RegExp(process.argv[2], 'i') : null;
const started = Date.now();
let passed = 0, failed = 0;
let server: Awaited<ReturnType<typeof startServer>> | null = null;
let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
try {
  server = await startServer();
  browser = await launchBrowser();
  for (const t of TESTS) {
    if (only && !only.test(t.name)) continue;
    const notes: string[] = [];
    const ctx: Ctx = { browser, url: server.url, note: (text) => notes.push(text) };
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        t.fn(ctx),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${t.timeout / 1000} s`)), t.timeout); }),
      ]);
      passed++;
      console.log(`  ✓ ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.log(`  ✗ ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n      ${String((e as Error)?.stack ?? e).split('\n').slice(0, 6).join('\n      ')}`);
    } finally {
      clearTimeout(timer);
      for (const n of notes) console.log(`      · ${n}`);
      for (const c of browser.contexts()) await c.close().catch(() => {});
    }
  }
} catch (e) {
  failed++;
  console.log(`  ✗ setup: ${(e as Error)?.stack ?? e}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.server.close().catch(() => {});
}
console.log(`browser suite took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
