// Page-level guidance in a real browser: look-alike services, the failed-login
// checklist (keyboard-usable, dismissable), the browser verdict for the
// machine's own browser, and accessibility of everything the extension adds.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const PAGE = '[data-plh-page]';
const require = createRequire(import.meta.url);

/** Page-side: the page marker's visible warnings. */
function pageWarnings() {
  const host = document.querySelector('[data-plh-page]');
  const root = host.shadowRoot;
  return {
    hidden: host.hidden,
    after: host.previousElementSibling?.textContent.trim() ?? null,
    before: host.nextElementSibling?.tagName ?? null,
    kinds: host.getAttribute('data-plh-kinds'),
    forms: document.querySelectorAll('[data-plh-form]').length,
    warnings: [...root.querySelectorAll('[data-plh-warning]')].map((n) => {
      const r = n.getBoundingClientRect();
      return {
        code: n.getAttribute('data-plh-warning'),
        field: n.getAttribute('data-plh-field'),
        level: n.getAttribute('data-plh-level'),
        text: n.textContent,
        visible: r.width > 0 && r.height > 0,
        items: [...n.querySelectorAll('li')].map((li) => li.textContent),
        inSight: [...n.querySelectorAll(':scope > ul > li')].map((li) => li.textContent),
        links: [...n.querySelectorAll('a')].map((a) => a.href),
        focusable: [...n.querySelectorAll('a, button')].every((e) => e.tabIndex >= 0 && !e.disabled),
      };
    }),
  };
}

/** Native verdict for a user agent today (examples/browser_verdict.rs). */
export async function nativeVerdict(userAgent, brands = []) {
  const { stdout } = await promisify(execFile)('cargo', ['run', '-q', '--example', 'browser_verdict', '--', userAgent, ...brands], {
    cwd: new URL('../../', import.meta.url),
  });
  return JSON.parse(stdout).map((w) => w.code);
}

export async function readySettled(driver, predicate = () => true) {
  await driver.waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
  return driver.waitFor(predicate, { timeout: 5000 });
}

