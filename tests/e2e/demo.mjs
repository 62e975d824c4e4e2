// `./build.sh demo`: the extension on the bundled sample pages, served as
// https://www.pasonacareer.jp/... . With a display, a real Chromium window
// stays open; without one, each scenario is saved as a screenshot.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServers } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
const EXTENSION_DIR = fileURLToPath(new URL('../../dist/chrome/', import.meta.url));

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const OUT = fileURLToPath(new URL('../../dist/demo/', import.meta.url));
const ORIGIN = 'https://www.pasonacareer.jp';
const lang = process.env.PLH_DEMO_LANG || 'ja';

/** Each scenario: a page, then what a user types into which field. */
const SCENARIOS = [
  { name: 'member-login', path: '/member-modern.html' },
  { name: 'member-fullwidth-at', path: '/member-modern.html', type: [['#login-mail', 'taro＠example.com']] },
  { name: 'member-my-page-id-typed', path: '/member-modern.html', type: [['#login-mail', '1234567']] },
  { name: 'my-page-table', path: '/mypage-table.html' },
  { name: 'my-page-lookalike-letters', path: '/mypage-table.html', type: [['input[name="loginId"]', 'l23456']] },
  { name: 'my-page-fullwidth', path: '/mypage-table.html', type: [['input[name="loginId"]', '１２３４５６７']] },
  { name: 'my-page-email-typed', path: '/mypage-table.html', type: [['input[name="loginId"]', 'taro@example.com']] },
  { name: 'my-page-help-open', path: '/mypage-table.html', open: ['details[data-plh-help]', 'details[data-plh-action="forgot-id"]'] },
  { name: 'member-read-back', path: '/member-modern.html', type: [['#login-mail', 'taro1@example.com']], press: 'button[data-plh-action="read-back"]' },
  { name: 'my-page-cut-by-maxlength', path: '/mypage-table.html', type: [['input[name="loginId"]', '123-4567']] },
  { name: 'phone-two-logins', path: '/two-logins.html', type: [['#m-mail', 'taro＠gmail.con'], ['#mp-id', 'l234567']], viewport: [390, 844] },
  { name: 'two-step-id', path: '/two-step-id.html', type: [['#step-id', '１２３４５６']] },
  { name: 'two-logins', path: '/two-logins.html', type: [['#m-mail', '7654321'], ['#mp-id', '7654３２１']] },
  { name: 'strict-csp-page', path: '/csp/mypage-table.html', type: [['input[name="loginId"]', 'I23456O']] },
  { name: 'placeholder-only', path: '/placeholder-only.html', type: [['#mpid', '123-456']] },
  { name: 'late-form', path: '/late-form.html', waitKinds: true },
  { name: 'job-page-no-login', path: '/job.html' },
  { name: 'member-domain-typo', path: '/member-modern.html', type: [['#login-mail', 'taro1@gmail.con']] },
  { name: 'password-checks', path: '/member-modern.html', type: [['#login-mail', 'taro@example.com'], ['#login-pass', 'ｐａｓｓ l1 ']] },
  { name: 'failed-login-checklist', path: '/failed-login.html' },
  { name: 'similar-service', url: 'https://www.pasona.co.jp/lookalike-login.html' },
  { name: 'inactive-notice', path: '/mypage-table.html', memoryDaysAgo: 183 },
  { name: 'popup', path: '/member-modern.html', type: [['#login-mail', 'taro＠gmail.con']], popup: true },
  { name: 'phone-failed-login', path: '/failed-login.html', type: [['input[name="loginId"]', 'l234567']], viewport: [390, 844] },
  { name: 'phone-similar-service', url: 'https://www.pasona.co.jp/lookalike-login.html', viewport: [390, 844] },
  { name: 'phone-my-page-table', path: '/mypage-table.html', type: [['input[name="loginId"]', '12345']], viewport: [390, 844] },
  { name: 'phone-member-fix', path: '/member-modern.html', type: [['#login-mail', 'taro＠gmail.con ']], viewport: [390, 844] },
];

const servers = await startServers({ root: FIXTURES });
const headless = !process.env.DISPLAY;
const driver = await launchChromium({ extensionDir: EXTENSION_DIR, httpsPort: servers.httpsPort, lang, headless });

async function setMemory(daysAgo) {
  await driver.openTab(await driver.extensionUrl('options.html'));
  await driver.waitFor(() => document.body.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
  await driver.evaluate(async (date) => {
    await chrome.storage.local.set({ memory: { method: 'my-page', date } });
  }, Math.floor(Date.now() / 86_400_000) - daysAgo);
  await driver.closeTab();
}

async function show(s) {
  if (s.memoryDaysAgo !== undefined) await setMemory(s.memoryDaysAgo);
  await driver.setViewport(...(s.viewport ?? [1000, 760]));
  await driver.goto(s.url ?? ORIGIN + s.path);
  await driver.waitFor(
    (late) => {
      const m = document.querySelector('[data-plh-page]');
      return m?.getAttribute('data-plh-state') === 'ready' && (!late || m.getAttribute('data-plh-kinds'));
    },
    { timeout: 8000 },
    !!s.waitKinds,
  );
  // Typed, then left: what waits for a complete value shows too.
  for (const [selector, text] of s.type ?? []) {
    await driver.type(selector, text);
    await driver.evaluate((sel) => document.querySelector(sel).blur(), selector);
  }
  for (const sel of s.open ?? []) {
    await driver.evaluate((inner) => {
      document.querySelector('[data-plh-form]').shadowRoot.querySelector(inner).open = true;
    }, sel);
  }
  if (s.press) {
    await new Promise((r) => setTimeout(r, 250));
    await driver.clickInShadow('[data-plh-field-host][data-plh-field="id"]', s.press);
  }
  await new Promise((r) => setTimeout(r, 250));
  if (s.popup) {
    await driver.openTab(await driver.extensionUrl('popup.html'));
    await driver.waitFor(() => document.body.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
    await driver.setViewport(400, 760);
  }
}

try {
  if (headless) {
    await mkdir(OUT, { recursive: true });
    let i = 0;
    for (const s of SCENARIOS) {
      await show(s);
      const file = `${OUT}${String(++i).padStart(2, '0')}-${s.name}.png`;
      await driver.page.screenshot({ path: file, fullPage: true });
      console.log(`saved ${file.replace(`${process.cwd()}/`, '')}`);
      if (s.popup) await driver.closeTab();
    }
  } else {
    await show(SCENARIOS[1]);
    console.log(`Chromium is open with the extension on ${ORIGIN}/member-modern.html.`);
    console.log(`Other sample pages: ${[...new Set(SCENARIOS.map((s) => s.path))].map((p) => ORIGIN + p).join(' ')}`);
    console.log('Press Ctrl+C to stop.');
    await new Promise((resolve) => process.once('SIGINT', resolve));
  }
} finally {
  await driver.close();
  await servers.close();
}
