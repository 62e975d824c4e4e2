// Chromium only: both locales render, and the browser verdict follows the user
// agent and its client hints as overridden through the DevTools protocol.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServers } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { FIXTURES } from './suite.mjs';
import { readySettled } from './guidance.test-suite.mjs';
import { fileURLToPath } from 'node:url';

// PLH_CHROME_DIR: another build, as in chromium.test.mjs (the Chromium folder,
// whose manifest keeps use_dynamic_url).
const EXTENSION_DIR = process.env.PLH_CHROME_DIR ?? fileURLToPath(new URL('../../dist/chrome/', import.meta.url));

const OLD_CHROME = {
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  userAgentMetadata: {
    brands: [
      { brand: 'Not_A Brand', version: '8' },
      { brand: 'Chromium', version: '120' },
      { brand: 'Google Chrome', version: '120' },
    ],
    fullVersion: '120.0.6099.130',
    platform: 'Windows',
    platformVersion: '15.0.0',
    architecture: 'x86',
    model: '',
    mobile: false,
  },
};
const edge = (major) => ({
  userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36 Edg/${major}.0.0.0`,
  userAgentMetadata: {
    brands: [
      { brand: 'Not(A:Brand', version: '99' },
      { brand: 'Microsoft Edge', version: String(major) },
      { brand: 'Chromium', version: String(major) },
    ],
    fullVersion: `${major}.0.3400.50`,
    platform: 'Windows',
    platformVersion: '15.0.0',
    architecture: 'x86',
    model: '',
    mobile: false,
  },
});

function formText() {
  return [...document.querySelectorAll('[data-plh-form], [data-plh-field-host]')].map((h) => h.shadowRoot.textContent).join(' ');
}

function pageCodes() {
  const root = document.querySelector('[data-plh-page]').shadowRoot;
  return [...root.querySelectorAll('[data-plh-warning]')].map((n) => [n.getAttribute('data-plh-warning'), n.textContent]);
}

describe('chromium: locales and user agents', () => {
  let servers;
  const drivers = [];
  before(async () => {
    servers = await startServers({ root: FIXTURES });
  });
  after(async () => {
    for (const d of drivers) await d.close();
    await servers?.close();
  });

  for (const [lang, expected, unexpected] of [
    ['ja', /マイページのログインです/, /This is the My Page login/],
    ['en', /This is the My Page login/, /マイページのログインです/],
  ]) {
    test(`--lang=${lang} renders the ${lang} messages`, async () => {
      const driver = await launchChromium({ extensionDir: EXTENSION_DIR, httpsPort: servers.httpsPort, lang });
      drivers.push(driver);
      await driver.goto('https://www.pasonacareer.jp/mypage-table.html');
      await readySettled(driver, () => document.querySelector('[data-plh-form]'));
      await driver.type('input[name="loginId"]', 'l23456');
      await driver.evaluate(() => document.querySelector('input[name="loginId"]').blur());
      await driver.waitFor(() => document.querySelector('[data-plh-field-host]')?.shadowRoot.querySelector('[data-plh-warning="not-digits"]'), { timeout: 3000 });
      const text = await driver.evaluate(formText);
      assert.match(text, expected);
      assert.doesNotMatch(text, unexpected);
      assert.doesNotMatch(text, /\b[wc]h?_[a-z_]+\b/, 'no raw message key leaks into the page');
    });
  }

  for (const [name, override, message] of [
    ['an old Chrome (120)', OLD_CHROME, /Chrome（バージョン 120）/],
    ['an old Edge (120)', edge(120), /Microsoft Edge（バージョン 120）/],
  ]) {
    test(`${name} gets browser-outdated, naming its version and no estimated latest one`, async () => {
      const driver = await launchChromium({ extensionDir: EXTENSION_DIR, httpsPort: servers.httpsPort });
      drivers.push(driver);
      const cdp = await driver.context.newCDPSession(driver.page);
      await cdp.send('Emulation.setUserAgentOverride', override);
      await driver.goto('https://www.pasonacareer.jp/member-modern.html');
      await readySettled(driver, () => !document.querySelector('[data-plh-page]').hidden);
      const seen = await driver.evaluate(() => navigator.userAgent);
      assert.equal(seen, override.userAgent, 'the override reached the page');
      const codes = await driver.evaluate(pageCodes);
      assert.deepEqual(codes.map(([c]) => c), ['browser-outdated']);
      assert.match(codes[0][1], message);
      assert.deepEqual(codes[0][1].match(/\d+/g), ['120'], 'no "latest is about …" number');
      await driver.close();
    });
  }

  test('a closed browser notice stays away until its cause changes (another version)', async () => {
    const driver = await launchChromium({ extensionDir: EXTENSION_DIR, httpsPort: servers.httpsPort });
    drivers.push(driver);
    const cdp = await driver.context.newCDPSession(driver.page);
    await cdp.send('Emulation.setUserAgentOverride', OLD_CHROME);
    await driver.goto('https://www.pasonacareer.jp/member-modern.html');
    await readySettled(driver, () => !document.querySelector('[data-plh-page]').hidden);
    await driver.clickInShadow('[data-plh-page]', 'button[data-plh-action="dismiss"]');
    await driver.waitFor(() => document.querySelector('[data-plh-page]').hidden, { timeout: 3000 });
    for (const path of ['/member-modern.html', '/mypage-table.html']) {
      await driver.goto(`https://www.pasonacareer.jp${path}`);
      await readySettled(driver, () => document.querySelector('[data-plh-form]'));
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(await driver.evaluate(pageCodes), [], `closed on ${path} too`);
    }
    const newer = JSON.parse(JSON.stringify(OLD_CHROME).replaceAll('120', '121'));
    await cdp.send('Emulation.setUserAgentOverride', newer);
    await driver.goto('https://www.pasonacareer.jp/member-modern.html');
    await readySettled(driver, () => !document.querySelector('[data-plh-page]').hidden);
    assert.deepEqual((await driver.evaluate(pageCodes)).map(([c]) => c), ['browser-outdated'], 'another version: another cause');
    await driver.close();
  });

  test('Opera (not listed) is told on every login page, not once a day, with Chrome or Firefox to try', async () => {
    const driver = await launchChromium({ extensionDir: EXTENSION_DIR, httpsPort: servers.httpsPort });
    drivers.push(driver);
    const cdp = await driver.context.newCDPSession(driver.page);
    const major = Number((await driver.evaluate(() => navigator.userAgent)).match(/Chrome\/(\d+)/)[1]);
    await cdp.send('Emulation.setUserAgentOverride', {
      userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36 OPR/${major - 16}.0.0.0`,
      userAgentMetadata: {
        brands: [
          { brand: 'Opera', version: String(major - 16) },
          { brand: 'Chromium', version: String(major) },
          { brand: 'Not(A:Brand', version: '24' },
        ],
        fullVersion: `${major - 16}.0.0.0`,
        platform: 'Windows',
        platformVersion: '15.0.0',
        architecture: 'x86',
        model: '',
        mobile: false,
      },
    });
    for (const path of ['/member-modern.html', '/mypage-table.html']) {
      await driver.goto(`https://www.pasonacareer.jp${path}`);
      await readySettled(driver, () => !document.querySelector('[data-plh-page]').hidden);
      const codes = await driver.evaluate(pageCodes);
      assert.deepEqual(codes.map(([c]) => c), ['browser-not-recommended'], path);
      assert.match(codes[0][1], /Opera/);
      assert.match(codes[0][1], /Chrome か Firefox/);
      assert.doesNotMatch(codes[0][1], /Safari/, 'no Safari on Windows');
    }
    await driver.close();
  });

  test("an app's built-in browser (LINE) is not judged: it cannot run the extension", async () => {
    const driver = await launchChromium({ extensionDir: EXTENSION_DIR, httpsPort: servers.httpsPort });
    drivers.push(driver);
    const cdp = await driver.context.newCDPSession(driver.page);
    const major = Number((await driver.evaluate(() => navigator.userAgent)).match(/Chrome\/(\d+)/)[1]);
    await cdp.send('Emulation.setUserAgentOverride', {
      userAgent: `Mozilla/5.0 (Linux; Android 14; SO-51D) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major - 30}.0.0.0 Mobile Safari/537.36 Line/14.19.1/IAB`,
      userAgentMetadata: {
        brands: [
          { brand: 'Not(A:Brand', version: '99' },
          { brand: 'Chromium', version: String(major - 30) },
        ],
        fullVersion: `${major - 30}.0.0.0`,
        platform: 'Android',
        platformVersion: '14.0.0',
        architecture: '',
        model: 'SO-51D',
        mobile: true,
      },
    });
    await driver.goto('https://www.pasonacareer.jp/member-modern.html');
    await readySettled(driver, () => document.querySelector('[data-plh-form]'));
    assert.match(await driver.evaluate(() => navigator.userAgent), /Line\//);
    assert.deepEqual(await driver.evaluate(pageCodes), []);
    await driver.close();
  });

  test('a current Edge gets no notice: it is Internet Explorer\'s successor, on Chrome\'s engine', async () => {
    const driver = await launchChromium({ extensionDir: EXTENSION_DIR, httpsPort: servers.httpsPort });
    drivers.push(driver);
    const cdp = await driver.context.newCDPSession(driver.page);
    const major = Number((await driver.evaluate(() => navigator.userAgent)).match(/Chrome\/(\d+)/)[1]);
    await cdp.send('Emulation.setUserAgentOverride', edge(major));
    await driver.goto('https://www.pasonacareer.jp/member-modern.html');
    await readySettled(driver, () => document.querySelector('[data-plh-form]'));
    assert.match(await driver.evaluate(() => navigator.userAgent), /Edg\//);
    assert.deepEqual(await driver.evaluate(pageCodes), []);
    await driver.close();
  });
});
