// The static build: `vite build` (base './') gives a site that works from any web server and
// any folder — here a plain Node file server under a sub-path — and from `vite preview`.
import { createServer as createHttpServer } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build, preview } from 'vite';
import { hook, ROOT, waitForTick } from '../harness.ts';
import { assert, assertEqual, test } from '../registry.ts';

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

test('the static build runs from a sub-folder of a plain web server and from vite preview', async ({ browser, note }) => {
  const out = mkdtempSync(join(tmpdir(), 'samenspel-dist-'));
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'viz'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  assert(existsSync(join(out, 'index.html')), 'index.html built');
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  assert(/src="\.\/assets\//.test(html), 'relative asset paths (base ./)');
  const server = createHttpServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!path.startsWith('/some/folder/')) { res.writeHead(404); res.end(); return; }
    let file = normalize(join(out, path.slice('/some/folder/'.length)));
    if (!file.startsWith(out)) { res.writeHead(403); res.end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const vitePreview = await preview({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'viz'), logLevel: 'error', build: { outDir: out }, preview: { host: '127.0.0.1', port: 0, open: false } });
  try {
    for (const url of [`http://127.0.0.1:${port}/some/folder/`, vitePreview.resolvedUrls!.local[0]]) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __samenspel?: { meta: unknown } }).__samenspel?.meta != null, null, { timeout: 30_000 });
      await waitForTick(page, 3);
      assert(await hook<boolean>(page, 'playing'), `${url}: the default run plays`);
      assertEqual(errors.join('\n'), '', `${url}: console errors`);
      await context.close();
    }
    note(`built to ${out}; served from /some/folder/ and by vite preview`);
  } finally {
    server.close();
    await new Promise<void>((r) => vitePreview.httpServer.close(() => r()));
  }
}, 120_000);
