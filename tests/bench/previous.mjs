// The previous run's figures, read back from the results table of the
// BENCHMARKS.md it is about to replace, so `./build.sh bench` can print them
// beside the new ones.
import { existsSync, readFileSync } from 'node:fs';

/**
 * Figures of the old architecture (before the loader) under their old names:
 * what each new row is the closest successor of. The loader changed what some
 * of them measure; BENCHMARKS.md's method says how.
 */
const OLD_NAMES = {
  'total: loader → first scan drawn, in-page': 'content script start → first scan done, in-page wasm',
  'total: loader → first scan drawn, background (strict CSP)': 'content script start → first scan done, background fallback (strict CSP)',
  'injection: navigation start → loader runs, in-page': 'navigation start → content script start, in-page wasm (context)',
  'injection: navigation start → loader runs, background (strict CSP)': 'navigation start → content script start, background fallback (strict CSP) (context)',
  '`input` event → warning shown/hidden (`fullwidth`), in-page': '`input` event → warning shown/hidden, in-page wasm',
  '`input` event → warning shown/hidden (`fullwidth`), background (strict CSP)': '`input` event → warning shown/hidden, background fallback (strict CSP)',
  'login page: load-time ratio product / null extension (per round)': 'load-time ratio product / null extension (per round)',
  'login page: load-time ratio null extension / none (the browser floor, context)': 'load-time ratio null extension / none (the browser floor, context)',
  'login page: ready marker, product later than null extension (per round)': 'ready marker: product later than null extension (per round)',
  'login page: load time, no extension': 'load time (navigation start → `loadEventEnd`), no extension',
  'login page: load time, null extension': 'load time (navigation start → `loadEventEnd`), null extension',
  'login page: load time, product': 'load time (navigation start → `loadEventEnd`), product',
  'engine scripts gzip -9': 'content scripts (4 files) gzip -9',
  'engine scripts raw': 'content scripts (4 files) raw',
};

/** `| a | b |` → ['a', 'b'] */
const cells = (line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());

/**
 * The results table of `file`: figure → { median, p95 } as printed, found by
 * the header's `figure`, `median` and `p95` columns. Empty when there is none.
 */
export function readPrevious(file) {
  const out = new Map();
  if (!existsSync(file)) return out;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('## Results');
  if (start < 0) return out;
  const lines = text.slice(start).split('\n');
  let header = null;
  for (const line of lines.slice(1)) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('|')) continue;
    const c = cells(line);
    if (!header) {
      header = { figure: c.indexOf('figure'), median: c.indexOf('median'), p95: c.indexOf('p95') };
      if (header.figure < 0 || header.median < 0 || header.p95 < 0) return out;
      continue;
    }
    if (/^-+:?$|^:?-+:?$/.test(c[header.figure])) continue; // the separator row
    out.set(c[header.figure], { median: c[header.median], p95: c[header.p95] });
  }
  return out;
}

/** The previous figures of the row named `figure` (under its own name, else its old one), or null. */
export function previousOf(prev, figure) {
  return prev.get(figure) ?? (OLD_NAMES[figure] ? prev.get(OLD_NAMES[figure]) : undefined) ?? null;
}

/** "72.1 kB (72,108 B)" → "72.1 kB": the previous column stays narrow. */
export const brief = (s) => s.replace(/ \([\d,]+ B\)$/, '');
