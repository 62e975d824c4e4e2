// What each fixture page is, and what the extension must find on it
// (tests/golden/pages.json, read by the Rust golden tests too). `id`: the ID
// input's selector (null on the password step of a two-step login);
// `reset`: the page's own reset link, or null where the page has none the
// extension could honestly offer.
import { readFileSync } from 'node:fs';

export const ORIGIN = 'https://www.pasonacareer.jp';

export const PAGES = JSON.parse(readFileSync(new URL('../golden/pages.json', import.meta.url), 'utf8'));
