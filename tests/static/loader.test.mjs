// The loader asks for every module of the engine at once (so they do not
// arrive level by level): its list must be the engine's import graph, from
// content/page.js, exactly. A module missing from the list still loads (only
// later); one listed that the engine does not import would load for nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXT = fileURLToPath(new URL('../../extension/', import.meta.url));

/** Every module `entry` imports, directly or not (the wasm glue, built into wasm/, is a leaf). */
function graph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const path = join(EXT, file);
    if (!existsSync(path)) return;
    const src = readFileSync(path, 'utf8');
    for (const m of src.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)) {
      visit(normalize(join(dirname(file), m[1])));
    }
  };
  visit(entry);
  return [...seen];
}

test("the loader's module list is the engine's import graph", () => {
  const loader = readFileSync(join(EXT, 'loader.js'), 'utf8');
  const m = /const MODULES = (\[[^\]]*\]);/.exec(loader);
  assert.ok(m, 'loader.js has a MODULES list');
  const listed = JSON.parse(m[1]);
  assert.equal(listed[0], 'content/page.js', 'the engine itself comes first');
  const imported = graph('content/page.js');
  assert.ok(imported.includes('wasm/plh.js') && imported.length >= 5, `graph read: ${imported.join(', ')}`);
  assert.deepEqual([...listed].sort(), [...imported].sort());
});