export function defineGuidanceTests(ctx) {
  describe('page-level guidance', () => {
    test('a login page of パソナ (www.pasona.co.jp) shows similar-service, no field checks', async () => {
      const { driver } = ctx;
      await driver.goto('https://www.pasona.co.jp/lookalike-login.html');
      await readySettled(driver, () => !document.querySelector('[data-plh-page]').hidden);
      const p = await driver.evaluate(pageWarnings);
      assert.equal(p.kinds, '');
      assert.equal(p.forms, 0, 'no Pasona Career form marker on another service');
      assert.deepEqual(p.warnings.map((w) => w.code), ['similar-service']);
      const [w] = p.warnings;
      assert.equal(w.field, 'page');
      assert.ok(w.visible);
      assert.deepEqual(w.links, ['https://www.pasonacareer.jp/']);
    });

    test('other pages of パソナ show nothing', async () => {
      const { driver } = ctx;
      await driver.goto('https://www.pasona.co.jp/job.html');
      await readySettled(driver);
      const p = await driver.evaluate(pageWarnings);
      assert.equal(p.hidden, true);
      assert.deepEqual(p.warnings, []);
    });

    test('a failed My Page login shows the checklist; it is keyboard-usable and can be dismissed', async () => {
      const { driver } = ctx;
      await driver.goto('https://www.pasonacareer.jp/failed-login.html');
      await readySettled(driver, () => !document.querySelector('[data-plh-page]').hidden);
      const p = await driver.evaluate(pageWarnings);
      const failed = p.warnings.find((w) => w.code === 'login-failed');
      assert.ok(failed, `login-failed among ${p.warnings.map((w) => w.code)}`);
      assert.equal(failed.level, 'error');
      assert.ok(failed.visible);
      assert.equal(failed.inSight.length, 3, `three causes in sight: ${failed.inSight}`);
      assert.ok(failed.items.length >= 6, `the rest folded: ${failed.items.length}`);
      assert.equal(failed.items.filter((t) => /l.*1.*O.*0/.test(t)).length, 1, 'l/1 and O/0 said once');
      assert.ok(!failed.items.some((t) => t.includes('パソナマスターズ')), 'no look-alike item on Pasona Career');
      assert.match(failed.text, /0120-353-382/, 'the support line');
      assert.deepEqual(failed.links, [], "the page shows its own reset link beside the form: ours is no second one");
      assert.match(p.after, /正しくありません/, "right after the site's own message");
      assert.ok(failed.focusable, 'links and buttons are in the tab order');
      // Escape on the focused dismiss button closes the checklist.
      await driver.pressInShadow(PAGE, 'button[data-plh-action="dismiss"]', 'Escape');
      await driver.waitFor(() => !document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'), { timeout: 2000 });
    });

    test('the checklist closes with Enter on its button, too', async () => {
      const { driver } = ctx;
      await driver.goto('https://www.pasonacareer.jp/failed-login.html');
      await readySettled(driver, () => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'));
      await driver.pressInShadow(PAGE, 'button[data-plh-action="dismiss"]', 'Enter');
      await driver.waitFor(() => document.querySelector('[data-plh-page]').hidden || !document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'), { timeout: 2000 });
    });

    test('a failure shown after submit (un-hidden message) brings the member checklist', async () => {
      const { driver } = ctx;
      await driver.goto('https://www.pasonacareer.jp/spa-fail.html');
      await readySettled(driver, () => document.querySelector('[data-plh-page]').getAttribute('data-plh-kinds') === 'member-service');
      let p = await driver.evaluate(pageWarnings);
      assert.ok(!p.warnings.some((w) => w.code === 'login-failed'), 'no failure before the submit');
      await driver.type('#spa-mail', 'hanako@example.com');
      await driver.type('#spa-pass', 'secret');
      await driver.click('#spa-submit');
      await driver.waitFor(() => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'), { timeout: 5000 });
      p = await driver.evaluate(pageWarnings);
      const failed = p.warnings.find((w) => w.code === 'login-failed');
      assert.ok(failed.items.length >= 7);
    });

    test("the machine's own browser gets the native verdict (no false alarm when current)", async () => {
      const { driver } = ctx;
      await driver.goto('https://www.pasonacareer.jp/member-modern.html');
      await readySettled(driver, () => document.querySelector('[data-plh-page]').getAttribute('data-plh-kinds'));
      const ua = await driver.evaluate(() => [navigator.userAgent, (navigator.userAgentData?.brands ?? []).map((b) => `${b.brand}/${b.version}`)]);
      const expected = await nativeVerdict(ua[0], ua[1]);
      const p = await driver.evaluate(pageWarnings);
      const got = p.warnings.map((w) => w.code).filter((c) => c.startsWith('browser-'));
      assert.deepEqual(got, expected, `verdict for ${ua[0]}`);
      if (ctx.browser === 'firefox') assert.deepEqual(got, [], 'Firefox ESR is supported: no false alarm');
    });

    test('axe-core finds no accessibility violation in what the extension adds', async () => {
      const { driver } = ctx;
      const axe = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
      for (const path of ['/failed-login.html', '/two-logins.html']) {
        await driver.goto(`https://www.pasonacareer.jp${path}`);
        await readySettled(driver, () => document.querySelectorAll('[data-plh-form]').length > 0);
        // Warnings of both levels on screen, so their colours and buttons are checked too.
        if (path === '/two-logins.html') {
          await driver.type('#mp-id', 'l23456');
          await driver.evaluate(() => document.querySelector('#mp-id').blur());
          await driver.type('#m-mail', 'taro＠gmail.con');
          await driver.waitFor(() => document.querySelectorAll('[data-plh-field-host] ').length && [...document.querySelectorAll('[data-plh-field-host]')].filter((h) => h.shadowRoot.querySelector('[data-plh-warning]')).length >= 2, { timeout: 3000 });
        }
        const result = await driver.evaluate(async (source) => {
          // Loaded as code in the page's world only for the audit.
          (0, eval)(source);
          const r = await window.axe.run({ include: [['[data-plh-page]'], ['[data-plh-form]'], ['[data-plh-field-host]']] }, { resultTypes: ['violations'] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
        }, axe);
        assert.deepEqual(result, [], `axe violations on ${path}: ${JSON.stringify(result)}`);
      }
    });
  });
}
