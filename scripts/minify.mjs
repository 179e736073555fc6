// Trunk post-build step: minifies the widget's JavaScript (the wasm-bindgen glue, the loader, the
// iframe helper and the service worker) with terser, before the service worker is stamped and
// the files are compressed. Every visitor downloads these files; comments and long names are
// for the repository, not for them. Debug builds are left readable.
//
//   node scripts/minify.mjs [DIR]      # DIR defaults to $TRUNK_STAGING_DIR, else dist
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minify } from 'terser';

const FILES = [
  // [file, is an ES module]
  ['contract-fit-web.js', true],
  ['contract-fit.js', true],
  ['contract-fit-frame.js', false],
  ['sw.js', false],
];

const dir = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist');
if (process.env.TRUNK_PROFILE === 'debug' && !process.argv[2]) process.exit(0);
for (const [name, module] of FILES) {
  const path = join(dir, name);
  if (!existsSync(path)) continue;
  const code = readFileSync(path, 'utf8');
  const out = await minify(code, {
    module,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  writeFileSync(path, out.code);
  console.log(`minify: ${name} ${code.length} -> ${out.code.length} bytes`);
}
