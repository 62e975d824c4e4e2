// Updates keep what was stored (issue 20): a profile that used version 0.1.0
// (commit abe92ba, built by `./build.sh old-version` into dist/v0.1.0/) —
// a switch turned off, a last login, 0.1.0's once-a-day `shown` record, an
// attempt in flight — is updated in place to this build, in each browser as
// its users get updates: Chromium reloads the same unpacked folder with the
// new files in it (same profile, same extension id); Firefox installs the
// new temporary add-on over the old one (same add-on id, same session).
// Then nothing is lost (the switch, the last login, the attempt), nothing
// shows as garbage (no message key, no placeholder, no broken text), no
// check is off that the user did not turn off, and `shown` is gone.
//
// 0.1.0 is built from git history: a clone without commit abe92ba (a
// shallow one) fails here with what to run, never passes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServers } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { launchFirefox } from './harness/firefox.mjs';
import { Session } from './session.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const OLD = join(ROOT, 'dist/v0.1.0');
const ORIGIN = 'https://www.pasonacareer.jp';
const EMAIL = 'hanako.update@example.com';
const PASSWORD = 'Upd-Secret-4w';
// Opera: 0.1.0 tells it once a day that the site does not list it, and
// records the day in `shown` (its own record, which 0.2.0 no longer uses);
// 0.2.0 tells it on every login page. Both browsers send this user agent, so
// that 0.1.0 writes the record itself.
const OPERA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 OPR/123.0.0.0';
const SWITCHES = ['memory', 'typing', 'idFormat', 'confusable', 'browser', 'guidance'];

/** Version 0.1.0's folders (built once, then kept); the build's own message where it cannot be made. */
function oldVersion() {
  const run = spawnSync('bash', [join(ROOT, 'build.sh'), 'old-version'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`version 0.1.0 could not be built:\n${run.stderr.trim()}`);
}

function defineUpdate(browser, { launch, update }) {
  describe(`${browser}: an update from 0.1.0 keeps what was stored`, () => {
    const ctx = { servers: null, driver: null, session: null, dir: null };
    const d = () => ctx.driver;
    before(async () => {
      oldVersion();
      ctx.servers = await startServers({ root: FIXTURES });
      ctx.dir = await mkdtemp(join(tmpdir(), `plh-update-${browser}-`));
      await cp(join(OLD, browser === 'chromium' ? 'chrome' : 'firefox'), ctx.dir, { recursive: true });
      ctx.driver = await launch(ctx);
      ctx.session = new Session(ctx.driver, browser);
    });
    after(async () => {
      await ctx.driver?.close();
      await ctx.servers?.close();
      if (ctx.dir) await rm(ctx.dir, { recursive: true, force: true });
    });

    const ready = () => d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
    const version = () => ctx.session.inExtensionPage(() => (globalThis.browser ?? globalThis.chrome).runtime.getManifest().version);

    /** What the options page shows: its switches and all its text. */
    async function optionsPage() {
      await ctx.session.openExtensionPage('options.html');
      const shown = await d().evaluate(() => ({
        switches: Object.fromEntries([...document.querySelectorAll('input[data-plh-setting]')].map((b) => [b.getAttribute('data-plh-setting'), b.checked])),
        text: document.body.innerText,
      }));
      await d().closeTab();
      return shown;
    }

    test('0.1.0 in use, updated in place: settings, the last login and the attempt kept, shown removed, every other check on', async () => {
      assert.equal(await version(), '0.1.0', 'the profile starts on 0.1.0');

      // --- Using 0.1.0 as a person does.
      // Typing checks off, on the options page.
      await ctx.session.openExtensionPage('options.html');
      await d().click('input[data-plh-setting="typing"]');
      await d().waitFor(() => document.querySelector('[data-plh-saved]')?.textContent && !document.querySelector('input[data-plh-setting="typing"]').checked, { timeout: 3000 });
      await d().closeTab();
      // A member login that succeeds: 0.1.0 remembers its method and day.
      await d().goto(`${ORIGIN}/flow-login.html`);
      await ready();
      await d().type('#f-mail', EMAIL);
      await d().type('#f-pass', PASSWORD);
      await d().click('#f-submit');
      await d().waitFor(() => location.pathname === '/flow-welcome.html', { timeout: 8000 });
      await ready();
      // A login page in a browser the site does not list: 0.1.0 tells it once and writes `shown`.
      await d().goto(`${ORIGIN}/mypage-table.html`);
      await ready();
      let old = null;
      for (let i = 0; i < 40 && !(old?.local.memory && old.local.shown); i++) {
        await new Promise((r) => setTimeout(r, 150));
        old = await ctx.session.storageDump();
      }
      // An attempt in flight: a press of 「ログインする」 waiting for the next
      // page. Written in 0.1.0's shape (as 0.1.0 records it at the press):
      // a real one is settled by the very page that follows it, before any
      // update could come between.
      await ctx.session.writeStorage('local', { attempt: { method: 'my-page', at: Date.now() } });
      old = await ctx.session.storageDump();
      assert.equal(old.sync.settings?.typing, false, `0.1.0's settings: ${old.text}`);
      assert.equal(old.local.memory?.method, 'member-email', `0.1.0's memory: ${old.text}`);
      assert.ok(old.local.shown, `0.1.0's shown record: ${old.text}`);
      assert.equal(old.local.attempt?.method, 'my-page');
      for (const secret of [EMAIL, PASSWORD]) assert.ok(!old.text.includes(secret));

      // --- The update.
      await update(ctx);
      assert.equal(await version(), '0.2.0', 'the same profile now runs 0.2.0');

      // --- Nothing lost, nothing garbage, nothing switched off.
      const options = await optionsPage();
      const want = Object.fromEntries(SWITCHES.map((s) => [s, s !== 'typing']));
      assert.deepEqual(options.switches, want, 'only the switch the user turned off is off');
      const messages = JSON.parse(await readFile(join(ROOT, 'extension/_locales/ja/messages.json'), 'utf8'));
      const garbage = (text) => [
        ...Object.keys(messages).filter((key) => new RegExp(`\\b${key}\\b`).test(text)),
        ...['__MSG_', 'undefined', 'NaN', 'null', '[object', '\uFFFD', '$1', '$DATE$'].filter((g) => text.includes(g)),
      ];
      assert.deepEqual(garbage(options.text), [], `the options page: ${options.text}`);
      assert.match(options.text, /メールアドレス/, `the options page names the last login's method: ${options.text}`);

      const now = await ctx.session.storageDump();
      assert.deepEqual(now.sync.settings, old.sync.settings, 'the settings as the user left them');
      assert.deepEqual(now.local.memory, old.local.memory, 'the last login');
      assert.deepEqual(now.local.attempt, old.local.attempt, 'the attempt in flight, still to be settled');
      assert.equal(now.local.shown, undefined, `0.1.0's shown record removed: ${now.text}`);

      // The popup tells the last login, in words.
      await d().goto('about:blank');
      await ctx.session.openExtensionPage('popup.html');
      const popup = await d().evaluate(() => ({
        notice: document.querySelector('#memory-lines [data-plh-notice="last-login"]')?.textContent ?? null,
        text: document.body.innerText,
      }));
      await d().closeTab();
      assert.match(popup.notice ?? '', /メールアドレス/, `the popup's memory: ${popup.text}`);
      assert.deepEqual(garbage(popup.text), [], `the popup: ${popup.text}`);

      // On a login page: typing checks stay off (the user's choice), the ID's
      // format is checked, and the browser is told (its switch is on).
      await d().goto(`${ORIGIN}/mypage-table.html`);
      await ready();
      await d().type('input[name="loginId"]', '１２３');
      await new Promise((r) => setTimeout(r, 300));
      await d().clear('input[name="loginId"]');
      await d().type('input[name="loginId"]', 'l234567');
      await d().press('input[name="loginId"]', 'Tab');
      const page = await d().waitFor(
        () => {
          const codes = (sel) => [...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('[data-plh-warning]') ?? [])].map((n) => n.getAttribute('data-plh-warning'));
          const id = codes('[data-plh-field-host][data-plh-field="id"]');
          return id.includes('not-digits') ? { id, page: codes('[data-plh-page]'), text: document.querySelector('[data-plh-page]').shadowRoot.textContent } : false;
        },
        { timeout: 5000 },
      );
      assert.ok(!page.id.includes('fullwidth'), `typing is off: ${page.id}`);
      assert.ok(page.page.some((c) => c.startsWith('browser-')), `the browser notice shows: ${page.page}`);
      assert.deepEqual(garbage(page.text), [], `the page notice: ${page.text}`);
    });
  });
}

