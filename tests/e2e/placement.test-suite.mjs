// Where the warnings are and how they look: under their field, before the
// submit button in document and tab order, page notices above the form, at
// a phone's width too; styled under a strict page CSP; the popup within
// Chrome's 600 pixels; new errors said once to screen readers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formHost, hostOf } from './session.mjs';

const ORIGIN = 'https://www.pasonacareer.jp';
const MY_PAGE = { kind: 'my-page', id: '#mp-id', password: '#mp-pw' };

/** Page-side: where a field's host and its first warning are, against the field and its form's submit button. */
function layout(fieldSel, hostSel) {
  const field = document.querySelector(fieldSel);
  const host = document.querySelector(hostSel);
  const submit = field.form.querySelector('button, input[type="submit"]');
  const warning = host.shadowRoot.querySelector('[data-plh-warning]');
  const button = warning?.querySelector('button');
  const f = field.getBoundingClientRect();
  const w = warning?.getBoundingClientRect();
  const style = warning && getComputedStyle(warning);
  const text = warning && getComputedStyle(warning.querySelector('span'));
  return {
    afterField: !!(field.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING),
    beforeSubmit: !!(host.compareDocumentPosition(submit) & Node.DOCUMENT_POSITION_FOLLOWING),
    gap: w ? w.top - f.bottom : null,
    inView: w ? w.left >= 0 && w.right <= window.innerWidth && w.bottom <= window.innerHeight : null,
    fontSize: text ? parseFloat(text.fontSize) : null,
    border: style?.borderLeftColor ?? null,
    buttonHeight: button ? button.getBoundingClientRect().height : null,
    viewport: window.innerWidth,
  };
}

export function definePlacementTests(ctx) {
  const d = () => ctx.driver;
  const s = () => ctx.session;

  async function open(path) {
    await d().goto(ORIGIN + path);
    await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-kinds'), { timeout: 8000 });
  }

  describe('placement and look', () => {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ]) {
      test(`at ${width}×${height}: the ID's warning is right under it, before the submit button, in view and readable`, async () => {
        await d().setViewport(width, height);
        try {
          await open('/two-logins.html');
          await d().evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), MY_PAGE.id);
          await s().appear(MY_PAGE.kind, 'fullwidth', () => d().type(MY_PAGE.id, '１２３４５６７'));
          await s().withFix(MY_PAGE.kind, 'fullwidth');
          const l = await d().evaluate(layout, MY_PAGE.id, hostOf(MY_PAGE.kind, 'id'));
          assert.equal(l.viewport, width);
          assert.ok(l.afterField && l.beforeSubmit, `between the field and the submit button: ${JSON.stringify(l)}`);
          assert.ok(l.gap >= 0 && l.gap < 40, `right under the field (${l.gap} px)`);
          assert.ok(l.inView, 'fully in view');
          assert.ok(l.fontSize >= 14, `text ${l.fontSize} px`);
          if (width < 600) assert.ok(l.buttonHeight >= 40, `a tap target of ${l.buttonHeight} px`);
        } finally {
          await d().setViewport(1280, 800);
        }
      });
    }

    test('in tab order, the fix comes right after its field and before the submit button', async () => {
      await open('/two-logins.html');
      await s().appear(MY_PAGE.kind, 'fullwidth', () => d().type(MY_PAGE.id, '１２３４５６７'));
      await s().withFix(MY_PAGE.kind, 'fullwidth');
      await d().press(MY_PAGE.id, 'Tab');
      const focused = await d().evaluate((hostSel) => {
        const a = document.activeElement;
        return { host: a === document.querySelector(hostSel), inner: a.shadowRoot?.activeElement?.getAttribute('data-plh-action') ?? null };
      }, hostOf(MY_PAGE.kind, 'id'));
      assert.deepEqual(focused, { host: true, inner: 'fix' });
    });

    test("the failure checklist comes right after the site's own message, the help after the form", async () => {
      await open('/failed-login.html');
      await d().waitFor(() => !document.querySelector('[data-plh-page]').hidden, { timeout: 5000 });
      const order = await d().evaluate((formSel) => {
        const page = document.querySelector('[data-plh-page]');
        const message = document.querySelector('.error-message').getBoundingClientRect();
        const fields = document.querySelector('table.login').getBoundingClientRect();
        const p = page.getBoundingClientRect();
        const form = document.querySelector('form').getBoundingClientRect();
        const help = document.querySelector(formSel).getBoundingClientRect();
        return {
          afterMessage: page.previousElementSibling === document.querySelector('.error-message') && p.top >= message.bottom - 1,
          beforeFields: p.bottom <= fields.top + 1,
          helpBelow: help.top >= form.bottom - 1,
        };
      }, formHost('my-page'));
      assert.deepEqual(order, { afterMessage: true, beforeFields: true, helpBelow: true });
    });

    test('under a strict page CSP the warnings are styled (constructed style sheets)', async () => {
      await open('/csp/two-logins.html');
      await d().type(MY_PAGE.id, '１２３');
      await s().appear(MY_PAGE.kind, 'length', () => s().leave(MY_PAGE.id));
      const l = await d().evaluate(layout, MY_PAGE.id, hostOf(MY_PAGE.kind, 'id'));
      assert.equal(l.border, 'rgb(207, 34, 46)', 'the error colour applies');
      assert.equal(l.fontSize, 15);
    });

    test('a new error is said once to screen readers, not on every keystroke', async () => {
      await open('/two-logins.html');
      const live = () => d().evaluate((h) => document.querySelector(h).shadowRoot.querySelector('[aria-live]').textContent, hostOf(MY_PAGE.kind, 'id'));
      await s().appear(MY_PAGE.kind, 'fullwidth', () => d().type(MY_PAGE.id, '１'));
      const said = await live();
      assert.match(said, /全角|full-width/i);
      await d().type(MY_PAGE.id, '２');
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(await live(), '', 'the same error is not said again');
    });

    test('the popup fits in 600 pixels with the warnings first, the phone number on one line', async () => {
      await open('/failed-login.html');
      await d().type('input[name="loginId"]', 'l23456');
      await s().leave('input[name="loginId"]');
      await s().openExtensionPage('popup.html');
      const view = await d().evaluate(() => {
        const first = document.querySelector('#view [data-plh-warning]');
        const tel = [...document.querySelectorAll('.tel')].map((a) => a.getClientRects().length);
        return {
          // What Chrome sizes a popup to: the content (opened as a tab, the page itself fills the window).
          height: Math.ceil(document.body.getBoundingClientRect().bottom + parseFloat(getComputedStyle(document.body).marginBottom)),
          width: document.documentElement.scrollWidth,
          first: first?.getAttribute('data-plh-warning'),
          tel,
          fontSizes: [...document.querySelectorAll('#view p, #view li')].map((e) => parseFloat(getComputedStyle(e).fontSize)),
        };
      });
      await d().closeTab();
      assert.ok(view.height <= 600, `the popup is ${view.height} px tall`);
      assert.equal(view.first, 'login-failed', 'the most important warning first, after the status line');
      assert.ok(view.tel.every((n) => n <= 1), 'the phone number never wraps');
      assert.ok(Math.min(...view.fontSizes) >= 14, `text ${Math.min(...view.fontSizes)} px`);
    });
  });
}
