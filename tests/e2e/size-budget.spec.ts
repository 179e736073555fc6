import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

// The size budget stays kept: the gzip total of every file the widget loads may not grow more
// than 5% above the figure BENCHMARKS.md records (its `<!-- budget: total_gzip_bytes=N -->`
// line, written from a full `bash scripts/bench.sh` run). The files are found the way the
// benchmark finds them: by what the browser asks for when it opens index.html.

const DIST = 'dist';
const ALLOWED_GROWTH = 1.05;

function recordedTotal(): number {
  const text = readFileSync('BENCHMARKS.md', 'utf8');
  const m = text.match(/<!--\s*budget:\s*total_gzip_bytes=(\d+)\s*-->/);
  if (!m) throw new Error('BENCHMARKS.md has no <!-- budget: total_gzip_bytes=N --> line');
  return Number(m[1]);
}

/** gzip -9 -n, as scripts/precompress.mjs writes the .gz files a host serves. */
function gzipSize(data: Buffer): number {
  try {
    return execFileSync('gzip', ['-9', '-n', '-c'], { input: data, maxBuffer: 1 << 30 }).length;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return gzipSync(data, { level: 9 }).length;
  }
}

/** The files index.html makes the browser load (paths under dist/), with the encoding served. */
async function loadedFiles(page: Page): Promise<Map<string, string>> {
  const loaded = new Map<string, string>();
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    const file = url.pathname.split('/').pop() ?? '';
    // The same exclusions as bench/measure.mjs: the page, favicon, offline cache and configs.
    if (request.resourceType() === 'document' || file === '' || file.startsWith('favicon.') || file === 'sw.js' || file.endsWith('.json')) return;
    const response = await request.response();
    loaded.set(decodeURIComponent(url.pathname.slice(1)), (await response?.headerValue('content-encoding')) ?? 'identity');
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  return loaded;
}

test('the gzip total of what the widget loads stays within 5% of BENCHMARKS.md', async ({ page }) => {
  const files = [...(await loadedFiles(page)).keys()].sort();
  expect(files.some((f) => f.endsWith('.wasm')), `loaded: ${files.join(', ')}`).toBe(true);
  const sizes = files.map((f) => ({ file: f, gzip: gzipSize(readFileSync(join(DIST, f))) }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const recorded = recordedTotal();
  const limit = Math.floor(recorded * ALLOWED_GROWTH);
  const detail = sizes.map((s) => `${s.file} ${s.gzip}`).join(', ');
  test.info().annotations.push({ type: 'gzip total', description: `${total} bytes (recorded ${recorded}, limit ${limit}): ${detail}` });
  expect(
    total,
    `the widget's files are ${total} bytes gzipped (${detail}); BENCHMARKS.md records ${recorded}, so at most ${limit} ` +
      'may ship. Make it smaller, or if the growth is worth it, run `bash scripts/bench.sh` and record the new figures.',
  ).toBeLessThanOrEqual(limit);
});

test('the build writes a .gz and a .br beside every text file, and the server sends them', async ({ page, request }) => {
  const missing: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const textFiles = walk(DIST).filter((f) => /\.(js|wasm|css|html|json|svg)$/.test(f) && !f.includes('.stage'));
  expect(textFiles.length).toBeGreaterThan(5);
  for (const f of textFiles) {
    const original = readFileSync(f);
    if (!existsSync(`${f}.gz`) || !existsSync(`${f}.br`)) {
      missing.push(f);
      continue;
    }
    expect(gunzipSync(readFileSync(`${f}.gz`)).equals(original), `${f}.gz unpacks to ${f}`).toBe(true);
    expect(brotliDecompressSync(readFileSync(`${f}.br`)).equals(original), `${f}.br unpacks to ${f}`).toBe(true);
  }
  expect(missing, 'files without a precompressed copy').toEqual([]);

  // The test server runs with --precompressed (playwright.config.ts), as a host with
  // brotli_static would: brotli for a browser, the original for a client that takes no encoding.
  const loaded = await loadedFiles(page);
  for (const [file, encoding] of loaded) expect(encoding, `${file} as the browser got it`).toBe('br');
  const wasm = [...loaded.keys()].find((f) => f.endsWith('.wasm'))!;
  const br = await request.get(`/${wasm}`, { headers: { 'Accept-Encoding': 'gzip, br' } });
  expect(br.headers()['content-encoding']).toBe('br');
  expect(br.headers()['content-type']).toBe('application/wasm');
  expect(br.headers()['vary']).toBe('Accept-Encoding');
  const gz = await request.get(`/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  const plain = await request.get(`/${wasm}`, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(Buffer.from(await plain.body()).equals(readFileSync(join(DIST, wasm)))).toBe(true);
});
