// `./build.sh demo`: the extension on the bundled sample pages, served as
// https://www.pasonacareer.jp/... . With a display, a real Chromium window
// stays open; without one, each scenario is saved as a screenshot.
// `--store DIR` (`./build.sh store`, tools/store.mjs): the store's
// screenshots (1280×800 each) and small promotional tile (440×280) in DIR.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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
// The store's images are always made headless, at the stores' sizes.
const headless = !process.env.DISPLAY || process.argv.includes('--store');
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

/** The store's screenshots: the real extension on the sample pages, each exactly 1280×800. */
const STORE_SHOTS = [
  { file: '1-my-page-warning-fix.png', path: '/mypage-table.html', type: [['input[name="loginId"]', 'l234567']] },
  { file: '2-member-domain-suggestion.png', path: '/member-modern.html', type: [['#login-mail', 'taro1@gmail.con']] },
  // A 390 px page, shown in a 1280×800 frame.
  { file: '3-phone.png', path: '/member-modern.html', type: [['#login-mail', 'taro＠gmail.con ']], viewport: [390, 844], frame: 'phone' },
  { file: '4-failed-login.png', path: '/failed-login.html', type: [['input[name="loginId"]', 'l234567']] },
  // The popup over the page it speaks about, as it opens under the toolbar.
  { file: '5-popup.png', path: '/member-modern.html', type: [['#login-mail', 'taro＠gmail.con']], frame: 'popup' },
];
const STORE_SIZE = [1280, 800];

/** An image file as a data: URL (frames are plain pages, the images inline). */
const dataUrl = async (file) => `data:image/png;base64,${(await readFile(file)).toString('base64')}`;

/** Renders `html` at width × height in a tab of its own and saves it as `out`. */
async function render(html, [width, height], out, tmp) {
  const file = `${tmp}frame.html`;
  await writeFile(file, html);
  await driver.openTab(`file://${file}`);
  await driver.page.setViewportSize({ width, height });
  await driver.page.evaluate(() => document.fonts.ready);
  await driver.page.screenshot({ path: out });
  await driver.closeTab();
}

const FRAME_STYLE = `html, body { margin: 0; width: 1280px; height: 800px; overflow: hidden; }
  body { background: linear-gradient(135deg, #e8effa 0%, #f7f9fc 100%); font-family: "Noto Sans CJK JP", sans-serif; }`;

async function storeShots(out) {
  const tmp = `${out}tmp/`;
  await mkdir(`${out}screenshots/`, { recursive: true });
  await mkdir(tmp, { recursive: true });
  for (const s of STORE_SHOTS) {
    const file = `${out}screenshots/${s.file}`;
    await show({ ...s, popup: false, viewport: s.viewport ?? STORE_SIZE });
    if (!s.frame) {
      await driver.page.screenshot({ path: file });
    } else if (s.frame === 'phone') {
      await driver.page.screenshot({ path: `${tmp}phone.png` });
      const [w, h] = s.viewport;
      const scale = 700 / h;
      await render(
        `<!doctype html><meta charset="utf-8"><style>${FRAME_STYLE}
        .phone { position: absolute; left: 50%; top: 36px; transform: translateX(-50%); width: ${Math.round(w * scale)}px;
          height: ${Math.round(h * scale)}px; border: 12px solid #1b1f24; border-radius: 36px; overflow: hidden; background: #fff;
          box-shadow: 0 18px 50px rgba(16, 32, 64, 0.28); }
        .phone img { width: 100%; height: 100%; display: block; }</style>
        <div class="phone"><img src="${await dataUrl(`${tmp}phone.png`)}" alt=""></div>`,
        STORE_SIZE,
        file,
        tmp,
      );
    } else {
      await driver.page.screenshot({ path: `${tmp}page.png` });
      await driver.openTab(await driver.extensionUrl('popup.html'));
      // The popup's own width (its body's), as tall as what it shows.
      await driver.page.setViewportSize({ width: 400, height: 760 });
      await driver.waitFor(() => document.body.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
      const popup = await driver.evaluate(() => ({ width: Math.ceil(document.body.getBoundingClientRect().width), height: Math.min(760, Math.ceil(document.body.getBoundingClientRect().bottom) + 12) }));
      await driver.page.setViewportSize(popup);
      await driver.page.screenshot({ path: `${tmp}popup.png` });
      await driver.closeTab();
      await render(
        `<!doctype html><meta charset="utf-8"><style>${FRAME_STYLE}
        .page { position: absolute; inset: 0; width: 1280px; height: 800px; filter: brightness(0.92); }
        .popup { position: absolute; right: 24px; top: 8px; width: ${popup.width}px; height: ${popup.height}px; border: 1px solid #c9d1d9; border-radius: 8px;
          box-shadow: 0 12px 40px rgba(16, 32, 64, 0.35); overflow: hidden; background: #fff; }
        .popup img { display: block; }</style>
        <img class="page" src="${await dataUrl(`${tmp}page.png`)}" alt="">
        <div class="popup"><img src="${await dataUrl(`${tmp}popup.png`)}" alt=""></div>`,
        STORE_SIZE,
        file,
        tmp,
      );
    }
    console.log(`saved ${file.replace(`${process.cwd()}/`, '')}`);
  }
  // The small promotional tile, one per language: the icon, the name, one line.
  const listing = JSON.parse(await readFile(new URL('../../store/listing.json', import.meta.url), 'utf8'));
  const template = await readFile(new URL('../../store/promo-tile.html', import.meta.url), 'utf8');
  const icon = (await readFile(new URL('../../icons/icon.svg', import.meta.url), 'utf8')).replace(/<\?xml[^>]*>/, '');
  await mkdir(`${out}promo/`, { recursive: true });
  for (const lang of listing.languages) {
    const messages = JSON.parse(await readFile(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
    const html = template
      .replace(/<!--[\s\S]*?-->/g, '')
      .replaceAll('@LANG@', lang)
      .replaceAll('@ICON@', icon)
      .replaceAll('@NAME@', messages.ext_name.message)
      .replaceAll('@LINE@', listing.tile[lang]);
    const file = `${out}promo/small-tile-440x280-${lang}.png`;
    await render(html, [440, 280], file, tmp);
    console.log(`saved ${file.replace(`${process.cwd()}/`, '')}`);
  }
  await rm(tmp, { recursive: true, force: true });
}

const storeAt = process.argv.indexOf('--store');

try {
  if (storeAt >= 0) {
    await storeShots(`${process.argv[storeAt + 1].replace(/\/?$/, '/')}`);
  } else if (headless) {
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
