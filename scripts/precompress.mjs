// Trunk post-build step: writes a gzip (`X.gz`, level 9) and a brotli (`X.br`, quality 11) copy
// beside every text file of a release build, so a static host can send the smaller file without
// compressing on each request (nginx `gzip_static` / `brotli_static`, see README "Deploy").
// Runs from Trunk.toml after the service worker is stamped; by hand:
//
//   node scripts/precompress.mjs [DIR]      # DIR defaults to $TRUNK_STAGING_DIR, else dist
//
// gzip is GNU `gzip -9 -n` (about 1% smaller than Node's zlib at level 9; Node's zlib if there is
// no gzip command), brotli is Node's (the reference encoder). Output is byte-for-byte reproducible
// (no file name or time in the gzip header), so the sizes the benchmark and the size test read
// are the sizes a host serves. Debug builds are skipped:
// they are never deployed and brotli at quality 11 on a debug wasm takes long.
import { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const EXTENSIONS = ['.js', '.mjs', '.wasm', '.css', '.html', '.json', '.svg', '.txt', '.webmanifest'];

/** Compresses the way every figure in BENCHMARKS.md is measured; shared with bench/measure.mjs. */
export function gzip(data) {
  try {
    return execFileSync('gzip', ['-9', '-n', '-c'], { input: data, maxBuffer: 1 << 30 });
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    return gzipSync(data, { level: 9 });
  }
}

export function brotli(data, isText) {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: isText ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export function precompress(dir) {
  let count = 0;
  let raw = 0;
  let gz = 0;
  let br = 0;
  for (const path of [...files(dir)]) {
    // Earlier copies are dropped first so a renamed or removed file leaves no stale sibling.
    if (path.endsWith('.gz') || path.endsWith('.br')) {
      const original = path.slice(0, -3);
      if (!EXTENSIONS.some((e) => original.endsWith(e)) || !existsFile(original)) unlinkSync(path);
      continue;
    }
    if (!EXTENSIONS.some((e) => path.endsWith(e))) continue;
    const data = readFileSync(path);
    const gzipped = gzip(data);
    const brotlied = brotli(data, !path.endsWith('.wasm'));
    writeFileSync(`${path}.gz`, gzipped);
    writeFileSync(`${path}.br`, brotlied);
    count += 1;
    raw += data.length;
    gz += gzipped.length;
    br += brotlied.length;
  }
  return { count, raw, gz, br };
}

function existsFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
  if (process.env.TRUNK_PROFILE === 'debug' && !process.argv[2]) {
    console.log('precompress: debug build, nothing written');
  } else {
    const { count, raw, gz, br } = precompress(dir);
    console.log(`precompress: ${count} files in ${dir}: ${raw} bytes, gzip ${gz}, brotli ${br}`);
  }
}
