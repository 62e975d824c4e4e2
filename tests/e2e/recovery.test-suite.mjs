// A core that traps (a Rust panic aborts: a wasm trap) is replaced by a fresh
// instance of the same compiled module, in every context: the in-page core
// of a login tab, and the background's, which answers pages whose CSP
// forbids wasm in a content script. The trap is real: the core's own
// `{op: "trap"}` (src/protocol.rs, in the wasm only), sent to the tab's
// engine (its `trap` message) or to the background from an extension page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { markers } from './session.mjs';

const ORIGIN = 'https://www.pasonacareer.jp';
const MY_PAGE = { kind: 'my-page', id: '#mp-id' };

export function defineRecoveryTests(ctx) {
  const d = () => ctx.driver;
  const s = () => ctx.session;

  async function openTwoLogins(path, engine) {
    await d().goto(`${ORIGIN}${path}`);
    await d().waitFor(
      (e) => {
        const m = document.querySelector('[data-plh-page]');
        return m?.getAttribute('data-plh-kinds') === 'member-service my-page' && m.getAttribute('data-plh-engine') === e;
      },
      { timeout: 8000 },
      engine,
    );
  }

  /** From an extension page: the `trap` message to every other tab; the answers of those that have an engine. */
  const trapTabs = () =>
    s().inExtensionPage(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const self = await api.tabs.getCurrent();
      const answers = [];
      for (const tab of await api.tabs.query({})) {
        if (tab.id === self?.id) continue;
        const answer = await api.tabs.sendMessage(tab.id, { type: 'trap' }).catch(() => null);
        if (answer) answers.push(answer);
      }
      return answers;
    });

  /** From an extension page: requests to the background's core, in order, and its answers. */
  const toBackground = (requests) =>
    s().inExtensionPage(async (rs) => {
      const api = globalThis.browser ?? globalThis.chrome;
      const out = [];
      for (const request of rs) out.push(await api.runtime.sendMessage({ type: 'core', request }));
      return out;
    }, requests);

  /** The next keystroke in the My Page ID gets its instant warning. */
  async function nextKeystrokeWarned() {
    await d().clear(MY_PAGE.id);
    await s().appear(MY_PAGE.kind, 'fullwidth', () => d().type(MY_PAGE.id, '１'));
  }

  describe('a core that traps is replaced', () => {
    test('the in-page core traps; the next keystroke still gets its warning, in the page', async () => {
      await openTwoLogins('/two-logins.html', 'page');
      const answers = await trapTabs();
      // The request trapped, and trapped again on the fresh instance it was tried once more on.
      assert.equal(answers.length, 1, JSON.stringify(answers));
      assert.match(answers[0].error ?? '', /^plh: the core stopped \(/, JSON.stringify(answers[0]));
      await nextKeystrokeWarned();
      const m = await d().evaluate(markers);
      assert.equal(m.engine, 'page', 'the tab keeps its in-page core (no switch to the background)');
      assert.equal(m.errors, null, 'no request of the page was refused');
    });

    test('the background core traps; the next request is answered', async () => {
      const [trapped, next] = await toBackground([{ op: 'trap' }, { op: 'start' }]);
      assert.match(trapped.error ?? '', /^plh: the core stopped \(/, JSON.stringify(trapped));
      assert.ok(next.ok?.limits, `the next request is answered: ${JSON.stringify(next)}`);
    });

    test('a strict-CSP page (the background answers): its core traps, the next keystroke still gets its warning', async (t) => {
      if (ctx.browser !== 'chromium') return t.skip('Firefox compiles wasm in the content script under this CSP');
      await openTwoLogins('/csp/two-logins.html', 'background');
      const [trapped] = await toBackground([{ op: 'trap' }]);
      assert.match(trapped.error ?? '', /^plh: the core stopped \(/, JSON.stringify(trapped));
      await nextKeystrokeWarned();
      const m = await d().evaluate(markers);
      assert.equal(m.engine, 'background');
      assert.equal(m.errors, null, 'no request of the page was refused');
    });
  });
}
