// Shared plumbing for the real-browser tests: a Vite dev server on a free local port, Debian's
// Chromium driven by playwright-core (never a downloaded browser), and a page that records
// console errors.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export async function startServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'viz'),
    logLevel: 'error',
    // No file watching: other work in the repo must not reload the page mid-test.
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not report a port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface WatchedPage { page: Page; errors: string[] }

/** A page at a projector-like size that collects console errors and uncaught exceptions. */
export async function openPage(browser: Browser, url: string, size = { width: 1920, height: 1080 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true, deviceScaleFactor: 1 });
  // tsx compiles page.evaluate callbacks with esbuild's keepNames, which wraps named inner
  // functions in __name(); the page has no such helper unless we give it one.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __samenspel?: { meta: unknown } }).__samenspel?.meta != null, null, { timeout: 90_000 }); // a cold dev server on a loaded machine
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Reads a property of the app's debug hook (window.__samenspel). */
export async function hook<T = unknown>(page: Page, path: string): Promise<T> {
  return page.evaluate((p) => {
    let v: unknown = (window as unknown as { __samenspel: unknown }).__samenspel;
    for (const k of p.split('.')) v = (v as Record<string, unknown>)[k];
    return v as T;
  }, path);
}

/** Calls a function of the debug hook and awaits its result. */
export async function call<T = unknown>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(async ({ name, args }) => {
    const h = (window as unknown as { __samenspel: Record<string, (...a: unknown[]) => unknown> }).__samenspel;
    return (await h[name](...args)) as T;
  }, { name, args });
}

/** Waits until the UI has received a frame for `tick` (or later). */
export async function waitForTick(page: Page, tick: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction((t) => ((window as unknown as { __samenspel: { tick: number } }).__samenspel.tick >= t), tick, { timeout });
}

/** Runs the worker to exactly `tick` and waits until the UI shows it. */
export async function goToTick(page: Page, tick: number): Promise<void> {
  await call(page, 'runTo', tick);
  await page.waitForFunction((t) => ((window as unknown as { __samenspel: { tick: number } }).__samenspel.tick === t), tick, { timeout: 30_000 });
}

export async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path!);
  return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}
