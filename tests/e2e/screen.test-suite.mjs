// What a person sees (issue 18): the look-alike notice before the other
// service's form and on the first screen of a phone; nothing judged while a
// slow typist pauses; the site's own layout never squeezed by a warning; one
// box for one fix; the focus kept where the person is; each level marked by
// more than its colour; the popup and the options page at a phone's width,
// in the system's dark scheme.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hostOf } from './session.mjs';

const ORIGIN = 'https://www.pasonacareer.jp';
const MEMBER = { kind: 'member-service', id: '#m-mail', password: '#m-pass' };
const MY_PAGE = { kind: 'my-page', id: '#mp-id', password: '#mp-pw' };

/** Page-side: the page host's box against the form and the first screen. */
function noticeBox(formSel) {
  const host = document.querySelector('[data-plh-page]');
  const form = document.querySelector(formSel);
  const warning = host.shadowRoot.querySelector('[data-plh-warning]');
  const w = warning?.getBoundingClientRect();
  return {
    code: warning?.getAttribute('data-plh-warning') ?? null,
    beforeForm: !!(host.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING),
    top: w ? w.top + scrollY : null,
    bottom: w ? w.bottom + scrollY : null,
    screen: innerHeight,
    formTop: form.getBoundingClientRect().top + scrollY,
  };
}

