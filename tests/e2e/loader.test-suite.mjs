// The loader: on a page without a login only the page marker appears and
// the engine (scripts and wasm) is never fetched, even where there are
// e-mail, search or number fields (a job alert, a newsletter, the site
// search, a job number); every login fixture loads it; every host of the
// three sites is covered; nothing the page defines (named elements and
// frames, custom elements) stops it; and the store build leaves no timing
// trace on the page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { markers } from './session.mjs';
import { PAGES } from './pages.mjs';

const ORIGIN = 'https://www.pasonacareer.jp';
/** Pages with e-mail, search or number fields and no login. */
const NO_LOGIN = ['/job.html', '/no-login-job-alert.html', '/no-login-newsletter.html', '/no-login-search.html', '/no-login-job-number.html'];
/** The engine's files: the bundle and the wasm (the loader and its style sheet are not). */
const ENGINE_FILE = /^(chrome|moz)-extension:\/\/[^/]+\/(?!loader\.js$|content\/alive\.css$)/;

export function defineLoaderTests(ctx) {
  const d = () => ctx.driver;

  describe('the loader', () => {
    /**
     * Opens `path`, waits for the loader's after-load checks; what the
     * marker says, and (Chromium's request log; Firefox has none for
     * extension files) the engine files the browser fetched meanwhile.
     */
    async function visit(path) {
      const before = d().requests?.length ?? 0;
      await d().goto(`${ORIGIN}${path}`);
      await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready', { timeout: 5000 });
      // The loader's after-load checks (shadow roots, an attempt to settle) run when the page is idle.
      await new Promise((r) => setTimeout(r, 1500));
      const m = await d().evaluate(markers);
      const fetched = d().requests ? d().requests.slice(before).filter((u) => ENGINE_FILE.test(u)) : null;
      return { m, fetched, error: await d().evaluate(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-error') ?? null) };
    }

    for (const path of NO_LOGIN) {
      test(`no login on ${path}: the marker, ready and hidden, and no engine, no wasm`, async () => {
        const { m, fetched, error } = await visit(path);
        assert.equal(m.pageCount, 1);
        assert.equal(m.kinds, '');
        assert.equal(m.pageHidden, true);
        // The engine, once imported, always marks which core answers (or why it failed).
        assert.equal(m.engine, null, 'the engine never started');
        assert.equal(error, null);
        if (fetched) assert.deepEqual(fetched, [], 'no engine file fetched');
      });
    }

    test('every login fixture loads the engine (the control: the checks above can fail)', async () => {
      for (const page of PAGES.filter((p) => !p.strictCsp && p.kinds.length)) {
        const { m, fetched } = await visit(page.path);
        assert.equal(m.kinds, page.kinds.join(' '), page.path);
        assert.equal(m.engine, 'page', page.path);
        if (fetched) {
          assert.ok(fetched.some((u) => u.endsWith('/content/engine.js')), `${page.path}: the engine was fetched (${fetched.join(', ')})`);
          assert.ok(fetched.some((u) => u.endsWith('/wasm/plh_bg.wasm')), `${page.path}: the wasm was fetched`);
        }
      }
    });

    test('a page that takes our names (plhLoader element and frame, plh-* custom elements with closed shadow roots): the marker comes, ready', async () => {
      await d().goto(`${ORIGIN}/hostile-names.html`);
      const marker = await d().waitFor(
        () => {
          const pages = document.querySelectorAll('[data-plh-page]');
          const m = pages[0];
          return pages.length === 1 && m.getAttribute('data-plh-state') === 'ready' && m.getAttribute('data-plh-kinds') === 'my-page'
            ? { tag: m.tagName, open: !!m.shadowRoot, named: !!window.plhLoader }
            : false;
        },
        { timeout: 8000 },
      );
      assert.deepEqual(marker, { tag: 'DIV', open: true, named: true });
    });

    test('the store build leaves no timing trace: no plh: performance mark, no timing attribute', async () => {
      await d().goto(`${ORIGIN}/mypage-table.html`);
      await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-kinds') === 'my-page', { timeout: 8000 });
      const trace = await d().evaluate(() => ({
        marks: performance.getEntriesByType('mark').map((e) => e.name).filter((n) => n.startsWith('plh')),
        measures: performance.getEntriesByType('measure').map((e) => e.name).filter((n) => n.startsWith('plh')),
        attributes: [...document.querySelectorAll('[data-plh-page], [data-plh-form], [data-plh-field-host]')].flatMap((el) =>
          [...el.attributes].map((a) => a.name).filter((n) => n.endsWith('-ms')),
        ),
      }));
      assert.deepEqual(trace, { marks: [], measures: [], attributes: [] });
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
