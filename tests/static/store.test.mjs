// The store listing (store/, the locales, `./build.sh store` → dist/store/):
// every text within its store's limit, every image at its store's size (read
// from the PNG's header), and the version the same everywhere it is written.
// Limits: Chrome Web Store (the manifest's name at most 75 characters, its
// description — the store's summary — at most 132; single purpose and each
// permission's justification at most 1,000; the description at most
// 16,000; screenshots 1280×800 or 640×400; the small promotional tile
// 440×280); addons.mozilla.org (name at most 50, summary at most 250).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './sources.mjs';

const STORE = join(ROOT, 'store');
const DIST = join(ROOT, 'dist/store');
const read = (...p) => readFile(join(...p), 'utf8');
const json = async (...p) => JSON.parse(await read(...p));
/** Characters as a person (and the stores) count them: code points. */
const length = (s) => [...s].length;

const listing = await json(STORE, 'listing.json');

/** Every text of a language, from the sources, with its limit. */
async function texts(lang) {
  const messages = await json(ROOT, 'extension/_locales', lang, 'messages.json');
  const privacy = await json(STORE, lang, 'privacy.json');
  return [
    ['name', messages.ext_name.message, 1, 50],
    ['short name', messages.ext_short_name.message, 1, 12],
    ['chrome-summary (the manifest description)', messages.ext_description.message, 20, 132],
    ['firefox-summary', (await read(STORE, lang, 'firefox-summary.txt')).trim(), 20, 250],
    ['description', (await read(STORE, lang, 'description.txt')).trim(), 400, 16000],
    ['single purpose', privacy.singlePurpose, 20, 1000],
    ['why storage', privacy.permissions.storage, 20, 1000],
    ['why host permissions', privacy.permissions.hostPermissions, 20, 1000],
    ['remote code', privacy.remoteCode, 2, 1000],
    ['data handled', privacy.dataHandled, 20, 1000],
    ['support', listing.support[lang], 20, 1000],
    ['browsers', listing.browsers[lang], 20, 1000],
    ['tile line', listing.tile[lang], 5, 45],
    ...listing.screenshots.map((s) => [`caption of ${s.file}`, s[lang], 5, 80]),
  ];
}

/** Width and height from a PNG's IHDR chunk (the signature checked first). */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'a PNG');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('every listing text is within its store limit, in ja and en', async () => {
  assert.deepEqual(listing.languages, ['ja', 'en']);
  for (const lang of listing.languages) {
    for (const [what, text, min, max] of await texts(lang)) {
      assert.equal(typeof text, 'string', `${lang} ${what}`);
      const n = length(text);
      assert.ok(n >= min && n <= max, `${lang} ${what}: ${n} characters (${min}–${max})`);
    }
  }
});

test('the limit check itself catches a summary one character too long', () => {
  const summary = 'あ'.repeat(133);
  assert.ok(length(summary) > 132);
  assert.equal(length('🙂'), 1, 'a character beyond the BMP counts once');
});

test('the texts say which browsers can install it, and where its support is', async () => {
  for (const lang of listing.languages) {
    const description = await read(STORE, lang, 'description.txt');
    for (const text of [description, listing.browsers[lang]]) {
      for (const name of ['Chrome', 'Edge', 'Opera', 'Brave', 'Vivaldi', 'Yandex', 'Firefox', 'Android', 'Safari', 'Internet Explorer', 'Samsung Internet']) {
        assert.ok(text.includes(name), `${lang}: names ${name}`);
      }
    }
    for (const text of [description, listing.support[lang]]) {
      assert.match(text, /Issues/, `${lang}: the extension's support is the repository's Issues`);
      assert.match(text, /0120-353-382/, `${lang}: and the phone line is told apart`);
    }
    const privacy = await json(STORE, lang, 'privacy.json');
    assert.deepEqual(privacy.collected, [], `${lang}: no data collected`);
    assert.equal(privacy.certifications.length, 3, `${lang}: the three certifications`);
  }
  // The Japanese is Japanese: a job seeker reads it.
  for (const text of [await read(STORE, 'ja', 'description.txt'), await read(STORE, 'ja', 'firefox-summary.txt')]) {
    assert.match(text, /[\u3040-\u30ff]/);
  }
  // The manifest's permissions are the ones the answers justify.
  const manifest = await json(ROOT, 'manifest.json');
  assert.deepEqual(manifest.permissions, ['storage']);
  assert.equal(manifest.host_permissions, undefined, 'the sites are reached by the content script\'s matches only');
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
});

test('the version is the same in the manifest, Cargo.toml, package.json and their locks', async () => {
  const manifest = (await json(ROOT, 'manifest.json')).version;
  const cargo = /\nversion = "([^"]+)"/.exec(await read(ROOT, 'Cargo.toml'))[1];
  const lock = /name = "pasona-login-helper"\nversion = "([^"]+)"/.exec(await read(ROOT, 'Cargo.lock'))[1];
  const fuzzLock = /name = "pasona-login-helper"\nversion = "([^"]+)"/.exec(await read(ROOT, 'fuzz/Cargo.lock'))[1];
  const pkg = (await json(ROOT, 'package.json')).version;
  const npmLock = await json(ROOT, 'package-lock.json');
  assert.deepEqual([cargo, lock, fuzzLock, pkg, npmLock.version, npmLock.packages[''].version], Array(6).fill(manifest));
  assert.match(await read(ROOT, 'CHANGELOG.md'), new RegExp(`## \\[${manifest.replaceAll('.', '\\.')}\\]`), 'a CHANGELOG entry');
});

test('dist/store/ holds every text as written and every image at its store size', async () => {
  assert.ok(existsSync(join(DIST, 'listing.json')), 'dist/store/ is missing: run ./build.sh store');
  const built = await json(DIST, 'listing.json');
  for (const lang of listing.languages) {
    const messages = await json(ROOT, 'extension/_locales', lang, 'messages.json');
    const want = {
      name: messages.ext_name.message,
      'chrome-summary': messages.ext_description.message,
      'firefox-summary': (await read(STORE, lang, 'firefox-summary.txt')).trim(),
      description: (await read(STORE, lang, 'description.txt')).trim(),
    };
    for (const [file, text] of Object.entries(want)) {
      assert.equal((await read(DIST, lang, `${file}.txt`)).trim(), text, `dist/store/${lang}/${file}.txt is the source's (run ./build.sh store)`);
    }
    assert.match(await read(DIST, lang, 'privacy.md'), /storage/);
  }
  assert.equal(built.screenshots.length, listing.screenshots.length);
  assert.ok(built.screenshots.length >= 5);
  for (const file of built.screenshots) {
    assert.deepEqual(pngSize(await readFile(join(DIST, file))), [1280, 800], file);
  }
  assert.equal(built.promo.length, listing.languages.length);
  for (const file of built.promo) {
    assert.deepEqual(pngSize(await readFile(join(DIST, file))), [440, 280], file);
  }
});

test('the size check itself reads a PNG header', () => {
  const header = Buffer.from('89504e470d0a1a0a0000000d494844520000050000000320', 'hex');
  assert.deepEqual(pngSize(header), [1280, 800]);
  assert.throws(() => pngSize(Buffer.from('GIF89a........................')));
});