export function defineScreenTests(ctx) {
  const d = () => ctx.driver;
  const s = () => ctx.session;

  async function open(path, predicate = () => true) {
    await d().goto(path.startsWith('https:') ? path : ORIGIN + path);
    await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
    return d().waitFor(predicate, { timeout: 5000 });
  }

  async function atPhoneSize(fn) {
    await d().setViewport(390, 844);
    try {
      return await fn();
    } finally {
      await d().setViewport(1280, 800);
    }
  }

  describe('what a person sees', () => {
    for (const [page, form] of [
      ['https://www.pasona.co.jp/lookalike-login.html', 'form'],
      ['https://www.pasona.co.jp/lookalike-long.html', 'form'],
    ]) {
      test(`on a phone, the look-alike notice stands before the other service's form, on the first screen (${page.split('/').pop()})`, async () => {
        await atPhoneSize(async () => {
          await open(page, () => !document.querySelector('[data-plh-page]').hidden);
          const n = await d().evaluate(noticeBox, form);
          assert.equal(n.code, 'similar-service');
          assert.ok(n.beforeForm, 'before the form in the page');
          assert.ok(n.bottom <= n.screen, `on the first screen: it ends at ${n.bottom} px of ${n.screen}`);
          if (n.formTop > n.screen) assert.ok(n.top < 200, 'a form far down: the notice goes to the top of the page');
        });
      });
    }

    test('a pause while typing is not the end of the value; leaving the field is', async () => {
      await open('/two-logins.html', () => document.querySelectorAll('[data-plh-form]').length === 2);
      for (const [login, typed, rest, code] of [
        [MEMBER, 'taro@', 'docomo.ne.j', 'email-domain'],
        [MY_PAGE, '1234', '', 'length'],
      ]) {
        await d().type(login.id, typed);
        await new Promise((r) => setTimeout(r, 1600));
        assert.deepEqual(await s().codes(login.kind), [], `${typed}: nothing after a pause`);
        if (rest) {
          await d().type(login.id, rest);
          await new Promise((r) => setTimeout(r, 1600));
          assert.deepEqual(await s().codes(login.kind), [], `${typed}${rest}: nothing after another pause`);
        }
        await s().appear(login.kind, code, () => s().leave(login.id));
        await d().clear(login.id);
      }
    });

    test('an input method committing part of an address is not the end of it', async () => {
      await open('/two-logins.html', () => document.querySelectorAll('[data-plh-form]').length === 2);
      await d().evaluate((sel) => document.querySelector(sel).focus(), MEMBER.id);
      for (const piece of ['taro', '@docomo', '.ne.j']) {
        await d().compose([...piece].map((_, i) => piece.slice(0, i + 1)));
        await new Promise((r) => setTimeout(r, 250));
        const judged = (await s().codes(MEMBER.kind)).filter((c) => c !== 'ime' && c !== 'fullwidth');
        assert.deepEqual(judged, [], `after the commit of ${piece}`);
      }
      await s().appear(MEMBER.kind, 'email-domain', () => s().leave(MEMBER.id));
    });

    test("at a phone's width a warning never widens the site's table cell (the label keeps its width)", async () => {
      await atPhoneSize(async () => {
        await open('/mypage-table-fluid.html', () => document.querySelector('[data-plh-form]'));
        const widths = () => d().evaluate(() => [...document.querySelectorAll('table.fluid th, table.fluid td')].map((c) => Math.round(c.getBoundingClientRect().width)));
        const lines = () =>
          d().evaluate(() => {
            const r = document.createRange();
            r.selectNodeContents(document.querySelector('table.fluid th'));
            return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
          });
        const before = await widths();
        const linesBefore = await lines();
        await d().type('#fl-id', 'l23456');
        await s().appear('my-page', 'not-digits', () => s().leave('#fl-id'));
        const after = await widths();
        assert.deepEqual(after, before, "the site's columns are as wide as before");
        assert.equal(await lines(), linesBefore, `the label keeps its ${linesBefore} line(s)`);
      });
    });

    test('one fix for everything wrong: one box that says what its button changes', async () => {
      await open('/two-logins.html', () => document.querySelectorAll('[data-plh-form]').length === 2);
      await d().type(MEMBER.id, 'taro＠gmail.con');
      await s().leave(MEMBER.id);
      const box = await d().waitFor(
        (host) => {
          const root = document.querySelector(host)?.shadowRoot;
          const items = root ? [...root.querySelectorAll('[data-plh-warning]')] : [];
          const button = items[0]?.querySelector('button[data-plh-action="fix"]');
          return items.length && button && { count: items.length, code: items[0].getAttribute('data-plh-warning'), text: items[0].textContent, button: button.textContent };
        },
        { timeout: 3000 },
        hostOf(MEMBER.kind, 'id'),
      );
      assert.equal(box.count, 1, 'one box, not two that contradict');
      assert.equal(box.code, 'fullwidth');
      assert.match(box.text, /半角にする/, 'what the button does: half-width…');
      assert.match(box.text, /gmail\.com に直す/, '…and the domain');
      assert.doesNotMatch(box.text, /taro/, 'the value is never repeated');
      assert.notEqual(box.button, '修正する', 'the button says what it does');
      await s().disappear(MEMBER.kind, 'fullwidth', () => s().fix(MEMBER.kind, 'fullwidth'));
      assert.equal((await s().pageSaw(MEMBER.id)).value, 'taro@gmail.com');
    });

    test('which end has the space, and which character is not a digit, in words', async () => {
      await open('/two-logins.html', () => document.querySelectorAll('[data-plh-form]').length === 2);
      await d().type(MEMBER.id, ' taro@example.com');
      const w = await s().appear(MEMBER.kind, 'whitespace', () => s().leave(MEMBER.id));
      assert.match(w.text, /先頭/);
      assert.match(w.button, /先頭の空白を消す/);
      await d().type(MY_PAGE.id, '12345b7');
      const n = await s().appear(MY_PAGE.kind, 'not-digits', () => s().leave(MY_PAGE.id));
      assert.match(n.text, /「b」/);
      assert.match(n.button, /b を 6 に/);
    });

    test('an ID in the wrong login: one sentence, and the way to the other login', async () => {
      await open('/two-logins.html', () => document.querySelectorAll('[data-plh-form]').length === 2);
      await d().type(MEMBER.id, '7654321');
      const w = await s().appear(MEMBER.kind, 'wrong-login', () => s().leave(MEMBER.id));
      assert.equal((w.text.match(/。/g) ?? []).length, 1, `one sentence: ${w.text}`);
      await d().clickInShadow(hostOf(MEMBER.kind, 'id'), 'button[data-plh-action="go-to-login"]');
      const focused = await d().waitFor(() => document.activeElement?.id === 'mp-id' && document.activeElement.id, { timeout: 2000 });
      assert.equal(focused, 'mp-id', 'the focus is in the My Page ID');
    });

    test('closing a notice (Escape) gives the focus back to the login, not to the page', async () => {
      await open('/failed-login.html', () => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'));
      await d().pressInShadow('[data-plh-page]', 'button[data-plh-action="dismiss"]', 'Escape');
      await d().waitFor(() => !document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'), { timeout: 2000 });
      const focused = await d().waitFor(() => document.activeElement !== document.body && document.activeElement?.getAttribute('name'), { timeout: 2000 });
      assert.equal(focused, 'loginId');
    });

    test('each level has a mark of its own besides its colour', async () => {
      await open('/two-logins.html', () => document.querySelectorAll('[data-plh-form]').length === 2);
      await d().type(MY_PAGE.id, 'l23456');
      await s().appear(MY_PAGE.kind, 'length', () => s().leave(MY_PAGE.id));
      const marks = await d().evaluate((host) => {
        const out = {};
        for (const item of document.querySelector(host).shadowRoot.querySelectorAll('[data-plh-warning]')) {
          out[item.getAttribute('data-plh-level')] = getComputedStyle(item.querySelector('.msg'), '::before').content;
        }
        return out;
      }, hostOf(MY_PAGE.kind, 'id'));
      assert.ok(marks.error && marks.warning && marks.error !== 'none' && marks.warning !== 'none', JSON.stringify(marks));
      assert.notEqual(marks.error, marks.warning, 'an error and a warning look different without colour');
    });

    test('the options page at a phone width: real checkboxes beside their labels, a heading that is one, nothing to erase is disabled', async () => {
      await atPhoneSize(async () => {
        await s().clearStorage();
        await s().openExtensionPage('options.html');
        const look = await d().evaluate(() => {
          const box = document.querySelector('input[type="checkbox"]').getBoundingClientRect();
          const label = document.querySelector('label span').getBoundingClientRect();
          const h1 = parseFloat(getComputedStyle(document.querySelector('h1')).fontSize);
          const body = parseFloat(getComputedStyle(document.body).fontSize);
          const forget = document.querySelector('[data-plh-action="forget"]');
          return {
            box: box.width,
            beside: label.left > box.right && label.top < box.bottom,
            h1,
            body,
            forgetDisabled: forget?.disabled ?? null,
            text: document.body.textContent,
          };
        });
        await d().closeTab();
        assert.ok(look.box >= 18, `checkbox ${look.box} px`);
        assert.ok(look.beside, 'the label stands beside its box');
        assert.ok(look.h1 >= look.body * 1.3, `heading ${look.h1} px against body ${look.body} px`);
        assert.equal(look.forgetDisabled, true, 'nothing stored: nothing to erase');
        assert.doesNotMatch(look.text, /設定で変えられます/, 'the settings page does not send you to the settings');
      });
    });

    /**
     * Emulates a media feature of the system: Chromium through its DevTools
     * protocol, Firefox through its preferences. `null` restores the system's.
     * @param {'prefers-color-scheme' | 'forced-colors'} name
     * @param {string | null} value
     */
    const sessions = new Map();
    async function emulate(name, value) {
      if (ctx.browser === 'chromium') {
        // The emulation lives as long as its DevTools session: one per tab,
        // kept open until the tab's emulation is undone.
        const page = d().page;
        let cdp = sessions.get(page);
        if (!cdp) sessions.set(page, (cdp = await d().context.newCDPSession(page)));
        await cdp.send('Emulation.setEmulatedMedia', { features: value === null ? [] : [{ name, value }] });
        if (value === null) {
          sessions.delete(page);
          await cdp.detach();
        }
        return;
      }
      await d().privileged(
        (feature, v) => {
          if (feature === 'prefers-color-scheme') {
            // 0 dark, 1 light, 2 the system's.
            Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', v === null ? 2 : v === 'dark' ? 0 : 1);
          } else {
            // 2: always the user's colours, which is forced colours; 0: the page's.
            Services.prefs.setIntPref('browser.display.document_color_use', v === null ? 0 : 2);
          }
        },
        name,
        value,
      );
    }

    test('the popup and the options page follow the system dark scheme', async () => {
      await s().openExtensionPage('popup.html');
      try {
        await emulate('prefers-color-scheme', 'dark');
        const dark = await d().waitFor(() => getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)' && getComputedStyle(document.body).backgroundColor, { timeout: 3000 });
        await emulate('prefers-color-scheme', 'light');
        const light = await d().waitFor(() => getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)' && getComputedStyle(document.body).backgroundColor, { timeout: 3000 });
        assert.notEqual(dark, light);
      } finally {
        await emulate('prefers-color-scheme', null);
        await d().closeTab();
      }
    });

    test('under forced colours (Windows High Contrast) a warning keeps a border and its mark', async () => {
      await open('/two-logins.html', () => document.querySelectorAll('[data-plh-form]').length === 2);
      await emulate('forced-colors', 'active');
      try {
        assert.ok(await d().waitFor(() => matchMedia('(forced-colors: active)').matches, { timeout: 3000 }), 'forced colours are on');
        await d().type(MY_PAGE.id, '123');
        await s().appear(MY_PAGE.kind, 'length', () => s().leave(MY_PAGE.id));
        const look = await d().evaluate((host) => {
          const item = document.querySelector(host).shadowRoot.querySelector('[data-plh-warning]');
          const st = getComputedStyle(item);
          return { border: parseFloat(st.borderTopWidth), left: parseFloat(st.borderLeftWidth), mark: getComputedStyle(item.querySelector('.msg'), '::before').content };
        }, hostOf(MY_PAGE.kind, 'id'));
        assert.ok(look.border >= 1 && look.left >= 4, JSON.stringify(look));
        assert.notEqual(look.mark, 'none');
      } finally {
        await emulate('forced-colors', null);
      }
    });
  });
}
