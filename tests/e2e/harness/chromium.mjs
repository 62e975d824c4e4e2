// Chromium Driver: playwright-core driving the system /usr/bin/chromium with
// the unpacked extension loaded. Fixture hosts are remapped to the local HTTPS
// server with --host-resolver-rules so URLs keep their production origins.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildEvaluateExpression, parseEvaluateResult, pollEvaluate } from './evaluate.mjs';

// Report the extension service worker's own requests too, not only pages'.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';

export const CHROMIUM_PATH = process.env.PLH_CHROMIUM || '/usr/bin/chromium';
import { SERVED } from './server.mjs';

/**
 * @param {{ extensionDir?: string|null, httpsPort: number, lang?: string, userAgent?: string,
 *           extraArgs?: string[] }} opts
 */
export async function launchChromium({ extensionDir = null, httpsPort, lang = 'ja', userAgent, extraArgs = [], headless = true } = {}) {
  if (!httpsPort) throw new Error('launchChromium: httpsPort is required');
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: \`./build.sh test\` installs it (or \`apt-get install chromium\`)`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'plh-chromium-'));
  // Every host of the three sites (the extension matches *.pasonacareer.jp and so on).
  const rules = SERVED.flatMap((site) => [`MAP ${site} 127.0.0.1:${httpsPort}`, `MAP *.${site} 127.0.0.1:${httpsPort}`]).join(', ');
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--ignore-certificate-errors',
    `--host-resolver-rules=${rules}`,
    `--lang=${lang}`,
    ...extraArgs,
  ];
  if (extensionDir) {
    const dir = resolve(extensionDir);
    args.unshift(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }

  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless,
      ignoreHTTPSErrors: true,
      locale: lang,
      userAgent,
      args,
      // On Linux the UI language (what chrome.i18n picks) follows LANGUAGE, not --lang.
      env: { ...process.env, LANGUAGE: lang, LANG: `${lang === 'ja' ? 'ja_JP' : 'en_US'}.UTF-8` },
      // Playwright's defaults include --disable-extensions, which would silently
      // stop --load-extension from doing anything.
      ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
      timeout: 30000,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(`launchChromium: could not start ${CHROMIUM_PATH}: ${err.message}`);
  }

  // A real paste needs the clipboard (see paste()).
  for (const host of ['www.pasonacareer.jp', 'www.pasona.co.jp', 'www.pasona-masters.co.jp']) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `https://${host}` });
  }
  let page = context.pages()[0] || (await context.newPage());
  /** Tabs below the current one (openTab pushes, closeTab pops). */
  const tabs = [];
  /** The last setViewport, applied to each tab openTab opens. */
  let viewport = null;
  const consoleMessages = [];
  // Every request the browser makes for pages and the extension's worker (URLs only).
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const watchPage = (p) => {
    p.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
    p.on('pageerror', (e) => consoleMessages.push({ type: 'pageerror', text: String(e?.stack || e) }));
  };
  watchPage(page);

  let closed = false;
  /** chrome-extension://<id>, learned from the worker once (it may be stopped later). */
  let extensionOrigin = null;
  const driver = {
    name: 'chromium',
    context,
    /** The current tab's playwright Page (changes with openTab/closeTab). */
    get page() {
      return page;
    },
    userDataDir,
    /** Console messages and uncaught page errors seen so far (main page only). */
    consoleMessages,
    requests,

    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },

    async evaluate(fn, ...fnArgs) {
      return parseEvaluateResult(await page.evaluate(buildEvaluateExpression(fn, fnArgs)));
    },

    waitFor(fn, opts = {}, ...fnArgs) {
      return pollEvaluate(driver, fn, opts, fnArgs);
    },

    async type(selector, text) {
      const loc = page.locator(selector).first();
      await loc.focus();
      // pressSequentially sends keydown/keypress/keyup per character; characters
      // with no key on the US layout (e.g. full-width digits) go through
      // Input.insertText, which still produces a trusted `input` event.
      await loc.pressSequentially(text);
    },

    /** Types into whatever has the focus (a field in a frame or a shadow root). */
    async keys(text) {
      await page.keyboard.type(text);
    },

    /** Pastes `text` into the field as a person does: into the clipboard, then Ctrl+V (a trusted insertFromPaste). */
    async paste(selector, text) {
      await page.locator(selector).first().focus();
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.keyboard.press('Control+V');
    },

    /**
     * An input method composing `pieces` in turn in the focused field, then
     * committing the last: trusted composition events, as a Japanese IME makes.
     * With `{ commit: false }` the composition stays open.
     */
    async compose(pieces, { commit = true } = {}) {
      const cdp = await context.newCDPSession(page);
      try {
        for (const text of pieces) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
        if (commit) await cdp.send('Input.insertText', { text: pieces.at(-1) });
      } finally {
        await cdp.detach();
      }
    },

    /** A trusted click at a point of the viewport (CSS pixels): for what no selector reaches. */
    async clickAt(x, y) {
      await page.mouse.click(x, y);
    },

    async clear(selector) {
      const loc = page.locator(selector).first();
      await loc.focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
    },

    async press(selector, key) {
      const loc = page.locator(selector).first();
      await loc.focus();
      await page.keyboard.press(key);
    },

    async pressInShadow(hostSelector, innerSelector, key) {
      // locator.press focuses the element first, then sends the key.
      await page.locator(hostSelector).first().locator(innerSelector).first().press(key);
    },

    async clickInShadow(hostSelector, innerSelector) {
      // Playwright's CSS engine pierces open shadow roots, so scoping the inner
      // locator to the host finds elements inside its shadow tree.
      await page.locator(hostSelector).first().locator(innerSelector).first().click();
    },

    /** Makes the page's viewport width × height CSS pixels, in the current tab and in the tabs opened after it. */
    async setViewport(width, height) {
      viewport = { width, height };
      await page.setViewportSize(viewport);
    },

    async screenshot(path) {
      await page.screenshot({ path });
    },

    async click(selector) {
      await page.locator(selector).first().click();
    },

    /** The URL of a file of the loaded extension, e.g. extensionUrl('popup.html'). */
    async extensionUrl(path) {
      // (URL.origin is "null" for chrome-extension: URLs.)
      extensionOrigin ??= `chrome-extension://${new URL((await driver.serviceWorker()).url()).host}`;
      return new URL(path, `${extensionOrigin}/`).href;
    },

    /** Disables or enables the extension, as the user does on chrome://extensions. */
    async setExtensionEnabled(on) {
      const id = new URL(await driver.extensionUrl('/')).host;
      const manager = await context.newPage();
      try {
        await manager.goto('chrome://extensions');
        await manager.evaluate(
          ([extension, enabled]) =>
            new Promise((resolve, reject) =>
              chrome.management.setEnabled(extension, enabled, () => (chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve())),
            ),
          [id, on],
        );
      } finally {
        await manager.close();
        await page.bringToFront();
      }
    },

    /** Stops the extension's service worker (as Chrome does when it idles), wherever it is in its work. */
    async stopServiceWorker() {
      const cdp = await context.newCDPSession(page);
      try {
        const { targetInfos } = await cdp.send('Target.getTargets');
        for (const t of targetInfos) {
          if (t.type === 'service_worker' && t.url.startsWith('chrome-extension://')) await cdp.send('Target.closeTarget', { targetId: t.targetId });
        }
      } finally {
        await cdp.detach();
      }
    },

    /** Opens `url` in a new tab, which becomes the current one (and the active tab). */
    async openTab(url) {
      const next = await context.newPage();
      watchPage(next);
      tabs.push(page);
      page = next;
      if (viewport) await page.setViewportSize(viewport);
      await page.bringToFront();
      await page.goto(url, { waitUntil: 'load' });
    },

    /** Closes the current tab and returns to the one before it. */
    async closeTab() {
      const done = page;
      page = tabs.pop();
      await done.close();
      await page.bringToFront();
    },

    /** The extension's MV3 service worker (waits for it to start). */
    async serviceWorker({ timeout = 10000 } = {}) {
      const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
      if (existing) return existing;
      return context.waitForEvent('serviceworker', {
        timeout,
        predicate: (w) => w.url().startsWith('chrome-extension://'),
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
  return driver;
}
