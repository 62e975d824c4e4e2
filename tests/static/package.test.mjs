// The unpacked folders and store packages that `./build.sh` writes (run it
// first; `./build.sh test` does): dist/chrome/ loads in Chromium and
// dist/firefox/ installs in Firefox with no warning and no error, Mozilla's
// linter finds nothing, each store zip is its folder with fixed timestamps,
// modes and order, the icons are the SVG's rendering, and the source zip
// carries its build instructions with the real tool versions. What ships is
// one bundled script per context and the wasm, never the sources they are
// bundled from, and only the engine and the wasm are web-accessible.
// dist/extension/
// (both backgrounds: what the folders are made from, and what the benchmark
// and the wasm parity test load) is checked for what it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/harness/chromium.mjs';
import { launchFirefox } from '../e2e/harness/firefox.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const EXT = join(DIST, 'extension');
const FOLDERS = { chrome: join(DIST, 'chrome'), firefox: join(DIST, 'firefox') };
const ZIPS = {
  chrome: join(DIST, 'login-helper-chrome.zip'),
  firefox: join(DIST, 'login-helper-firefox.zip'),
  source: join(DIST, 'login-helper-source.zip'),
};
const SOURCE_DATE_EPOCH = 1767225600; // build.sh's default: 2026-01-01 00:00:00 UTC

