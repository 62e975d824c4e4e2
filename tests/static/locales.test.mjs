// The messages of _locales: the same keys in ja and en, every key the code
// can name present in both, every key used, and no user-visible text in the
// scripts themselves.
//
// Which keys the code names (`namedKeys`), without knowing every function
// that takes one (`Text::key`, `Text::with`, `message:`, `Warning::new`,
// `_key()` returns, checklists, `KindTexts`, `Switch::CHECKS` labels, …):
// - every string literal of the crate's non-test code (no comment, no
//   `#[cfg(test)]` item) that has a key's shape, `^[a-z][a-z0-9]*(_[a-z0-9]+)+$`,
//   but those listed in NOT_KEYS (literals of that shape that are no key);
// - every literal right after `Text::key(`, `Text::with(`, `Text::plain_args(`,
//   `with_message(`, `support_line(`, `message:` or `sep:`, whatever its
//   shape (a key without an underscore, such as `verbatim`, is named there);
// - the scripts' literals of a key's shape, the pages' `data-i18n` and the
//   manifest's `__MSG_…__`.
// Every locale key has that shape or is listed in UNSHAPED, so no real key
// escapes the shape rule; and no key is joined from pieces (a literal ending
// or starting with `_`, as `"w_"` in `concat!("w_", …)`), which no rule
// could follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, files, lexScript, rustNonTest, sourcesOf, stripComments } from './sources.mjs';

const KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
/** Ends of a key, joined to another at run time or by `concat!`. */
const PIECE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*_$|^_[a-z0-9]+(_[a-z0-9]+)*$/;
/** Where a literal is a key whatever its shape. */
const KEY_PLACE = /(?:\bText::(?:key|with|plain_args)\(|\bwith_message\(|\bsupport_line\(|\bmessage:|\bsep:)\s*$/;
// Literals of a key's shape in the crate that are no message key. None
// today; add one here, with why, rather than loosen the shape.
const NOT_KEYS = [];
// Locale keys without an underscore: named only in a KEY_PLACE.
const UNSHAPED = [
  // Text::verbatim: a text drawn as it is (the support line's number), `$1`.
  'verbatim',
];

const load = async (lang) => JSON.parse(await readFile(join(ROOT, 'extension/_locales', lang, 'messages.json'), 'utf8'));

/** The project's sources the keys are named in. */
async function sources() {
  return {
    rust: await sourcesOf('src', '.rs'),
    scripts: await sourcesOf('extension', '.js'),
    html: await sourcesOf('extension', '.html'),
    manifest: await readFile(join(ROOT, 'manifest.json'), 'utf8'),
  };
}

/**
 * Every message key the code can name → where (the first place), and the
 * key pieces joined at run time.
 * @param {{ rust: Record<string, string>, scripts: Record<string, string>, html: Record<string, string>, manifest: string }} src
 */
export function namedKeys({ rust, scripts, html, manifest }) {
  const named = new Map();
  const pieces = [];
  const name = (key, where) => named.has(key) || named.set(key, where);
  for (const [file, text] of Object.entries(rust)) {
    const { code, strings } = rustNonTest(text);
    for (const s of strings) {
      const where = `${file}:${code.slice(0, s.at).split('\n').length}`;
      if ((KEY.test(s.value) && !NOT_KEYS.includes(s.value)) || KEY_PLACE.test(code.slice(Math.max(0, s.at - 40), s.at))) name(s.value, where);
      if (PIECE.test(s.value)) pieces.push(`${where}: "${s.value}"`);
    }
  }
  for (const [file, text] of Object.entries(scripts)) {
    for (const lit of lexScript(text)) for (const p of lit.pieces) if (KEY.test(p)) name(p, file);
  }
  for (const [file, text] of Object.entries(html)) for (const m of text.matchAll(/data-i18n="([^"]*)"/g)) name(m[1], file);
  for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) name(m[1], 'manifest.json');
  return { named, pieces };
}

/** Keys named but missing from a locale, as `lang: key (where)`. */
export function missingKeys(named, locales) {
  const out = [];
  for (const [key, where] of named) for (const [lang, messages] of Object.entries(locales)) if (!(key in messages)) out.push(`${lang}: ${key} (${where})`);
  return out;
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

test('every message key the code can name exists in ja and in en', async () => {
  const [ja, en] = [await load('ja'), await load('en')];
  const { named, pieces } = namedKeys(await sources());
  assert.ok(named.size >= 180, `found ${named.size} keys named in the code`);
  assert.deepEqual(missingKeys(named, { ja, en }), [], 'named in the code, missing from a locale (drawn as its raw name)');
  assert.deepEqual(pieces, [], 'a key joined from pieces: name it whole');
});

test('every locale key has the key shape (or is listed as one without), and is used by the code', async () => {
  const ja = await load('ja');
  const { named } = namedKeys(await sources());
  const unshaped = Object.keys(ja).filter((k) => !KEY.test(k));
  assert.deepEqual(unshaped.sort(), [...UNSHAPED].sort(), 'a key without the shape escapes the search: rename it, or list it in UNSHAPED');
  const unused = Object.keys(ja).filter((k) => !named.has(k));
  assert.deepEqual(unused, [], 'messages no code names (a key named only by a test is unused)');
});

test('the key search breaks on a missing key wherever the core names one', () => {
  const locale = { w_fullwidth: {}, verbatim: {}, popup_title: {}, ext_name: {} };
  const rust = {
    'src/x.rs': [
      'pub fn a() -> Text { Text::key("w_fullwidth") }',
      // Outside the six prefixes the old check knew; and a `_key()` return.
      'pub fn b() -> &\'static str { "kind_missing_title" }',
      // Not of the key shape, but where a key goes.
      'pub fn c() -> Warning { Warning::page(Code::X, Level::Info, "x").with_message("missingkey") }',
      'const CHECKS: [(Switch, &str); 1] = [(Switch::Typing, "group_missing")];',
      '// "comment_key_missing" is in a comment',
      'pub const PREFIX: &str = concat!("w_", "fullwidth");',
      '#[cfg(test)]',
      'mod tests { const K: &str = "test_only_key"; }',
    ].join('\n'),
  };
  const scripts = { 'extension/x.js': 'chrome.i18n.getMessage("script_key_missing"); // "comment_key"' };
  const html = { 'extension/x.html': '<h1 data-i18n="popup_title"></h1><p data-i18n="page_key_missing"></p>' };
  const { named, pieces } = namedKeys({ rust, scripts, html, manifest: '{"name": "__MSG_ext_name__", "d": "__MSG_ext_missing__"}' });
  assert.deepEqual(missingKeys(named, { ja: locale, en: locale }), [
    'ja: kind_missing_title (src/x.rs:2)',
    'en: kind_missing_title (src/x.rs:2)',
    'ja: missingkey (src/x.rs:3)',
    'en: missingkey (src/x.rs:3)',
    'ja: group_missing (src/x.rs:4)',
    'en: group_missing (src/x.rs:4)',
    'ja: script_key_missing (extension/x.js)',
    'en: script_key_missing (extension/x.js)',
    'ja: page_key_missing (extension/x.html)',
    'en: page_key_missing (extension/x.html)',
    'ja: ext_missing (manifest.json)',
    'en: ext_missing (manifest.json)',
  ]);
  // A key one locale lacks.
  const { w_fullwidth: _, ...en } = locale;
  assert.deepEqual(
    missingKeys(new Map([['w_fullwidth', 'src/x.rs:1']]), { ja: locale, en }),
    ['en: w_fullwidth (src/x.rs:1)'],
  );
  assert.deepEqual(pieces, ['src/x.rs:6: "w_"']);
});

test('no user-visible text in the scripts: Japanese lives only in _locales', async () => {
  for (const file of await files('extension', '.js')) {
    const src = stripComments(await readFile(file, 'utf8'));
    const japanese = src.match(/[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]+/g);
    assert.equal(japanese, null, `${file} has ${japanese}`);
  }
});
