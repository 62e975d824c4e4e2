#!/usr/bin/env node
// Rasterises icons/icon.svg, the one source of the extension's icons, to the
// PNG sizes the manifest names: node tools/make-icons.mjs [out-dir]
// (default dist/extension/icons). resvg (the npm package @resvg/resvg-js,
// pinned in package-lock.json) needs no display and draws the same bytes on
// every run: no system fonts are loaded and the SVG has no text.
import { Resvg } from '@resvg/resvg-js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SIZES = [16, 32, 48, 128];
const out = process.argv[2] ?? join(ROOT, 'dist/extension/icons');
const svg = await readFile(join(ROOT, 'icons/icon.svg'));

await mkdir(out, { recursive: true });
for (const size of SIZES) {
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    shapeRendering: 2, // geometricPrecision: anti-aliased edges
  }).render().asPng();
  await writeFile(join(out, `icon-${size}.png`), png);
}
