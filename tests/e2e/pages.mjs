// What each fixture page is, and what the extension must find on it.
// `id`: the ID input's selector; `reset`: the page's own reset link, or null
// where the page has none the extension could honestly offer.

export const ORIGIN = 'https://www.pasonacareer.jp';

export const PAGES = [
  {
    path: '/member-modern.html',
    shape: 'modern labels, SNS buttons, member service',
    kinds: ['member-service'],
    forms: [{ kind: 'member-service', id: '#login-mail', reset: `${ORIGIN}/member/password/reminder/` }],
  },
  {
    path: '/mypage-table.html',
    shape: 'table layout, labels in <th>',
    kinds: ['my-page'],
    forms: [{ kind: 'my-page', id: 'input[name="loginId"]', reset: `${ORIGIN}/mypage/password/forget/`, forgotIdLink: `${ORIGIN}/mypage/id/forget/` }],
  },
  {
    path: '/placeholder-only.html',
    shape: 'placeholders only, no <form> element',
    kinds: ['my-page'],
    forms: [{ kind: 'my-page', id: '#mpid', reset: `${ORIGIN}/mypage/reissue/` }],
  },
  {
    path: '/two-logins.html',
    shape: 'both logins on one page',
    kinds: ['member-service', 'my-page'],
    forms: [
      { kind: 'member-service', id: '#m-mail', reset: `${ORIGIN}/member/reminder/` },
      { kind: 'my-page', id: '#mp-id', reset: `${ORIGIN}/mypage/reminder/` },
    ],
  },
  {
    path: '/late-form.html',
    shape: 'form inserted 1 s after load',
    kinds: ['member-service'],
    late: true,
    forms: [{ kind: 'member-service', id: '#late-mail', reset: `${ORIGIN}/member/password/` }],
  },
  {
    path: '/help-text.html',
    shape: 'bare "ID" label, help text only, <dl> layout, 「こちら」 link',
    kinds: ['my-page'],
    forms: [{ kind: 'my-page', id: '#uid', reset: `${ORIGIN}/support/login/` }],
  },
  { path: '/job.html', shape: 'job page with a search form', kinds: [], forms: [], engineless: true },
  { path: '/signup.html', shape: 'sign-up form with new-password fields', kinds: [], forms: [] },
  { path: '/bot-challenge.html', shape: 'bot challenge page', kinds: [], forms: [], engineless: true },
  {
    path: '/csp/mypage-table.html',
    shape: "strict CSP: script-src 'self' without 'wasm-unsafe-eval'",
    kinds: ['my-page'],
    strictCsp: true,
    forms: [{ kind: 'my-page', id: 'input[name="loginId"]', reset: `${ORIGIN}/mypage/password/forget/` }],
  },
  {
    path: '/csp/two-logins.html',
    shape: 'strict CSP, both logins',
    kinds: ['member-service', 'my-page'],
    strictCsp: true,
    forms: [
      { kind: 'member-service', id: '#m-mail', reset: `${ORIGIN}/member/reminder/` },
      { kind: 'my-page', id: '#mp-id', reset: `${ORIGIN}/mypage/reminder/` },
    ],
  },
];
