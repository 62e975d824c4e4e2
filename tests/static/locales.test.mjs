// The messages of _locales: the same keys in ja and en, every key used by the
// code, every key the code names present, and no user-visible text in the
// scripts themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, files, stripComments } from './sources.mjs';

const load = async (lang) => JSON.parse(await readFile(join(ROOT, 'extension/_locales', lang, 'messages.json'), 'utf8'));

async function sources() {
  const rust = await Promise.all((await files('src', '.rs')).map((f) => readFile(f, 'utf8')));
  const js = await Promise.all((await files('extension', '.js')).map((f) => readFile(f, 'utf8')));
  const manifest = await readFile(join(ROOT, 'manifest.json'), 'utf8');
  const html = await Promise.all((await files('extension', '.html')).map((f) => readFile(f, 'utf8')));
  // Keys the pages name in `data-i18n` count as named in code.
  const pageKeys = html.flatMap((h) => [...h.matchAll(/data-i18n="([a-z0-9_]+)"/g)].map((m) => `"${m[1]}"`));
  return { rust: rust.join('\n'), js: `${js.join('\n')}\n${pageKeys.join('\n')}`, manifest };
}

test('ja and en have the same keys, placeholders, and no empty message', async () => {
  const [ja, en] = [await load('ja'), await load('en')];
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  for (const [key, entry] of Object.entries(ja)) {
    for (const [lang, e] of [['ja', entry], ['en', en[key]]]) {
      assert.ok(e.message.trim(), `${lang}:${key} is empty`);
      const used = new Set([...e.message.matchAll(/\$([A-Za-z_]+)\$/g)].map((m) => m[1].toLowerCase()));
      const defined = new Set(Object.keys(e.placeholders ?? {}).map((k) => k.toLowerCase()));
      assert.deepEqual([...used].sort(), [...defined].sort(), `${lang}:${key} placeholders`);
    }
    assert.deepEqual(Object.keys(entry.placeholders ?? {}).sort(), Object.keys(en[key].placeholders ?? {}).sort(), `${key}: same placeholders`);
  }
});

test('every message is used, and every message the code names exists', async () => {
  const ja = await load('ja');
  const { rust, js, manifest } = await sources();
  const code = `${rust}\n${js}`;
  for (const key of Object.keys(ja)) {
    assert.ok(code.includes(`"${key}"`) || manifest.includes(`__MSG_${key}__`), `message ${key} is never used`);
  }
  const named = new Set([
    ...[...rust.matchAll(/"((?:w|ch|check|group|last_login|notice)_[a-z0-9_]*[a-z0-9])"/g)].map((m) => m[1]),
    ...[...js.matchAll(/\bt\("([a-z0-9_]+)"/g)].map((m) => m[1]),
    ...[...js.matchAll(/^"([a-z0-9_]+)"$/gm)].map((m) => m[1]),
    ...[...js.matchAll(/\b[a-zA-Z]+: "((?:kind|reset|forgot|region|group|last|popup|options|check)_[a-z0-9_]+)"/g)].map((m) => m[1]),
    ...[...manifest.matchAll(/__MSG_([a-z0-9_]+)__/g)].map((m) => m[1]),
  ]);
  assert.ok(named.size > 50, `found ${named.size} keys in the code`);
  for (const key of named) assert.ok(key in ja, `the code names ${key}, which no locale has`);
});

test('no user-visible text in the scripts: Japanese lives only in _locales', async () => {
  for (const file of await files('extension', '.js')) {
    const src = stripComments(await readFile(file, 'utf8'));
    const japanese = src.match(/[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]+/g);
    assert.equal(japanese, null, `${file} has ${japanese}`);
  }
});