defineUpdate('chromium', {
  launch: ({ dir, servers }) => launchChromium({ extensionDir: dir, httpsPort: servers.httpsPort, userAgent: OPERA }),
  // The same unpacked folder, its files replaced by the new build, reloaded
  // as chrome://extensions' reload button does (developer mode on, as it is
  // for anyone who loads an unpacked extension: Chromium disables a reloaded
  // command-line extension otherwise): same profile, same id.
  async update({ dir, driver }) {
    const id = new URL(await driver.extensionUrl('/')).host;
    await rm(dir, { recursive: true, force: true });
    await cp(join(ROOT, 'dist/chrome'), dir, { recursive: true });
    const manager = await driver.context.newPage();
    try {
      await manager.goto('chrome://extensions');
      const call = (fn, ...args) =>
        manager.evaluate(
          ([name, list]) =>
            new Promise((resolve, reject) => {
              const [api, method] = name.split('.');
              chrome[api][method](...list, (...out) => (chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve(out[0] ?? null)));
            }),
          [fn, args],
        );
      await call('developerPrivate.updateProfileConfiguration', { inDeveloperMode: true });
      await call('developerPrivate.reload', id, { failQuietly: false });
    } finally {
      await manager.close();
    }
    // Back once its pages load again, from the new files.
    for (let i = 0; i < 40; i++) {
      const page = await driver.context.newPage();
      const version = await page
        .goto(await driver.extensionUrl('options.html'))
        .then(() => page.evaluate(() => chrome.runtime.getManifest().version))
        .catch(() => null);
      await page.close();
      if (version === '0.2.0') return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the reloaded extension did not come back as 0.2.0');
  },
});

defineUpdate('firefox', {
  launch: ({ dir, servers }) => launchFirefox({ extensionDir: dir, proxyPort: servers.proxyPort, prefs: { 'general.useragent.override': OPERA } }),
  // The new temporary add-on installed over the old one: same add-on id, same session.
  async update({ driver }) {
    const id = await driver.webdriver.installAddon(join(ROOT, 'dist/firefox'), true);
    assert.equal(id, driver.addonId, 'the same add-on id');
  },
});
