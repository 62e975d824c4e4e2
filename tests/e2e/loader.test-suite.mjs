// The loader: on a page without a login only the page marker appears and
// the engine (scripts and wasm) is never fetched; every host of the three
// sites is covered.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { markers } from './session.mjs';

export function defineLoaderTests(ctx) {
  const d = () => ctx.driver;

  describe('the loader', () => {
    test('a page without a login: the marker, ready and hidden, and no engine, no wasm', async () => {
      const before = d().requests?.length ?? 0;
      await d().goto('https://www.pasonacareer.jp/job.html');
      await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready', { timeout: 5000 });
      // The loader's after-load checks (shadow roots, an attempt to settle) run when the page is idle.
      await new Promise((r) => setTimeout(r, 1500));
      const m = await d().evaluate(markers);
      assert.equal(m.pageCount, 1);
      assert.equal(m.kinds, '');
      assert.equal(m.pageHidden, true);
      assert.equal(m.engine, null, 'the engine never started');
      if (ctx.browser === 'chromium') {
        const fetched = d().requests.slice(before).filter((u) => u.startsWith('chrome-extension://'));
        assert.deepEqual(fetched.filter((u) => /\.wasm$|content\/page\.js|wasm\/plh\.js/.test(u)), [], 'no engine file fetched');
      }
    });

    test('the engine comes when a login form is opened later (a dialog), and only then', async () => {
      await d().goto('https://www.pasonacareer.jp/job.html');
      await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 1200));
      assert.equal((await d().evaluate(markers)).engine, null);
      await d().evaluate(() => {
        const dialog = document.createElement('dialog');
        dialog.innerHTML =
          '<form><h2>マイページにログイン</h2><label>マイページID <input name="mpid" maxlength="7"></label><label>パスワード <input type="password"></label><button>ログインする</button></form>';
        document.body.append(dialog);
        dialog.showModal();
      });
      await d().waitFor(() => document.querySelector('[data-plh-page]').getAttribute('data-plh-kinds') === 'my-page', { timeout: 5000 });
    });

    test('any host of the site: a login on mypage.pasonacareer.jp', async () => {
      await d().goto('https://mypage.pasonacareer.jp/mypage-table.html');
      await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-kinds') === 'my-page', { timeout: 8000 });
    });
  });
}
