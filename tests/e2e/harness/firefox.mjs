// Firefox Driver: Firefox ESR (headless) through geckodriver, driven with
// selenium-webdriver; the extension installed as a temporary add-on. What no
// library does for us, kept here and small:
//  - routing: Firefox cannot remap host names, so a PAC file sends only the
//    fixture hosts to the harness CONNECT proxy (server.mjs);
//  - Caps Lock: WebDriver has no key code for it, so it is synthesized in the
//    privileged (chrome) context;
//  - the console: with the `devtools.console.stdout.*` prefs Firefox prints
//    every console message (pages, content scripts, background) and every
//    script error to its stdout, which geckodriver passes on; we keep that in a
//    log file and read `consoleMessages` from it.
import { randomUUID } from 'node:crypto';
import { accessSync, closeSync, existsSync, constants as fsConstants, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { Context, Driver, Options, ServiceBuilder } from 'selenium-webdriver/firefox.js';
import { buildEvaluateExpression, parseEvaluateResult, pollEvaluate } from './evaluate.mjs';

export const FIREFOX_PATH = process.env.PLH_FIREFOX || '/usr/bin/firefox-esr';
import { SERVED } from './server.mjs';

/** geckodriver: $PLH_GECKODRIVER, else on PATH, else in cargo's bin folder (`cargo install geckodriver`). */
export function findGeckodriver() {
  if (process.env.PLH_GECKODRIVER) return process.env.PLH_GECKODRIVER;
  const cargoBin = join(process.env.CARGO_HOME || join(homedir(), '.cargo'), 'bin');
  for (const dir of [...(process.env.PATH || '').split(delimiter), cargoBin].filter(Boolean)) {
    try {
      accessSync(join(dir, 'geckodriver'), fsConstants.X_OK);
      return join(dir, 'geckodriver');
    } catch {}
  }
  throw new Error('geckodriver is missing: `./build.sh test` installs it (or `cargo install geckodriver`)');
}

export function pacDataUrl(proxyPort) {
  const pac = `function FindProxyForURL(url, host) {
  var h = host.toLowerCase();
  var sites = ${JSON.stringify(SERVED)};
  for (var i = 0; i < sites.length; i++) {
    if (h === sites[i] || dnsDomainIs(h, "." + sites[i])) return "PROXY 127.0.0.1:${proxyPort}";
  }
  return "DIRECT";
}`;
  return 'data:application/x-ns-proxy-autoconfig;charset=utf-8,' + encodeURIComponent(pac);
}

/** Prefs that keep Firefox from talking to the network on its own (no network here anyway, but it slows start-up and adds noise). */
export function quietPrefs() {
  return {
    'app.update.auto': false,
    'app.update.enabled': false,
    'app.update.disabledForTesting': true,
    'app.update.checkInstallTime': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.ping-centre.telemetry': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.search.update': false,
    'browser.search.geoip.url': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.discovery.enabled': false,
    'browser.contentblocking.report.monitor.enabled': false,
    'browser.translations.enable': false,
    'browser.ml.enable': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.policy.firstRunURL': '',
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': 'data:,',
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.updatePing.enabled': false,
    'toolkit.telemetry.bhrPing.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.trr.mode': 5,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'services.sync.enabled': false,
    'identity.fxaccounts.enabled': false,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.systemAddon.update.url': '',
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.recommendations.enabled': false,
    'geo.provider.network.url': '',
    'geo.enabled': false,
    'media.gmp-manager.url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-gmpopenh264.autoupdate': false,
    'media.gmp-widevinecdm.enabled': false,
    'dom.push.enabled': false,
    'dom.push.connection.enabled': false,
    'network.cookie.cookieBehavior': 0,
  };
}

// Driver key names → WebDriver key code points (selenium's Key). CapsLock has
// none: see pressCapsLock.
const KEY_MAP = {
  Backspace: Key.BACK_SPACE,
  Tab: Key.TAB,
  Enter: Key.ENTER,
  Escape: Key.ESCAPE,
  Delete: Key.DELETE,
  Home: Key.HOME,
  End: Key.END,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
  ArrowUp: Key.ARROW_UP,
  ArrowDown: Key.ARROW_DOWN,
  PageUp: Key.PAGE_UP,
  PageDown: Key.PAGE_DOWN,
  Shift: Key.SHIFT,
  Control: Key.CONTROL,
  Alt: Key.ALT,
  Meta: Key.META,
  Space: ' ',
};

function keyCode(key, what) {
  const value = KEY_MAP[key] ?? ([...key].length === 1 ? key : undefined);
  if (value === undefined) throw new Error(`[firefox] ${what}: key "${key}" has no WebDriver key code`);
  return value;
}

// A console line Firefox prints with devtools.console.stdout.* on:
//   `console.error: "text"` (console API; content scripts and the background
//   add their prefix before the colon) and `JavaScript error: URL, line N: …`.
const CONSOLE_LINE = /^(?:.*?\b)?console\.(log|info|warn|error|debug|trace)(?:\([^)]*\))?: (.*)$/;
const SCRIPT_ERROR_LINE = /^JavaScript (error|warning): (.*)$/;

