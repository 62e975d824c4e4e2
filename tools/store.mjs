#!/usr/bin/env node
// `./build.sh store`: the store listing in dist/store/, from store/ (the
// texts and answers written for the stores), the locales (the name and the
// Chrome Web Store summary are the manifest's) and the real extension on the
// sample pages (tests/e2e/demo.mjs --store: the screenshots and the tile).
// tests/static/store.test.mjs checks every text's limit and every image's size.
//
//   dist/store/listing.json          everything below, in one file
//   dist/store/LANG/*.txt, privacy.md the texts to paste, one per store field
//   dist/store/screenshots/*.png     1280×800
//   dist/store/promo/*.png           the small promotional tile, 440×280
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'store');
const OUT = join(ROOT, 'dist/store');

const read = (...p) => readFile(join(...p), 'utf8');
const text = async (...p) => (await read(...p)).trim();

/** The repository's Issues page: PLH_ISSUES_URL, else the origin remote's on GitHub, else unknown (said at the end). */
function issuesUrl() {
  if (process.env.PLH_ISSUES_URL) return process.env.PLH_ISSUES_URL;
  const remote = spawnSync('git', ['-C', ROOT, 'remote', 'get-url', 'origin'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const m = /github\.com[:/]([^/]+)\/(.+?)(?:\.git)?$/.exec(remote);
  return m ? `https://github.com/${m[1]}/${m[2]}/issues` : null;
}

/** The privacy answers as a page to read and paste from. */
function privacyPage(lang, p) {
  const ja = lang === 'ja';
  const h = (en, jp) => `## ${ja ? jp : en}\n\n`;
  return [
    `# ${ja ? 'プライバシーへの取り組み（ストアの回答）' : 'Privacy practices (the stores\' answers)'}\n\n`,
    h('Single purpose', '単一の目的'), `${p.singlePurpose}\n\n`,
    h('Why `storage`', '「storage」が必要な理由'), `${p.permissions.storage}\n\n`,
    h('Host permissions (the three sites\' pages)', 'ホストの権限（3つのサイトのページ）'), `${p.permissions.hostPermissions}\n\n`,
    h('Remote code', 'リモートコード'), `${p.remoteCode}\n\n`,
    h('Data handled', '扱うデータ'), `${p.dataHandled}\n\n`,
    h('Data collected', '収集するデータ'), `${p.collected.length ? p.collected.join(', ') : ja ? 'なし' : 'None'}\n\n`,
    h('Certifications', '宣誓'), `${p.certifications.map((c) => `- ${c}`).join('\n')}\n\n`,
    h('Firefox', 'Firefox'), `${p.firefox}\n\n`,
    h('Privacy policy', 'プライバシーポリシー'), `${p.policy}\n`,
  ].join('');
}

const listing = JSON.parse(await read(SRC, 'listing.json'));
await rm(OUT, { recursive: true, force: true });
const out = { issues: issuesUrl(), categories: listing.categories, languages: {}, screenshots: [], promo: [] };
for (const lang of listing.languages) {
  const messages = JSON.parse(await read(ROOT, 'extension/_locales', lang, 'messages.json'));
  const privacy = JSON.parse(await read(SRC, lang, 'privacy.json'));
  const fields = {
    name: messages.ext_name.message,
    'chrome-summary': messages.ext_description.message,
    'firefox-summary': await text(SRC, lang, 'firefox-summary.txt'),
    description: await text(SRC, lang, 'description.txt'),
    support: listing.support[lang] + (out.issues ? `\n${out.issues}` : ''),
    browsers: listing.browsers[lang],
    categories: `Chrome Web Store: ${listing.categories.chromeWebStore}\nFirefox: ${listing.categories.firefoxDesktop.join(', ')}\nFirefox for Android: ${listing.categories.firefoxAndroid.join(', ')}`,
  };
  await mkdir(join(OUT, lang), { recursive: true });
  for (const [name, value] of Object.entries(fields)) await writeFile(join(OUT, lang, `${name}.txt`), `${value}\n`);
  await writeFile(join(OUT, lang, 'privacy.md'), privacyPage(lang, privacy));
  out.languages[lang] = { ...fields, privacy, captions: Object.fromEntries(listing.screenshots.map((s) => [s.file, s[lang]])) };
}
await copyFile(join(ROOT, 'PRIVACY.md'), join(OUT, 'PRIVACY.md'));

// The images: the real extension (dist/chrome/) on the sample pages.
const demo = spawnSync(process.execPath, [join(ROOT, 'tests/e2e/demo.mjs'), '--store', OUT], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
if (demo.status !== 0) {
  console.error('==> the store images could not be made (tests/e2e/demo.mjs --store)');
  process.exit(1);
}
out.screenshots = listing.screenshots.map((s) => `screenshots/${s.file}`);
out.promo = listing.languages.map((lang) => `promo/small-tile-440x280-${lang}.png`);
await writeFile(join(OUT, 'listing.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('==> dist/store/ ready');
if (!out.issues) console.log('==> the Issues address is not known here (no GitHub origin remote): set PLH_ISSUES_URL before uploading, or add it to support.txt');
