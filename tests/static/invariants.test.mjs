// Architecture invariants that a reading of the sources can check
// (ARCHITECTURE.md, "Architecture invariants"):
// - the scripts decide nothing: no script names a warning code, a login kind,
//   a message key, a setting or a storage key of the core (what they draw
//   and store comes with the core's answers);
// - no two Rust modules import each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ROOT, files, stripComments } from './sources.mjs';

/** Every string literal of a script (quotes and template parts without substitutions). */
function literals(src) {
  const out = [];
  for (const m of stripComments(src).matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`$\\]*)`/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The core's vocabulary, read from its own sources and locales. */
async function vocabulary() {
  const src = async (f) => readFile(join(ROOT, f), 'utf8');
  const arms = (text, type) => [...text.matchAll(new RegExp(`${type}::\\w+ => "([^"]+)"`, 'g'))].map((m) => m[1]);
  const warning = await src('src/warning.rs');
  const settings = await src('src/settings.rs');
  const stored = await src('src/stored.rs');
  const messages = JSON.parse(await src('extension/_locales/ja/messages.json'));
  return {
    code: arms(warning, 'Code'),
    kind: arms(warning, 'LoginKind'),
    setting: arms(settings, 'Switch'),
    'storage key': [...stored.matchAll(/pub const \w+_KEY: &str = "([^"]+)";/g)].map((m) => m[1]),
    'message key': Object.keys(messages).filter((k) => !k.startsWith('ext_')),
  };
}

// The loader reads one storage key itself: it runs on every page, before (and
// usually without) the core, to learn whether a login attempt waits to be settled.
const ALLOWED = [['extension/loader.js', 'attempt']];

test('no script names a code, a login kind, a message key, a setting or a storage key', async () => {
  const vocab = await vocabulary();
  assert.ok(vocab.code.length >= 15 && vocab.kind.length === 2 && vocab.setting.length === 6, 'vocabulary read');
  assert.ok(vocab['storage key'].length >= 3 && vocab['message key'].length > 100, 'vocabulary read');
  const found = [];
  for (const file of await files('extension', '.js')) {
    const name = relative(ROOT, file);
    const words = new Set(literals(await readFile(file, 'utf8')));
    for (const [what, list] of Object.entries(vocab)) {
      for (const word of list) {
        if (words.has(word) && !ALLOWED.some(([f, w]) => f === name && w === word)) found.push(`${name}: ${what} "${word}"`);
      }
    }
  }
  assert.deepEqual(found, [], 'scripts must take these from the core');
});

test('the check itself would catch a script that compares a code', () => {
  const src = 'if (w.code === "login-failed") show();';
  assert.ok(literals(src).includes('login-failed'));
});

test('no two Rust modules import each other', async () => {
  const uses = new Map();
  for (const file of await files('src', '.rs')) {
    const path = relative(join(ROOT, 'src'), file).replace(/\.rs$/, '').replace(/\/mod$/, '');
    const module = path.replace(/\//g, '::');
    const text = stripComments(await readFile(file, 'utf8'));
    const deps = new Set();
    for (const m of text.matchAll(/crate::(\w+)/g)) deps.add(m[1]);
    const top = module.split('::')[0];
    deps.delete(top);
    uses.set(top, new Set([...(uses.get(top) ?? []), ...deps]));
  }
  const cycles = [];
  for (const [a, deps] of uses) for (const b of deps) if (a < b && uses.get(b)?.has(a)) cycles.push(`${a} <-> ${b}`);
  assert.deepEqual(cycles, []);
});