/**
 * Reads the console messages out of the log file as it grows: each access
 * parses the lines written since the last one (complete lines only).
 */
function consoleReader(logFile) {
  const messages = [];
  let offset = 0;
  let partial = '';
  return () => {
    let fd;
    try {
      fd = openSync(logFile, 'r');
    } catch {
      return messages;
    }
    try {
      const buf = Buffer.alloc(1 << 16);
      let text = '';
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, offset);
        if (n <= 0) break;
        offset += n;
        text += buf.toString('utf8', 0, n);
      }
      const lines = (partial + text).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        let m = line.match(SCRIPT_ERROR_LINE);
        if (m) {
          messages.push({ type: m[1] === 'error' ? 'pageerror' : 'warning', text: m[2] });
          continue;
        }
        m = line.match(CONSOLE_LINE);
        if (m) messages.push({ type: m[1] === 'warn' ? 'warning' : m[1], text: m[2] });
      }
    } finally {
      closeSync(fd);
    }
    return messages;
  };
}

/**
 * @param {{ extensionDir?: string|null, proxyPort: number, lang?: string, prefs?: object,
 *           extraArgs?: string[], geckodriverLogLevel?: string }} opts
 */
export async function launchFirefox({ extensionDir = null, proxyPort, lang = 'ja', prefs = {}, extraArgs = [], geckodriverLogLevel = 'info' } = {}) {
  if (!proxyPort) throw new Error('launchFirefox: proxyPort is required');
  try {
    accessSync(FIREFOX_PATH, fsConstants.X_OK);
  } catch {
    throw new Error(`${FIREFOX_PATH} is missing: \`./build.sh test\` installs it (or \`apt-get install firefox-esr\`)`);
  }
  const geckodriverPath = findGeckodriver();
  // A fixed internal UUID for the add-on, so its pages (popup, options) have a known URL.
  let extensionOrigin = null;
  let addonId = null;
  const uuidPrefs = {};
  if (extensionDir) {
    const manifest = JSON.parse(await readFile(join(resolve(extensionDir), 'manifest.json'), 'utf8'));
    const id = manifest.browser_specific_settings?.gecko?.id;
    if (id) {
      const uuid = randomUUID();
      uuidPrefs['extensions.webextensions.uuids'] = JSON.stringify({ [id]: uuid });
      extensionOrigin = `moz-extension://${uuid}`;
    }
  }

  const options = new Options().setBinary(FIREFOX_PATH).addArguments('-headless', ...extraArgs).setAcceptInsecureCerts(true);
  options.setPageLoadStrategy('normal');
  options.set('timeouts', { script: 30000, pageLoad: 30000, implicit: 0 });
  const allPrefs = {
    ...quietPrefs(),
    // Only the fixture hosts go to the local proxy; without failover a PAC
    // failure cannot fall back to DIRECT and reach the real internet (or hang).
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': pacDataUrl(proxyPort),
    'network.proxy.failover_direct': false,
    'intl.locale.requested': lang,
    'intl.accept_languages': lang,
    'javascript.use_us_english_locale': false,
    // Every console message (pages, content scripts, background) to stdout: consoleMessages, geckodriver.log().
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    ...uuidPrefs,
    ...prefs,
  };
  for (const [k, v] of Object.entries(allPrefs)) options.setPreference(k, v);

  // geckodriver's output (and Firefox's, which it passes on) goes to a file.
  const tmp = await mkdtemp(join(tmpdir(), 'plh-firefox-'));
  const logFile = join(tmp, 'geckodriver.log');
  writeFileSync(logFile, '');
  const logFd = openSync(logFile, 'a');
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  // --allow-system-access: the chrome (privileged) context, for Caps Lock and privileged().
  const service = new ServiceBuilder(geckodriverPath)
    .addArguments('--allow-system-access', '--log', geckodriverLogLevel)
    .setStdio(['ignore', logFd, logFd])
    .build();

  let wd;
  try {
    wd = Driver.createSession(options, service);
    await wd.getSession();
    if (extensionDir) addonId = await wd.installAddon(resolve(extensionDir), true);
  } catch (err) {
    await wd?.quit().catch(() => {});
    await service.kill().catch(() => {});
    closeSync(logFd);
    const tail = readLog().slice(-4000);
    await rm(tmp, { recursive: true, force: true });
    throw new Error(`launchFirefox: ${err.message}\n--- geckodriver log tail ---\n${tail}`);
  }
  closeSync(logFd); // geckodriver holds its own copy
  const geckodriverUrl = await service.address();

  const find = (selector) => wd.findElement(By.css(selector));
  const findInShadow = async (hostSelector, innerSelector) => {
    const root = await (await find(hostSelector)).getShadowRoot();
    return root.findElement(By.css(innerSelector));
  };
  /** Window handles below the current tab (openTab pushes, closeTab pops). */
  const tabs = [];
  /** The last setViewport, applied to each tab openTab opens. */
  let viewport = null;
  const readConsole = consoleReader(logFile);

  /** Runs `expr` (a JSON-yielding promise, see evaluate.mjs) in the current context and returns its value. */
  async function runExpression(expr, where) {
    // An async script with an explicit callback, so a rejected promise comes back
    // with its message and stack rather than a bare "javascript error".
    const res = await wd.executeAsyncScript(
      `const __done = arguments[arguments.length - 1];
${expr}.then((v) => __done({ ok: true, v }), (e) => __done({ ok: false, e: String((e && e.stack) ? e + '\\n' + e.stack : e) }));`,
    );
    if (!res || !res.ok) throw new Error(`[firefox] ${where} threw: ${res?.e}`);
    return parseEvaluateResult(res.v);
  }

  /** Runs `fn` with the session in the chrome (privileged) context, then back in content. */
  async function inChrome(fn) {
    await wd.setContext(Context.CHROME);
    try {
      return await fn();
    } finally {
      await wd.setContext(Context.CONTENT);
    }
  }

  // WebDriver's key table has no CapsLock, so synthesize it in the parent
  // process with nsITextInputProcessor; the event is forwarded to the focused
  // content like real keyboard input (trusted, and getModifierState('CapsLock')
  // flips). One TIP per window is kept so a second press turns it off again.
  // Note: keys typed afterwards through WebDriver do NOT carry that lock state.
  async function pressCapsLock(selector) {
    const ok = await driver.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      el.focus();
      return true;
    }, selector);
    if (!ok) throw new Error(`[firefox] press: no element matches ${selector}`);
    const r = await driver.privileged(() => {
      const win = Services.wm.getMostRecentWindow('navigator:browser');
      win.__plhTip ??= Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!win.__plhTip.beginInputTransactionForTests(win)) return 'could not start a text input transaction';
      const ev = new win.KeyboardEvent('', { key: 'CapsLock', code: 'CapsLock', keyCode: win.KeyboardEvent.DOM_VK_CAPS_LOCK });
      win.__plhTip.keydown(ev);
      win.__plhTip.keyup(ev);
      return 'ok';
    });
    if (r !== 'ok') throw new Error(`[firefox] press CapsLock: ${r}`);
  }

  // Size the current tab's <browser> element: what WebDriver BiDi's
  // browsingContext.setViewport does inside Firefox.
  const sizeBrowser = (size) =>
    driver.privileged((size) => {
      const browser = Services.wm.getMostRecentWindow('navigator:browser').gBrowser.selectedBrowser;
      for (const dim of ['width', 'height']) {
        for (const prop of [dim, `min-${dim}`, `max-${dim}`]) {
          if (size) browser.style.setProperty(prop, `${size[dim]}px`);
          else browser.style.removeProperty(prop);
        }
      }
    }, size);
  const innerSize = () => driver.evaluate(() => [window.innerWidth, window.innerHeight]);

  async function applyViewport() {
    if (!viewport) return;
    const { width, height } = viewport;
    await sizeBrowser(null);
    const [w, h] = await innerSize();
    if (w < width || h < height) {
      const win = wd.manage().window();
      const rect = await win.getRect();
      await win.setRect({ width: rect.width + Math.max(0, width - w), height: rect.height + Math.max(0, height - h) });
    }
    await sizeBrowser(viewport);
    // The content process learns its new size a little later.
    let got;
    for (const deadline = Date.now() + 3000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
      got = await innerSize();
      if (got[0] === width && got[1] === height) return;
    }
    throw new Error(`[firefox] setViewport(${width}, ${height}): the viewport is ${got.join(' × ')}`);
  }

  let closed = false;
  const driver = {
    name: 'firefox',
    /** selenium-webdriver's Firefox Driver (installAddon, setContext, manage(), …). */
    webdriver: wd,
    /** geckodriver: its URL, and its whole output so far (Firefox's stdout included). */
    geckodriver: { url: geckodriverUrl, logFile, log: readLog },
    /** The temporary add-on's id (null without an extension). */
    addonId,
    /** Console messages and script errors of pages, content scripts and the background, in order: { type, text }. */
    get consoleMessages() {
      return readConsole();
    },

    async goto(url) {
      await wd.get(url);
    },

    evaluate(fn, ...fnArgs) {
      return runExpression(buildEvaluateExpression(fn, fnArgs), 'evaluate in page');
    },

    waitFor(fn, opts = {}, ...fnArgs) {
      return pollEvaluate(driver, fn, opts, fnArgs);
    },

    /**
     * Runs `fn` (as in evaluate) in Firefox's privileged chrome context: the
     * browser window's global, with Services, Cc, Ci, ChromeUtils. E.g.
     *   privileged(async (id) => {
     *     const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
     *     await (await AddonManager.getAddonByID(id)).disable();
     *   }, driver.addonId)
     */
    privileged(fn, ...fnArgs) {
      return inChrome(() => runExpression(buildEvaluateExpression(fn, fnArgs), 'privileged script'));
    },

    /** Disables or enables the add-on, as the user does in the add-ons manager. */
    async setExtensionEnabled(on) {
      await driver.privileged(
        async (id, enabled) => {
          const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
          const addon = await AddonManager.getAddonByID(id);
          await (enabled ? addon.enable() : addon.disable());
        },
        addonId,
        on,
      );
    },

    async type(selector, text) {
      // Element Send Keys focuses the element (caret at end) and dispatches
      // keydown/keypress/input/keyup per character, including non-ASCII ones.
      await (await find(selector)).sendKeys(text);
    },

    /** Types into whatever has the focus (a field in a frame or a shadow root). */
    async keys(text) {
      await wd.actions().sendKeys(text).perform();
    },

    /** Pastes `text` into the field as a person does: into the clipboard, then Ctrl+V (a trusted insertFromPaste). */
    async paste(selector, text) {
      await driver.evaluate((sel) => document.querySelector(sel).focus(), selector);
      await driver.privileged((t) => {
        Cc['@mozilla.org/widget/clipboardhelper;1'].getService(Ci.nsIClipboardHelper).copyString(t);
      }, text);
      await wd.actions().keyDown(Key.CONTROL).sendKeys('v').keyUp(Key.CONTROL).perform();
    },

    /**
     * An input method composing `pieces` in turn in the focused field, then
     * committing the last: trusted composition events through
     * nsITextInputProcessor in the parent process, as a Japanese IME makes.
     * With `{ commit: false }` the composition stays open.
     */
    async compose(pieces, { commit = true } = {}) {
      const r = await driver.privileged(
        (texts, done) => {
          const win = Services.wm.getMostRecentWindow('navigator:browser');
          win.__plhTip ??= Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
          const tip = win.__plhTip;
          if (!tip.beginInputTransactionForTests(win)) return 'could not start a text input transaction';
          for (const text of texts) {
            tip.setPendingCompositionString(text);
            tip.appendClauseToPendingComposition(text.length, tip.ATTR_RAW_CLAUSE);
            tip.flushPendingComposition();
          }
          if (done) tip.commitComposition();
          return 'ok';
        },
        pieces,
        commit,
      );
      if (r !== 'ok') throw new Error(`[firefox] compose: ${r}`);
    },

    /** A trusted click at a point of the viewport (CSS pixels): for what no selector reaches. */
    async clickAt(x, y) {
      await wd.actions().move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).click().perform();
    },

    async clear(selector) {
      // Ctrl+A (chord: released by the Null key), then Backspace deletes the selection.
      await (await find(selector)).sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
    },

    async press(selector, key) {
      if (key === 'CapsLock') return pressCapsLock(selector);
      await (await find(selector)).sendKeys(keyCode(key, 'press'));
    },

    async pressInShadow(hostSelector, innerSelector, key) {
      // Element Send Keys focuses the element, then types into it.
      await (await findInShadow(hostSelector, innerSelector)).sendKeys(keyCode(key, 'pressInShadow'));
    },

    async click(selector) {
      await (await find(selector)).click();
    },

    async clickInShadow(hostSelector, innerSelector) {
      await (await findInShadow(hostSelector, innerSelector)).click();
    },

    /** The URL of a file of the loaded extension, e.g. extensionUrl('popup.html'). */
    async extensionUrl(path) {
      if (!extensionOrigin) throw new Error('[firefox] extensionUrl: no extension with a gecko id was installed');
      return `${extensionOrigin}/${path.replace(/^\//, '')}`;
    },

    /** Opens `url` in a new tab, which becomes the current (and selected) one. */
    async openTab(url) {
      tabs.push(await wd.getWindowHandle());
      await wd.switchTo().newWindow('tab');
      try {
        await wd.get(url);
      } catch (err) {
        // Seen once in ~30 runs: a fresh tab's first navigation never reported its
        // load. One retry, said out loud so a real hang still shows.
        if (!/timed out|timeout/i.test(err.message)) throw err;
        console.warn(`[firefox] openTab: navigation to ${url} timed out; retrying once`);
        await wd.get(url);
      }
      await applyViewport();
    },

    /** Closes the current tab and returns to the one before it. */
    async closeTab() {
      await wd.close();
      await wd.switchTo().window(tabs.pop());
    },

    /**
     * Makes the page's viewport width × height CSS pixels, in the current tab and
     * in the tabs opened after it. As Firefox's own viewport emulation does, the
     * tab's <browser> element gets that size (the window grows first if it is too
     * small): a window alone cannot be narrower than about 500 px.
     */
    async setViewport(width, height) {
      viewport = { width, height };
      await applyViewport();
    },

    async screenshot(path) {
      writeFileSync(path, Buffer.from(await wd.takeScreenshot(), 'base64'));
    },

    async close() {
      if (closed) return;
      closed = true;
      try {
        await wd.quit(); // also stops geckodriver
      } catch {
        await service.kill().catch(() => {});
      } finally {
        await rm(tmp, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
  return driver;
}
