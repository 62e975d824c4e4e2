// 「このページの問題を報告」 in the popup (src/session/report.rs), in a real
// browser with the built extension: the report shows whole before anything
// else, holds what the core decided (the codes now, the links), holds no
// typed value nor a run of four of one, is copied on one press and sent
// nowhere; on a page where only the loader ran, asking for it starts the
// engine. PLH_RECORD_REPORT=DIR saves the reports made here in DIR
// (tests/reports/ keeps one: ./build.sh replay runs it again).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestLog } from './harness/server.mjs';

const ORIGIN = 'https://www.pasonacareer.jp';
// A My Page ID with a letter where a digit goes (not-digits, with its fix),
// and a password none of whose runs of four is a word of the report's own
// keys or of the page.
const ID = 'l234567';
const PASSWORD = 'Qz7!xv-9Kp';
const MANIFEST = fileURLToPath(new URL('../../manifest.json', import.meta.url));

/** Every run of four characters of `value`. */
const runsOfFour = (value) => [...value].slice(0, -3).map((_, i) => [...value].slice(i, i + 4).join(''));

export function defineReportTests(ctx) {
  const d = () => ctx.driver;

  async function ready() {
    await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
  }

  /** The popup beside the page (as a tab: it speaks about the tab used before), its report asked for by a person's click. */
  async function askForReport() {
    await ctx.session.openExtensionPage('popup.html');
    await d().waitFor(() => document.querySelector('#view button[data-plh-action="report"]'), { timeout: 5000 });
    const before = await d().evaluate(() => ({ hidden: document.querySelector('#report').hidden, label: document.querySelector('#view button[data-plh-action="report"]').textContent }));
    await d().click('#view button[data-plh-action="report"]');
    await d().waitFor(() => !document.querySelector('#report').hidden && document.querySelector('#report-data').textContent.length > 0, { timeout: 8000 });
    const shown = await d().evaluate(() => ({
      heading: document.querySelector('#report-before [role="heading"]')?.textContent ?? '',
      note: document.querySelector('#report-before [data-plh-report-note]')?.textContent ?? '',
      data: document.querySelector('#report-data').textContent,
      focused: document.activeElement === document.querySelector('#report-data'),
      copy: document.querySelector('#report-after button[data-plh-action="copy-report"]')?.textContent ?? null,
      popup: document.body.textContent,
    }));
    return { before, ...shown };
  }

  async function record(name, data) {
    const dir = process.env.PLH_RECORD_REPORT;
    if (dir) await writeFile(join(dir, `${name}-${ctx.browser}.json`), `${data}\n`);
  }

  describe('the report on a page', () => {
    test('a login page with a warning: the whole report first, the codes and the links, no typed value, copied on one press, nothing sent', async () => {
      await d().goto(`${ORIGIN}/mypage-table.html`);
      await ready();
      await d().type('input[name="loginId"]', ID);
      await d().type('input[name="loginPw"]', PASSWORD);
      await d().waitFor(
        () => document.querySelector('[data-plh-field-host][data-plh-field="id"]')?.shadowRoot.querySelector('[data-plh-warning="not-digits"]'),
        { timeout: 5000 },
      );
      requestLog.length = 0;
      const seen = ctx.browser === 'chromium' ? d().requests.length : 0;
      const r = await askForReport();
      assert.equal(r.before.hidden, true, 'nothing of a report before it is asked for');
      assert.match(r.before.label, /このページの問題を報告/);
      assert.match(r.heading, /報告（どこにも送られていません）/, 'the heading says that nothing was sent');
      assert.match(r.note, /Issues/, 'and where to paste it');
      assert.ok(r.focused, 'the focus goes to the report');
      assert.match(r.copy, /コピー/);

      const report = JSON.parse(r.data);
      const manifest = JSON.parse(await readFile(MANIFEST, 'utf8'));
      assert.equal(report.extension, manifest.version);
      assert.equal(report.browser?.family, ctx.browser === 'firefox' ? 'firefox' : 'chrome');
      assert.ok(report.browser.major >= 100, `major: ${report.browser.major}`);
      assert.match(report.date, /^\d{4}-\d\d-\d\d$/);
      assert.equal(report.page.url, `${ORIGIN}/mypage-table.html`);
      assert.equal(report.page.forms[0].fields[0].name, 'loginId', 'the snapshot as the reader took it');
      assert.equal(report.decided.site, 'pasona-career');
      assert.deepEqual(report.decided.logins, [{ kind: 'my-page', area: 0, idField: 0, passwordField: 1 }]);
      const id = report.decided.fieldCodes.find((f) => f.login === 0 && f.field === 'id');
      assert.deepEqual(id?.codes, ['not-digits'], `field codes: ${JSON.stringify(report.decided.fieldCodes)}`);
      const links = report.decided.links.map((l) => `${l.what} ${l.href}`);
      assert.ok(links.includes(`reset-password ${ORIGIN}/mypage/password/forget/`), `links: ${links}`);
      assert.ok(links.some((l) => l.endsWith(`${ORIGIN}/mypage/id/forget/`)), `links: ${links}`);
      assert.deepEqual(report.decided.pageCodes, []);

      // Neither the ID, nor the password, nor a run of four of either: in
      // the report, nor anywhere in the popup.
      for (const run of [ID, PASSWORD, ...runsOfFour(ID), ...runsOfFour(PASSWORD)]) {
        assert.ok(!r.data.includes(run), `the report holds "${run}"`);
        assert.ok(!r.popup.includes(run), `the popup holds "${run}"`);
      }

      await d().click('#report-after button[data-plh-action="copy-report"]');
      const said = await d().waitFor(() => document.querySelector('#report-said').textContent, { timeout: 3000 });
      assert.match(said, /コピーしました/, `said: ${said}`);
      if (ctx.browser === 'chromium') {
        // The clipboard holds the report as shown: a person's Ctrl+V into a box.
        await d().evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'pasted' })));
        await d().click('#pasted');
        await d().page.keyboard.press('Control+V');
        const copied = await d().waitFor(() => document.querySelector('#pasted').value, { timeout: 3000 });
        assert.equal(copied, r.data);
      }
      await d().closeTab();

      // Sent nowhere: no request reached the sites' server, nor (Chromium's
      // log of every request) any other address, since it was asked for.
      assert.deepEqual(requestLog, [], 'no request to the sites');
      if (ctx.browser === 'chromium') {
        const out = d().requests.slice(seen).filter((url) => !/^(chrome-extension|data|blob):/.test(url));
        assert.deepEqual(out, [], 'no request at all');
      }
      await record('mypage-not-digits', r.data);
    });

    test('a page without a login: asking for the report starts the engine, which reports no login', async () => {
      await d().goto(`${ORIGIN}/job.html`);
      await ready();
      const engineBefore = await d().evaluate(() => document.querySelector('[data-plh-page]').getAttribute('data-plh-engine'));
      assert.equal(engineBefore, null, 'only the loader runs on a page without a login');
      const r = await askForReport();
      await d().closeTab();
      const report = JSON.parse(r.data);
      assert.equal(report.decided.site, 'pasona-career');
      assert.deepEqual(report.decided.logins, []);
      assert.equal(report.page.url, `${ORIGIN}/job.html`);
      const engineAfter = await d().evaluate(() => document.querySelector('[data-plh-page]').getAttribute('data-plh-engine'));
      assert.ok(engineAfter, 'the engine answered');
      await record('job-no-login', r.data);
    });
  });
}
