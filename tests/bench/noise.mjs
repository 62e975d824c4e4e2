// The noise benchmark (issues 11 and 18): a corpus of valid and invalid IDs,
// e-mail addresses and passwords typed key by key, with real key events, into
// their fields of /two-logins.html, in any browser the e2e harness drives
// (harness/driver.md: `goto`, `type`, `press`, `clear`, `compose`, `evaluate`,
// `waitFor`). Some values are typed slowly (`pauses`: the typist stops for
// 1.5–3 s inside the value, as someone reading an ID off a letter does) or
// through an input method that commits the value in pieces (`ime`). After
// EVERY keystroke and every commit every field host is read: a code that is
// not instant, visible while typing, is noise (reward early, punish late; no
// pause and no commit completes a value). Then the field is left (Tab) and,
// at rest, a valid value must show nothing and an invalid one its expected
// code; every warning shown must sit between its field and its form's submit
// button in document order.
import { readFileSync } from 'node:fs';

const ORIGIN = 'https://www.pasonacareer.jp';
export const NOISE_PAGE = '/two-logins.html';
export const CORPUS_FILE = new URL('./noise-corpus.json', import.meta.url);

/** The fields of /two-logins.html, by the hosts' `data-plh-kind` and `data-plh-field`. */
export const FIELDS = {
  'member-service': { id: '#m-mail', password: '#m-pass' },
  'my-page': { id: '#mp-id', password: '#mp-pw' },
};

/** docs/contract.md: the codes shown as typed. Every other field code waits. */
export const INSTANT = ['fullwidth', 'invisible', 'caps-lock', 'ime'];

/** A pause longer than this between two keystrokes is counted (the harness's or the corpus's own). */
const PAUSE_MS = 1000;
/** A valid value at rest: how long to wait after leaving the field before reading. */
const REST_MS = 400;
/** An invalid value at rest: how long its expected code may take to show. */
const CATCH_MS = 3000;

export function loadCorpus({ short = false } = {}) {
  const { values } = JSON.parse(readFileSync(CORPUS_FILE, 'utf8'));
  return short ? values.filter((v) => v.short) : values;
}

/** Page-side: notes the time of every input event on a field (capture, before any other listener). */
function installInputClock() {
  window.__plhNoise = { inputs: [] };
  window.addEventListener(
    'input',
    (e) => {
      if (e.target instanceof HTMLInputElement) window.__plhNoise.inputs.push({ id: e.target.id, t: performance.now(), trusted: e.isTrusted });
    },
    true,
  );
  return true;
}

/**
 * Page-side, after a task turn (every answer to the keystroke drawn): the
 * codes in every field host, whether each host showing a warning sits after
 * its field and before its form's submit button, the length of the typed
 * value, and the time since the field's input before the last one.
 */
async function readHosts(fields, fieldSel) {
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
  const FOLLOWING = Node.DOCUMENT_POSITION_FOLLOWING;
  const hosts = [...document.querySelectorAll('[data-plh-field-host]')].map((host) => {
    const kind = host.getAttribute('data-plh-kind');
    const field = host.getAttribute('data-plh-field');
    const codes = [...(host.shadowRoot?.querySelectorAll('[data-plh-warning]') ?? [])].map((n) => n.getAttribute('data-plh-warning'));
    let placed = null;
    if (codes.length) {
      const input = document.querySelector(fields[kind]?.[field] ?? ':not(*)');
      const form = input?.form;
      const submit = form?.querySelector('button:not([type="button"]):not([type="reset"]), input[type="submit"], input[type="image"]');
      placed = !!(input && form && submit && form.contains(host) && input.compareDocumentPosition(host) & FOLLOWING && host.compareDocumentPosition(submit) & FOLLOWING);
    }
    return { kind, field, codes, placed };
  });
  const el = document.querySelector(fieldSel);
  const mine = window.__plhNoise.inputs.filter((i) => i.id === el.id);
  const last = mine.at(-1);
  const prev = mine.at(-2);
  return {
    hosts,
    length: el.value.length,
    value: el.value,
    inputs: mine.length,
    untrusted: mine.filter((i) => !i.trusted).length,
    gapMs: last && prev ? last.t - prev.t : 0,
    sinceLastMs: last ? performance.now() - last.t : 0,
  };
}