function built() {
  for (const f of [join(EXT, 'manifest.json'), ...Object.values(FOLDERS).map((d) => join(d, 'manifest.json')), ...Object.values(ZIPS)]) {
    assert.ok(existsSync(f), `${f} is missing: run ./build.sh first`);
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  return r;
}

/** The central directory of a zip: name, Unix mode, DOS date/time, extra-field length. */
function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      madeBy: buf.readUInt8(p + 5), // 3 = Unix
      mode: buf.readUInt32LE(p + 38) >>> 16,
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      extraLen,
      localExtraLen: buf.readUInt16LE(localOffset + 28),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function dosStamp(epoch) {
  const d = new Date(epoch * 1000);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

async function unzipped(zip) {
  const dir = await mkdtemp(join(tmpdir(), 'plh-pkg-'));
  const r = run('unzip', ['-q', zip, '-d', dir]);
  assert.equal(r.status, 0, `unzip ${zip}: ${r.stderr}`);
  return dir;
}

function lint(dir) {
  const r = run(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    assert.fail(`web-ext lint printed no JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const found = [...report.errors, ...report.warnings].map((m) => `${m._type} ${m.code} ${m.file ?? ''}: ${m.message}`);
  assert.deepEqual(found, [], `web-ext lint on ${dir}:\n${found.join('\n')}`);
  assert.equal(report.summary.errors, 0);
  assert.equal(report.summary.warnings, 0);
}

/**
 * What chrome://extensions shows for the unpacked extension in DIR: turn on
 * developer mode (which turns on the error console), reload the extension so
 * its manifest is read again into the console, and collect the install
 * warnings, manifest errors and runtime errors.
 */
async function chromiumReport(dir) {
  const driver = await launchChromium({ extensionDir: dir, httpsPort: 9 });
  try {
    await driver.page.goto('chrome://extensions');
    return await driver.page.evaluate(async () => {
      const dp = chrome.developerPrivate;
      const call = (f, ...args) => new Promise((resolve) => f.call(dp, ...args, resolve));
      const ours = async () =>
        (await call(dp.getExtensionsInfo, { includeDisabled: true, includeTerminated: true })).filter((e) => e.location === 'UNPACKED');
      const [ext] = await ours();
      if (!ext) return { loaded: false };
      await call(dp.updateProfileConfiguration, { inDeveloperMode: true });
      await call(dp.reload, ext.id, { failQuietly: true });
      // The service worker registers after the reload; its failure is reported then.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const [after] = await ours();
      const text = (list) => (list ?? []).map((e) => (typeof e === 'string' ? e : `${e.manifestKey ?? e.source ?? ''}: ${e.message}`));
      return {
        loaded: true,
        state: after.state,
        errorConsole: after.errorCollection.isActive,
        warnings: [...text(after.installWarnings), ...text(after.manifestErrors)],
        runtimeErrors: text(after.runtimeErrors),
      };
    });
  } finally {
    await driver.close();
  }
}

test('web-ext lint: no error and no warning in dist/firefox, the Firefox zip and dist/extension', async () => {
  built();
  lint(FOLDERS.firefox);
  const dir = await unzipped(ZIPS.firefox);
  try {
    lint(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  lint(EXT);
});

/** The files under DIR, as sorted relative paths. */
async function files(dir) {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1))
    .sort();
}

test("each browser's folder and store zip: dist/extension's files, only the background its engine runs", async () => {
  built();
  const unpacked = await files(EXT);
  const original = JSON.parse(await readFile(join(EXT, 'manifest.json'), 'utf8'));
  for (const kind of ['chrome', 'firefox']) {
    const folder = FOLDERS[kind];
    assert.deepEqual(await files(folder), unpacked, `dist/${kind} holds exactly dist/extension's files`);
    const names = zipEntries(await readFile(ZIPS[kind])).map((e) => e.name);
    for (const need of ['manifest.json', 'wasm/plh_bg.wasm', 'content/engine.js', 'loader.js', 'background.js', 'pages/popup.js', 'pages/options.js', 'icons/icon-128.png']) {
      assert.ok(names.includes(need), `${kind} zip lacks ${need}`);
    }
    assert.deepEqual([...names].sort(), unpacked, `${kind} zip holds exactly dist/${kind}'s files`);
    const dir = await unzipped(ZIPS[kind]);
    try {
      for (const f of unpacked) {
        assert.deepEqual(await readFile(join(dir, f)), await readFile(join(folder, f)), `${kind} zip: ${f} as in dist/${kind}`);
        if (f !== 'manifest.json') assert.deepEqual(await readFile(join(folder, f)), await readFile(join(EXT, f)), `dist/${kind}/${f} as built`);
      }
      const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
      const expected = kind === 'chrome' ? ['service_worker'] : ['scripts'];
      assert.deepEqual(Object.keys(manifest.background).filter((k) => ['service_worker', 'scripts', 'preferred_environment'].includes(k)), expected);
      // Chrome's folder asks for per-session URLs of its web-accessible files; Firefox's does not (it warns at install).
      const dynamic = manifest.web_accessible_resources.map((w) => w.use_dynamic_url);
      assert.deepEqual(dynamic, kind === 'chrome' ? [true] : [undefined]);
      // Nothing else differs from the two-browser manifest.
      const same = (m) => ({ ...m, background: null, web_accessible_resources: m.web_accessible_resources.map(({ use_dynamic_url, ...w }) => w) });
      assert.deepEqual(same(manifest), same(original));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
});

test('what ships is the bundles and the wasm: no source module, and only the engine and the wasm web-accessible', async () => {
  built();
  const shipped = await files(EXT);
  const scripts = shipped.filter((f) => /\.(m?js|ts)$/.test(f));
  assert.deepEqual(scripts, ['background.js', 'content/engine.js', 'loader.js', 'pages/options.js', 'pages/popup.js']);
  const manifest = JSON.parse(await readFile(join(EXT, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.web_accessible_resources.flatMap((w) => w.resources).sort(), ['content/engine.js', 'wasm/plh_bg.wasm']);
  for (const f of scripts.filter((f) => f !== 'loader.js')) {
    const text = await readFile(join(EXT, f), 'utf8');
    // One file per context: nothing left for a module loader to fetch.
    assert.doesNotMatch(text, /^\s*import\b|\bimport\(/m, `${f} imports nothing`);
    // Readable for the stores' reviewers: not minified (names and lines kept).
    assert.ok(text.split('\n').length > 100 && Math.max(...text.split('\n').map((l) => l.length)) < 400, `${f} is not minified`);
  }
  const engine = await readFile(join(EXT, 'content/engine.js'), 'utf8');
  assert.match(engine, /^export \{\n  start\n\};\n$/m, 'the engine exports start');
  assert.match(engine, /function createGlue\(\)/, 'the wasm glue is bundled, as a factory');
});

test('a panic in the shipped wasm is a bare trap: no message, no formatting behind it', async () => {
  built();
  // build.sh compiles the standard library with panic = "immediate-abort"
  // (7.4 kB of the gzipped wasm). A build that lost it would carry these.
  const wasm = (await readFile(join(EXT, 'wasm/plh_bg.wasm'))).toString('latin1');
  for (const text of ['called `Option::unwrap()`', 'index out of bounds', 'RefCell already', 'is not a char boundary', 'panicked']) {
    assert.ok(!wasm.includes(text), `the wasm holds ${JSON.stringify(text)}`);
  }
});

test('every zip is deterministic: sorted entries, fixed time, normalised modes, no extra fields', async () => {
  built();
  const stamp = dosStamp(Number(process.env.SOURCE_DATE_EPOCH || SOURCE_DATE_EPOCH));
  for (const [kind, zip] of Object.entries(ZIPS)) {
    const entries = zipEntries(await readFile(zip));
    const names = entries.map((e) => e.name);
    assert.deepEqual(names, [...names].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)), `${kind}: entries in byte order`);
    for (const e of entries) {
      assert.ok(!e.name.endsWith('/'), `${kind}: no directory entries (${e.name})`);
      assert.equal(e.madeBy, 3, `${kind} ${e.name}: Unix attributes`);
      assert.ok([0o100644, 0o100755].includes(e.mode), `${kind} ${e.name}: mode ${e.mode.toString(8)}`);
      assert.deepEqual({ date: e.date, time: e.time }, stamp, `${kind} ${e.name}: SOURCE_DATE_EPOCH`);
      assert.equal(e.extraLen + e.localExtraLen, 0, `${kind} ${e.name}: no extra fields`);
    }
  }
});

test('the source zip: what git tracks, no build output, SOURCE-BUILD.md with the real tool versions', async () => {
  built();
  const entries = zipEntries(await readFile(ZIPS.source));
  const names = entries.map((e) => e.name);
  for (const need of ['build.sh', 'Cargo.toml', 'Cargo.lock', 'package.json', 'package-lock.json', 'manifest.json',
    'rust-toolchain.toml', 'icons/icon.svg', 'tools/make-icons.mjs', 'SOURCE-BUILD.md', 'src/lib.rs']) {
    assert.ok(names.includes(need), `source zip lacks ${need}`);
  }
  const junk = names.filter((n) => /^(dist|target|node_modules|fuzz\/target|fuzz\/corpus|fuzz\/artifacts)\//.test(n) || n.startsWith('.git/'));
  assert.deepEqual(junk, [], 'no build output, dependencies or git internals');
  assert.equal(entries.find((e) => e.name === 'build.sh').mode, 0o100755, 'build.sh stays executable');

  const dir = await unzipped(ZIPS.source);
  try {
    const doc = await readFile(join(dir, 'SOURCE-BUILD.md'), 'utf8');
    assert.deepEqual(doc.match(/@[A-Z_]+@/g) ?? [], [], 'every placeholder filled in');
    const rustc = run('rustc', ['--version']).stdout.trim();
    // The CLI build.sh builds from tools/wasm-bindgen/ reports the crate's version in Cargo.lock.
    const crate = /\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(await readFile(join(ROOT, 'Cargo.lock'), 'utf8'))[1];
    const bindgen = `wasm-bindgen ${crate}`;
    const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8'));
    for (const v of [rustc, bindgen, process.version, lock.packages['node_modules/binaryen'].version, lock.packages['node_modules/web-ext'].version, lock.packages['node_modules/esbuild'].version]) {
      assert.ok(v && doc.includes(v), `SOURCE-BUILD.md names ${v}`);
    }
    assert.match(doc, /Debian 12/);
    assert.match(doc, /\.\/build\.sh/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the icons are icons/icon.svg rasterised at 16, 32, 48 and 128 px', async () => {
  built();
  const fresh = await mkdtemp(join(tmpdir(), 'plh-icons-'));
  try {
    const r = run(process.execPath, [join(ROOT, 'tools/make-icons.mjs'), fresh]);
    assert.equal(r.status, 0, r.stderr);
    const manifest = JSON.parse(await readFile(join(EXT, 'manifest.json'), 'utf8'));
    for (const size of [16, 32, 48, 128]) {
      assert.equal(manifest.icons[size], `icons/icon-${size}.png`);
      const png = await readFile(join(EXT, 'icons', `icon-${size}.png`));
      assert.equal(png.toString('latin1', 12, 16), 'IHDR');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `icon-${size}.png is ${size}×${size}`);
      assert.deepEqual(png, await readFile(join(fresh, `icon-${size}.png`)), `icon-${size}.png renders the same twice`);
    }
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
});

test('Chromium loads dist/chrome (the Chrome zip\'s files) with no manifest warning and no error', { timeout: 90000 }, async () => {
  built();
  const report = await chromiumReport(FOLDERS.chrome);
  assert.ok(report.loaded, 'the extension is listed in chrome://extensions');
  assert.equal(report.state, 'ENABLED');
  assert.ok(report.errorConsole, 'the error console was on (else warnings go unseen)');
  assert.deepEqual(report.warnings, [], `manifest warnings:\n${report.warnings.join('\n')}`);
  assert.deepEqual(report.runtimeErrors, [], `errors:\n${report.runtimeErrors.join('\n')}`);
});

/**
 * What Firefox reports for DIR installed as a temporary add-on (as
 * about:debugging's Load Temporary Add-on does): the warnings and errors its
 * manifest gave (what about:debugging lists under the add-on), and whether it
 * runs.
 */
async function firefoxReport(dir) {
  const driver = await launchFirefox({ extensionDir: dir, proxyPort: 9 });
  try {
    return await driver.privileged((id) => {
      const policy = WebExtensionPolicy.getByID(id);
      return { id, active: !!policy?.active, warnings: policy?.extension.warnings ?? null, errors: policy?.extension.errors ?? null };
    }, driver.addonId);
  } finally {
    await driver.close();
  }
}

test('Firefox installs dist/firefox as a temporary add-on with no warning and no error', { timeout: 90000 }, async () => {
  built();
  const report = await firefoxReport(FOLDERS.firefox);
  const manifest = JSON.parse(await readFile(join(FOLDERS.firefox, 'manifest.json'), 'utf8'));
  assert.equal(report.id, manifest.browser_specific_settings.gecko.id);
  assert.equal(report.active, true, 'the add-on runs');
  assert.deepEqual(report.warnings, [], `install warnings:\n${report.warnings?.join('\n')}`);
  assert.deepEqual(report.errors, [], `install errors:\n${report.errors?.join('\n')}`);
});

test("Firefox's install report does list a manifest warning (the check above can fail)", { timeout: 90000 }, async () => {
  built();
  const dir = await mkdtemp(join(tmpdir(), 'plh-warn-'));
  try {
    run('cp', ['-r', `${FOLDERS.firefox}/.`, dir]);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, plh_unknown_key: true }));
    const report = await firefoxReport(dir);
    assert.equal(report.active, true);
    assert.equal(report.warnings.length, 1, JSON.stringify(report.warnings));
    assert.match(report.warnings[0], /plh_unknown_key/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('Chromium loads the two-browser dist/extension; its one warning is the Firefox background (so users get dist/chrome)', { timeout: 90000 }, async () => {
  built();
  const report = await chromiumReport(EXT);
  assert.ok(report.loaded, 'the extension is listed in chrome://extensions');
  assert.equal(report.state, 'ENABLED');
  assert.deepEqual(report.warnings, ["background.scripts: 'background.scripts' requires manifest version of 2 or lower."]);
  assert.deepEqual(report.runtimeErrors, [], `errors:\n${report.runtimeErrors.join('\n')}`);
});
