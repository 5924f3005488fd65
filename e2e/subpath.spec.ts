import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';

// The built site must work from any sub-path of any static host (relative `base`).
const dist = join(process.cwd(), 'dist');
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
let server: Server;
let origin = '';

test.beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/some/docs/podscope/')) {
      res.writeHead(404).end('not here');
      return;
    }
    const rel = normalize(url.pathname.slice('/some/docs/podscope/'.length) || 'index.html').replace(
      /^(\.\.[/\\])+/,
      '',
    );
    try {
      const body = await readFile(join(dist, rel));
      res.writeHead(200, { 'content-type': types[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('missing');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
});

test.afterAll(() => {
  server.close();
});

test('the built site works when served from a sub-path', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    // The page asks its origin's /api whether a Kubernetes API stands beside it (kubectl proxy
    // --www); a static host's 404 there says no, and the page is the simulated lab.
    if (r.status() >= 400 && r.url() !== `${origin}/api`) failed.push(r.url());
  });
  await page.goto(`${origin}/some/docs/podscope/`);
  await expect(page).toHaveTitle(/Podscope/);
  await expect(page.getByRole('region', { name: 'Cluster stage' })).toBeVisible();
  expect(failed).toEqual([]);
});