/** Page-side: no field host shows a warning. */
const noWarning = () => ![...document.querySelectorAll('[data-plh-field-host]')].some((h) => h.shadowRoot?.querySelector('[data-plh-warning]'));

/** What the box keeps of a value: the browser cuts at `maxlength` (UTF-16 units). */
const kept = (value, maxLength) => (maxLength > 0 ? value.slice(0, maxLength) : value);

/**
 * Types `corpus` into /two-logins.html with `driver`; returns the counts and
 * every miss, by value (the values are the corpus's, never a user's).
 */
export async function runNoise(driver, corpus, { log = () => {} } = {}) {
  const out = {
    browser: driver.name,
    values: corpus.length,
    valid: corpus.filter((v) => !v.expect).length,
    invalid: corpus.filter((v) => v.expect).length,
    keystrokes: 0,
    /** Keystrokes after which a non-instant code was visible (target 0). */
    noisyKeystrokes: 0,
    /** Keystrokes on a valid value after which any code was visible. */
    noisyValidKeystrokes: 0,
    /** Keystrokes typed more than a second after the one before (the corpus's slow typing, or the harness): noise there counts too. */
    pauses: 0,
    /** Input-method commits of part of a value, each read like a keystroke. */
    commits: 0,
    maxGapMs: 0,
    /** Valid values with any warning at rest (target 0). */
    validWarned: 0,
    /** Invalid values whose expected code shows at rest (target: all). */
    invalidCaught: 0,
    /** Warnings shown (after a keystroke or at rest) and how many sat between their field and the submit button. */
    shownChecked: 0,
    shownPlaced: 0,
    /** Warnings left after the field was cleared. */
    leftAfterClear: 0,
    mistyped: 0,
    /** The control: the same reading sees a non-instant code once the field is left mid-value. */
    controlSeen: null,
    misses: [],
    seconds: 0,
  };
  const started = Date.now();
  await driver.goto(`${ORIGIN}${NOISE_PAGE}?noise=${Date.now().toString(36)}`);
  await driver.waitFor(
    () => {
      const m = document.querySelector('[data-plh-page]');
      return m?.getAttribute('data-plh-state') === 'ready' && m.getAttribute('data-plh-kinds').split(' ').length === 2;
    },
    { timeout: 15000 },
  );
  await driver.evaluate(installInputClock);
  const maxLengths = await driver.evaluate((fields) => {
    const o = {};
    for (const [kind, f] of Object.entries(fields)) for (const [field, sel] of Object.entries(f)) o[`${kind}/${field}`] = document.querySelector(sel).maxLength;
    return o;
  }, FIELDS);

  const miss = (entry, what, detail) => out.misses.push({ login: entry.login, field: entry.field, value: entry.value, expect: entry.expect ?? null, what, detail });
  const countPlacement = (r, entry) => {
    for (const h of r.hosts) {
      if (!h.codes.length) continue;
      out.shownChecked += 1;
      if (h.placed) out.shownPlaced += 1;
      else miss(entry, 'placement', `${h.kind}/${h.field}: ${h.codes.join(' ')}`);
    }
  };

  for (const [n, entry] of corpus.entries()) {
    const sel = FIELDS[entry.login][entry.field];
    await driver.clear(sel);
    try {
      await driver.waitFor(noWarning, { timeout: 3000 });
    } catch {
      out.leftAfterClear += 1;
      miss(entry, 'left after clear', '');
    }
    /** Reads every host after one step of typing; counts noise. */
    const read = async (step, total) => {
      const r = await driver.evaluate(readHosts, FIELDS, sel);
      const gap = step === 0 ? 0 : r.gapMs;
      out.maxGapMs = Math.max(out.maxGapMs, gap);
      if (gap >= PAUSE_MS || r.sinceLastMs >= PAUSE_MS) out.pauses += 1;
      const late = r.hosts.flatMap((h) => h.codes.filter((c) => !INSTANT.includes(c)).map((c) => `${h.kind}/${h.field}:${c}`));
      if (late.length) {
        out.noisyKeystrokes += 1;
        typedNoise += 1;
        if (typedNoise === 1) miss(entry, 'non-instant code while typing', `after step ${step + 1} of ${total}: ${late.join(' ')}`);
      }
      if (!entry.expect && r.hosts.some((h) => h.codes.length)) out.noisyValidKeystrokes += 1;
      countPlacement(r, entry);
    };
    let typedNoise = 0;
    if (entry.ime) {
      // An input method committing the value in pieces: each commit is typing.
      await driver.evaluate((s) => document.querySelector(s).focus(), sel);
      for (const [k, piece] of entry.ime.entries()) {
        await driver.compose([...piece].map((_, i) => piece.slice(0, i + 1)));
        out.commits += 1;
        out.keystrokes += 1;
        await read(k, entry.ime.length);
        const wait = entry.pauses?.find(([at]) => at === k + 1)?.[1];
        if (wait) await new Promise((r) => setTimeout(r, wait));
      }
    } else {
      const keys = [...entry.value];
      for (const [k, key] of keys.entries()) {
        await driver.type(sel, key);
        out.keystrokes += 1;
        await read(k, keys.length);
        // The typist stops inside the value: still typing, not done.
        const wait = entry.pauses?.find(([at]) => at === k + 1)?.[1];
        if (wait) {
          await new Promise((r) => setTimeout(r, wait));
          out.keystrokes += 1;
          await read(k + 1, keys.length);
        }
      }
    }
    // Leave the field: the value is complete.
    await driver.press(sel, 'Tab');
    const want = kept(entry.value, maxLengths[`${entry.login}/${entry.field}`]);
    if (entry.expect) {
      try {
        await driver.waitFor(
          (host, code) => !!document.querySelector(host)?.shadowRoot?.querySelector(`[data-plh-warning="${code}"]`),
          { timeout: CATCH_MS },
          `[data-plh-field-host][data-plh-kind="${entry.login}"][data-plh-field="${entry.field}"]`,
          entry.expect,
        );
      } catch {
        // Not caught: the read below says what shows instead.
      }
    } else {
      await new Promise((r) => setTimeout(r, REST_MS));
    }
    const rest = await driver.evaluate(readHosts, FIELDS, sel);
    if (rest.value !== want) {
      out.mistyped += 1;
      miss(entry, 'mistyped by the harness', `the field holds ${JSON.stringify(rest.value)}`);
    }
    const mine = rest.hosts.find((h) => h.kind === entry.login && h.field === entry.field);
    const shown = rest.hosts.flatMap((h) => h.codes.map((c) => `${h.kind}/${h.field}:${c}`));
    if (entry.expect) {
      if (mine?.codes.includes(entry.expect)) out.invalidCaught += 1;
      else miss(entry, 'not caught at rest', shown.join(' ') || 'nothing shown');
    } else if (shown.length) {
      out.validWarned += 1;
      miss(entry, 'warning at rest on a valid value', shown.join(' '));
    }
    countPlacement(rest, entry);
    await driver.clear(sel);
    if ((n + 1) % 20 === 0) log(`  noise (${driver.name}): ${n + 1}/${corpus.length} values`);
  }
  // Control: the same reading sees a non-instant code when there is one to
  // see (the field left mid-value: the value is complete).
  await driver.clear(FIELDS['my-page'].id);
  await driver.type(FIELDS['my-page'].id, '12345');
  await driver.evaluate((s) => document.querySelector(s).blur(), FIELDS['my-page'].id);
  await new Promise((r) => setTimeout(r, REST_MS));
  const control = await driver.evaluate(readHosts, FIELDS, FIELDS['my-page'].id);
  out.controlSeen = control.hosts.some((h) => h.codes.some((c) => !INSTANT.includes(c)));
  await driver.clear(FIELDS['my-page'].id);
  out.seconds = (Date.now() - started) / 1000;
  return out;
}
