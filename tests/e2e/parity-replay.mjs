// How tests/e2e/wasm-parity.test.mjs replays the native cases, and compares:
// plain functions with no import, run by node (the test's meta-tests) and,
// copied as they are into the extension under test, by the browser.
//
// Why two replays: a core that kept something between requests would still
// give the native answers when the requests come in the native order to one
// instance (the history would be the same). Each request again on a fresh
// instance, in a shuffled order, has no history: every answer must then
// depend on its request alone.

/**
 * A seeded pseudo-random source (mulberry32): the same seed, the same order.
 * @param {number} seed
 */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The indices 0…n-1 in a seeded shuffled order (Fisher–Yates).
 * @param {number} n
 * @param {number} seed
 */
export function shuffled(n, seed) {
  const next = random(seed);
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * The answers to `requests` (in their own order), asked in `order`: on one
 * core started once, or with `fresh` on a core started for each request.
 * @param {() => Promise<{ call(request: object): unknown }>} start
 * @param {object[]} requests
 * @param {{ order?: number[], fresh?: boolean }} how
 */
export async function replay(start, requests, { order = [...requests.keys()], fresh = false } = {}) {
  const answers = new Array(requests.length);
  let core = fresh ? null : await start();
  for (const i of order) {
    if (fresh) core = await start();
    answers[i] = await /** @type {{ call(request: object): unknown }} */ (core).call(requests[i]);
  }
  return answers;
}

/** Deep equality of JSON values (key order aside). */
export function same(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

/**
 * Every case whose answer is not the native one, as `case i: request…`.
 * @param {{ request: object, response: unknown }[]} cases
 * @param {unknown[]} answers
 */
export function mismatches(cases, answers) {
  const out = [];
  if (answers.length !== cases.length) out.push(`${answers.length} answers to ${cases.length} cases`);
  cases.forEach((c, i) => {
    if (!same(answers[i], c.response)) out.push(`case ${i}: ${JSON.stringify(c.request).slice(0, 160)}`);
  });
  return out;
}

/**
 * Requests asked more than once whose answers differ: natively, where one
 * process answered every case in order, a difference is state kept between
 * requests.
 * @param {{ request: object, response: unknown }[]} cases
 */
export function unstable(cases) {
  const first = new Map();
  const out = [];
  cases.forEach((c, i) => {
    const key = JSON.stringify(c.request);
    if (!first.has(key)) first.set(key, i);
    else if (!same(cases[first.get(key)].response, c.response)) out.push(`cases ${first.get(key)} and ${i}: ${key.slice(0, 160)}`);
  });
  return out;
}
