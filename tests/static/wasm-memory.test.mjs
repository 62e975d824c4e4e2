// The built wasm's memory stays flat over a long session: 100,000 requests
// (page sessions of scans, keystrokes, blurs, submits and the next page,
// plus the popup and the options page), instantiated in Node from
// dist/core/ (the wasm and the glue the extension bundles) as the extension does. After a warm-up, neither the
// linear memory nor wasm-bindgen's table of JavaScript references may grow:
// a leak, or an allocator that does not reuse what was freed, would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WASM_DIR = fileURLToPath(new URL('../../dist/core/', import.meta.url));
const REQUESTS = Number(process.env.PLH_MEMORY_REQUESTS || 100_000);
const WARM_UP = 10_000;
const NOW_MS = 1_766_793_600_000; // 2025-12-27

const field = (type, label, extra = {}) => ({ tag: 'input', type, label, ...extra });
const loginPage = (id, text, errors = []) => ({
  url: 'https://www.pasonacareer.jp/login/',
  title: 'ログイン',
  forms: [{
    fields: [id, field('password', 'パスワード')],
    buttons: ['ログインする'],
    text,
    errors,
    links: [{ text: 'パスワードを忘れた方', href: 'https://www.pasonacareer.jp/reset/' }],
  }],
});
const PAGES = [
  loginPage(field('text', 'マイページID', { maxlength: 7 }), 'マイページにログイン'),
  loginPage(field('email', 'メールアドレス'), ''),
  loginPage(field('text', 'ID'), 'マイページにログイン', ['IDまたはパスワードが正しくありません']),
  { ...loginPage(field('email', 'メールアドレス'), ''), url: 'https://www.pasona.co.jp/login' },
];
const IDS = ['1234567', '１２３４５６７', 'l234567', 'taro@gmail.con', 'tаro＠example.com ', 'hanako+job@docomo.ne.jp'];
const PASSWORDS = ['Passw0rd', 'ｓｅｃｒｅｔ', 'sec\u200Bret '];
const AGENTS = [
  undefined,
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
];

/** Applies the core's storage effects, as the background does. */
function apply(stored, effects) {
  for (const e of effects ?? []) {
    stored[e.area] ??= {};
    Object.assign(stored[e.area], e.set ?? {});
    for (const key of e.remove ?? []) delete stored[e.area][key];
  }
}

test('memory stays flat over a long session', { timeout: 10 * 60 * 1000 }, async (t) => {
  if (!existsSync(`${WASM_DIR}plh_bg.wasm`)) {
    t.skip('build first: dist/core/ is missing');
    return;
  }
  const { createGlue } = await import(`${WASM_DIR}plh.js`);
  const { initSync, handle } = createGlue();
  const wasm = initSync({ module: readFileSync(`${WASM_DIR}plh_bg.wasm`) });
  const size = () => ({ memory: wasm.memory.buffer.byteLength, refs: wasm.__wbindgen_externrefs.length });

  let sent = 0;
  let errors = 0;
  let refused = 0;
  const stored = { sync: {}, local: {} };
  const ask = (request) => {
    sent += 1;
    const answer = handle(request);
    if (!answer.ok) errors += 1;
    return answer.ok;
  };

  let warm = null;
  const checkpoints = [];
  for (let session = 0; sent < REQUESTS; session += 1) {
    const page = PAGES[session % PAGES.length];
    const userAgent = AGENTS[session % AGENTS.length];
    const env = { nowMs: NOW_MS + session * 60_000, ...(userAgent && { browser: { userAgent } }) };
    let state = null;
    const send = (event) => {
      const answer = ask({ op: 'page', event, state, stored, env });
      state = answer?.state ?? null;
      apply(stored, answer?.effects);
      return answer;
    };
    send({ type: 'scan', page });
    const id = IDS[session % IDS.length];
    const password = PASSWORDS[session % PASSWORDS.length];
    const values = { login: 0 };
    for (const [name, text] of [['id', id], ['password', password]]) {
      let value = '';
      for (const c of text) {
        value += c;
        values[name] = value;
        send({ type: 'field', login: 0, field: name, event: 'input', inputType: 'insertText', inserted: 1, values: [{ ...values }] });
      }
      send({ type: 'field', login: 0, field: name, event: 'blur', values: [{ ...values }] });
    }
    send({ type: 'status', values: [{ ...values }] });
    send({ type: 'submit', login: 0, values: [{ ...values }] });
    send({ type: 'scan', page: { title: 'トップ', forms: [] }, values: [] });
    ask({ op: 'popup', tab: { type: 'page' }, stored, env });
    ask({ op: 'options', event: { type: 'load' }, stored, env });
    if (session % 50 === 0) {
      ask({ op: 'options', event: { type: 'toggle', setting: 'typing', on: session % 100 === 0 }, stored, env });
      ask({ op: 'popup', press: { forget: {} }, stored, env });
      refused += 1;
      ask({ op: 'detect', page: PAGES[0] }); // an error answer, freed as well
    }
    if (warm === null && sent >= WARM_UP) warm = { sent, ...size() };
    if (warm !== null && checkpoints.length * 10_000 + WARM_UP <= sent) checkpoints.push({ sent, ...size() });
  }
  const end = { sent, ...size() };
  t.diagnostic(`after ${warm.sent} requests: ${JSON.stringify(warm)}; at the end: ${JSON.stringify(end)}`);
  t.diagnostic(`checkpoints: ${checkpoints.map((c) => `${c.sent}:${c.memory}/${c.refs}`).join(' ')}`);
  assert.equal(errors, refused, 'only the malformed requests are refused');
  assert.equal(end.memory, warm.memory, 'the linear memory grew after the warm-up');
  assert.equal(end.refs, warm.refs, 'the table of JavaScript references grew after the warm-up');
});
