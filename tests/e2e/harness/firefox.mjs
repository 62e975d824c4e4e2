// Firefox Driver: geckodriver + Firefox ESR (headless) with the extension
// installed as a temporary add-on. Firefox cannot remap host names, so a PAC
// file routes only the fixture hosts through the harness CONNECT proxy.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  startGeckodriver,
  WebDriverSession,
  Keys,
  buildEvaluateExpression,
  parseEvaluateResult,
  pollEvaluate,
} from './webdriver.mjs';

export const FIREFOX_PATH = process.env.PLH_FIREFOX || '/usr/bin/firefox-esr';
const HOSTS = ['www.pasonacareer.jp', 'www.pasona.co.jp', 'www.pasona-masters.co.jp'];

export function pacDataUrl(proxyPort) {
  const pac = `function FindProxyForURL(url, host) {
  var h = host.toLowerCase();
  if (${JSON.stringify(HOSTS)}.indexOf(h) !== -1) return "PROXY 127.0.0.1:${proxyPort}";
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

// Driver key names → WebDriver normalized key code points. Keys outside the
// WebDriver key table (notably CapsLock) cannot be sent through WebDriver.
const KEY_MAP = {
  Backspace: Keys.Backspace,
  Tab: Keys.Tab,
  Enter: Keys.Enter,
  Escape: Keys.Escape,
  Delete: Keys.Delete,
  Home: Keys.Home,
  End: Keys.End,
  ArrowLeft: Keys.ArrowLeft,
  ArrowRight: Keys.ArrowRight,
  ArrowUp: Keys.ArrowUp,
  ArrowDown: Keys.ArrowDown,
  PageUp: Keys.PageUp,
  PageDown: Keys.PageDown,
  Shift: Keys.Shift,
  Control: Keys.Control,
  Alt: Keys.Alt,
  Meta: Keys.Meta,
  Space: ' ',
};

async function installExtension(wd, extensionDir) {
  const dir = resolve(extensionDir);
  try {
    return await wd.installAddon({ path: dir, temporary: true });
  } catch (firstErr) {
    // Older geckodrivers only accept a packed add-on; fall back to a zip sent inline.
    const tmp = await mkdtemp(join(tmpdir(), 'plh-xpi-'));
    try {
      const xpi = join(tmp, 'addon.xpi');
      execFileSync('zip', ['-q', '-r', '-X', xpi, '.'], { cwd: dir });
      const addon = (await readFile(xpi)).toString('base64');
      return await wd.installAddon({ addon, temporary: true });
    } catch (secondErr) {
      throw new Error(
        `launchFirefox: could not install ${dir} as a temporary add-on.\n` +
          `  by path: ${firstErr.message}\n  as zip: ${secondErr.message}`,
      );
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
}

/**
 * @param {{ extensionDir?: string|null, proxyPort: number, lang?: string, prefs?: object, geckodriverLogLevel?: string }} opts
 */
export async function launchFirefox({ extensionDir = null, proxyPort, lang = 'ja', prefs = {}, extraArgs = [], geckodriverLogLevel = 'info' } = {}) {
  if (!proxyPort) throw new Error('launchFirefox: proxyPort is required');
  // A fixed internal UUID for the add-on, so its pages (popup, options) have a known URL.
  let extensionOrigin = null;
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
  const gd = await startGeckodriver({ logLevel: geckodriverLogLevel, allowSystemAccess: true });
  const wd = new WebDriverSession(gd.url);
  try {
    await wd.newSession({
      browserName: 'firefox',
      acceptInsecureCerts: true,
      pageLoadStrategy: 'normal',
      'moz:firefoxOptions': {
        binary: FIREFOX_PATH,
        args: ['-headless', ...extraArgs],
        prefs: {
          ...quietPrefs(),
          'network.proxy.type': 2,
          'network.proxy.autoconfig_url': pacDataUrl(proxyPort),
          // Without this, a PAC failure would fall back to DIRECT and hit the real internet (or hang).
          'network.proxy.failover_direct': false,
          'intl.locale.requested': lang,
          'intl.accept_languages': lang,
          'javascript.use_us_english_locale': false,
          ...uuidPrefs,
          ...prefs,
        },
        log: { level: geckodriverLogLevel === 'trace' ? 'trace' : 'info' },
      },
      timeouts: { script: 30000, pageLoad: 30000, implicit: 0 },
    });
    if (extensionDir) await installExtension(wd, extensionDir);
  } catch (err) {
    await wd.deleteSession().catch(() => {});
    await gd.close();
    throw new Error(`launchFirefox: ${err.message}\n--- geckodriver log tail ---\n${gd.log().slice(-4000)}`);
  }

  const find = (selector) => wd.findElement('css selector', selector);
  /** Window handles below the current tab (openTab pushes, closeTab pops). */
  const tabs = [];

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
    await wd.setContext('chrome');
    try {
      const r = await wd.executeSync(`
        const win = Services.wm.getMostRecentWindow('navigator:browser');
        if (!win.__plhTip) {
          win.__plhTip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        }
        if (!win.__plhTip.beginInputTransactionForTests(win)) return 'could not start a text input transaction';
        const ev = new win.KeyboardEvent('', { key: 'CapsLock', code: 'CapsLock', keyCode: win.KeyboardEvent.DOM_VK_CAPS_LOCK });
        win.__plhTip.keydown(ev);
        win.__plhTip.keyup(ev);
        return 'ok';`);
      if (r !== 'ok') throw new Error(`[firefox] press CapsLock: ${r}`);
    } finally {
      await wd.setContext('content');
    }
  }

  let closed = false;
  const driver = {
    name: 'firefox',
    webdriver: wd,
    geckodriver: gd,

    async goto(url) {
      await wd.navigate(url);
    },

    async evaluate(fn, ...fnArgs) {
      const expr = buildEvaluateExpression(fn, fnArgs);
      // Async script with an explicit callback so a rejected promise comes back
      // with its message/stack rather than a bare "javascript error".
      const res = await wd.executeAsync(
        `const __done = arguments[arguments.length - 1];
${expr}.then((v) => __done({ ok: true, v }), (e) => __done({ ok: false, e: String((e && e.stack) ? e + '\\n' + e.stack : e) }));`,
        [],
      );
      if (!res || !res.ok) throw new Error(`[firefox] evaluate threw in page: ${res?.e}`);
      return parseEvaluateResult(res.v);
    },

    waitFor(fn, opts = {}, ...fnArgs) {
      return pollEvaluate(driver, fn, opts, fnArgs);
    },

    async type(selector, text) {
      // Element Send Keys focuses the element (caret at end) and dispatches
      // keydown/keypress/input/keyup per character, including non-ASCII ones.
      await wd.elementSendKeys(await find(selector), text);
    },

    async clear(selector) {
      // Ctrl stays held until the Null key; then Backspace deletes the selection.
      await wd.elementSendKeys(await find(selector), `${Keys.Control}a${Keys.Null}${Keys.Backspace}`);
    },

    async press(selector, key) {
      if (key === 'CapsLock') return pressCapsLock(selector);
      const el = await find(selector);
      let value = KEY_MAP[key];
      if (value === undefined) {
        if ([...key].length === 1) value = key;
        else throw new Error(`[firefox] press: key "${key}" has no WebDriver key code (WebDriver cannot send it)`);
      }
      await wd.elementSendKeys(el, value);
    },

    async pressInShadow(hostSelector, innerSelector, key) {
      const host = await find(hostSelector);
      const shadow = await wd.getShadowRoot(host);
      const inner = await wd.findElementInShadow(shadow, 'css selector', innerSelector);
      const value = KEY_MAP[key] ?? ([...key].length === 1 ? key : undefined);
      if (value === undefined) throw new Error(`[firefox] pressInShadow: key "${key}" has no WebDriver key code`);
      // Element Send Keys focuses the element, then types into it.
      await wd.elementSendKeys(inner, value);
    },

    async click(selector) {
      await wd.elementClick(await find(selector));
    },

    /** The URL of a file of the loaded extension, e.g. extensionUrl('popup.html'). */
    async extensionUrl(path) {
      if (!extensionOrigin) throw new Error('[firefox] extensionUrl: no extension with a gecko id was installed');
      return `${extensionOrigin}/${path.replace(/^\//, '')}`;
    },

    /** Opens `url` in a new tab, which becomes the current (and selected) one. */
    async openTab(url) {
      tabs.push(await wd.command('GET', wd.s('/window')));
      const { handle } = await wd.command('POST', wd.s('/window/new'), { type: 'tab' });
      await wd.command('POST', wd.s('/window'), { handle });
      try {
        await wd.navigate(url);
      } catch (err) {
        // Seen once in ~30 runs: a fresh tab's first navigation never reported its
        // load. One retry, said out loud so a real hang still shows.
        if (!/timed out/i.test(err.message)) throw err;
        console.warn(`[firefox] openTab: navigation to ${url} timed out; retrying once`);
        await wd.navigate(url);
      }
    },

    /** Closes the current tab and returns to the one before it. */
    async closeTab() {
      await wd.command('DELETE', wd.s('/window'));
      await wd.command('POST', wd.s('/window'), { handle: tabs.pop() });
    },

    async clickInShadow(hostSelector, innerSelector) {
      const host = await find(hostSelector);
      const shadow = await wd.getShadowRoot(host);
      const inner = await wd.findElementInShadow(shadow, 'css selector', innerSelector);
      await wd.elementClick(inner);
    },

    async screenshot(path) {
      await wd.screenshot(path);
    },

    async close() {
      if (closed) return;
      closed = true;
      try {
        await wd.deleteSession();
      } catch {
        // fall through: killing geckodriver also ends its Firefox
      } finally {
        await gd.close();
      }
    },
  };
  return driver;
}
