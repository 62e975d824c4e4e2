// Reading the project's own sources, for the static tests that check them
// (locales.test.mjs, invariants.test.mjs).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under `dir` (relative to the project) whose name ends in `ext`, as absolute paths. */
export async function files(dir, ext) {
  const out = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) out.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return out;
}

/** A script or Rust source without its comments. */
export const stripComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"'`\\])\/\/.*$/gm, '$1');
