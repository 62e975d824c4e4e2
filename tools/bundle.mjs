#!/usr/bin/env node
// The extension's scripts as they ship, made by esbuild (npm, pinned in
// package-lock.json) from extension/:
//
//   node tools/bundle.mjs OUT_DIR [store|bench]
//
// Each context loads one file, so nothing arrives level by level as a module
// loader finds the imports (on a login page that was most of the start-up):
// content/page.js and its imports, wasm-bindgen's glue included, become
// content/engine.js; background.js, pages/popup.js and pages/options.js one
// file each. The loader, a classic content script with no imports, goes
// through esbuild on its own for the same reason as every file: the
// variant. The store build drops every statement labelled `BENCH:` (the
// start-up's performance marks and timing attributes, which any script on
// the page could read); the benchmark build keeps them.
//
// Not minified: names, structure and whitespace stay, for the stores'
// reviewers (esbuild keeps no comments; the sources are in the source zip).
// Deterministic: paths in the output are relative to the repository, and
// esbuild's output depends only on its inputs and these options.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Source (from the repository) → where it ships (in the extension). */
export const BUNDLES = [
  { in: 'extension/content/page.js', out: 'content/engine.js' },
  { in: 'extension/background.js', out: 'background.js' },
  { in: 'extension/pages/popup.js', out: 'pages/popup.js' },
  { in: 'extension/pages/options.js', out: 'pages/options.js' },
];
export const LOADER = { in: 'extension/loader.js', out: 'loader.js' };

/** The options every script is built with, for `variant` "store" or "bench". */
export function options(variant) {
  if (variant !== 'store' && variant !== 'bench') throw new Error(`variant: store or bench, not ${variant}`);
  return {
    absWorkingDir: ROOT,
    bundle: true,
    format: /** @type {const} */ ('esm'),
    splitting: false,
    target: 'es2022',
    charset: /** @type {const} */ ('utf8'),
    legalComments: /** @type {const} */ ('inline'),
    dropLabels: variant === 'store' ? ['BENCH'] : [],
    minify: false,
    sourcemap: false,
    logLevel: /** @type {const} */ ('warning'),
  };
}

/** Writes every script of `variant` into `outDir`. */
export async function bundleAll(outDir, variant) {
  const base = options(variant);
  for (const b of BUNDLES) {
    await build({ ...base, entryPoints: [b.in], outfile: join(outDir, b.out) });
  }
  // A classic script (content scripts cannot be modules): kept as it is written.
  const { bundle, format, splitting, ...loader } = base;
  await build({ ...loader, entryPoints: [LOADER.in], outfile: join(outDir, LOADER.out) });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, variant = 'store'] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node tools/bundle.mjs OUT_DIR [store|bench]');
    process.exit(2);
  }
  await bundleAll(resolve(outDir), variant);
}
