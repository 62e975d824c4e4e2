// Architecture invariants that a reading of the sources can check
// (ARCHITECTURE.md, "Architecture invariants"). Each guard is a function run
// on the real sources and, in a meta-test, on synthetic sources made to break
// it: a guard that stops catching what it claims fails its meta-test.
//
// 1. The crate's modules form layers (`module graph`, `layering`).
//    Every reference to a module of the crate in the code the crate builds
//    outside the tests — `use crate::a::…`, `use crate::{a, b::c}` (nested
//    groups too), `crate::a::f()` and `$crate::a` anywhere in an expression,
//    `super::…` chains that leave a folder (`super::super::a`, or `super::a`
//    from a top-level file) — is an edge between top-level modules (`session`,
//    `checks`, `email`, …; a module's own submodules are itself), and so is
//    a string that is a whole path (`#[serde(with = "crate::a::b")]`).
//    Comments, other strings, `#[cfg(test)]` items and modules declared only
//    for tests do not count. The graph has no cycle (any length; each is printed), and the
//    code map of ARCHITECTURE.md (`### src/ (the crate)`) is its layering:
//    rows from the top, a module uses only modules of rows below its own
//    (modules sharing a row are peers and use neither each other), and the
//    map lists every module of `src/lib.rs` once.
//    Not followed (the search fails on them rather than miss an edge): a glob
//    import of the crate root and `crate` renamed (`use crate as c`).
//
// 2. The scripts decide nothing (`scripts`). No script under extension/
//    names the core's vocabulary, read from the core's own non-test sources
//    and locales: warning codes, login kinds, levels (`error`, `warning`,
//    `info`), field keys (`id`, `password`, `page`), settings, storage keys,
//    message keys (but the manifest's own `ext_*`), and the marker attributes
//    the core puts in its views (`data-plh-*`). What counts:
//    - a string literal, or a template literal without substitutions, equal
//      to a word of the vocabulary;
//    - a marker the core names anywhere inside any literal (a selector such
//      as `"[data-plh-form]"` names it too);
//    - a piece of a word joined at run time: a template's text just before a
//      `${` that is the start of a word up to a `_` or `-` (`` `w_${x}` ``,
//      `` `data-plh-${x}` ``), or just after one that is the end of a word
//      from a `_` or `-` (`` `${x}_title` ``), and the same at either end of
//      a quoted string (`"w_" + x`).
//    Property names and identifiers are not literals: the request's own
//    shape (`{op, event, values: {login, id, password}}`) is spelled that
//    way. Literals in comments do not count. The same word is sometimes the
//    DOM's or the request's and not the core's (`"password"` as an input's
//    `type`, `"page"` as the request's `op`): each such use is an entry of
//    ALLOWED, per file, per word and per line (a pattern the literal's line
//    must match), with why — one occurrence elsewhere in the same file still
//    fails, and an entry that allows nothing fails too (stale).
//
// 3. ARCHITECTURE.md's invariants name guards that exist: every file, and
//    every test title quoted (whole, or its start before a `…`) in one of
//    the files its bullet names.
//
// (The locales are checked in locales.test.mjs; the core holding no state
// between requests, in tests/e2e/wasm-parity.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, lexRust, lexScript, rustNonTest, sourcesOf } from './sources.mjs';

// ------------------------------------------------------------ 1. modules

/** `src/a/b.rs` → `['a', 'b']`; `src/a/mod.rs` → `['a']`; `src/lib.rs` → `[]`. */
const modulePath = (file) =>
  file
    .replace(/^src\//, '')
    .replace(/\.rs$/, '')
    .replace(/(^|\/)(mod|lib)$/, '')
    .split('/')
    .filter(Boolean);

/** The items of a `{…}` group starting at `code[at]`, split at its top-level commas. */
function groupItems(code, at) {
  const items = [];
  let depth = 0;
  let item = '';
  for (let j = at; j < code.length; j++) {
    const c = code[j];
    if (c === '{' && ++depth === 1) continue;
    if (c === '}' && --depth === 0) return [...items, item];
    if (c === ',' && depth === 1) {
      items.push(item);
      item = '';
    } else item += c;
  }
  throw new Error(`an unclosed group at ${at}`);
}

/** Inline `mod name { … }` blocks of non-test code, to resolve `super` inside them. */
function inlineModules(code) {
  const out = [];
  for (const m of code.matchAll(/\bmod\s+(\w+)\s*\{/g)) {
    let depth = 0;
    let j = m.index + m[0].length - 1;
    for (; j < code.length; j++) if (code[j] === '{') depth++;
    else if (code[j] === '}' && --depth === 0) break;
    out.push({ name: m[1], start: m.index, end: j });
  }
  return out;
}

/**
 * The crate's module graph: top-level module → Map(used module → where).
 * `sources` maps paths (`src/…rs`) to their text; the crate root is `src/lib.rs`.
 * @param {Record<string, string>} sources
 */
export function moduleGraph(sources) {
  const lexed = Object.fromEntries(Object.entries(sources).map(([f, s]) => [f, rustNonTest(s)]));
  const root = lexed['src/lib.rs'];
  assert.ok(root, 'no src/lib.rs');
  const modules = [...root.code.matchAll(/\bmod\s+(\w+)\s*;/g)].map((m) => m[1]);
  // A file counts if the module above it declares it outside the tests.
  const declared = (path) => {
    if (path.length === 0) return true;
    const parent = path.slice(0, -1);
    const file = parent.length === 0 ? 'src/lib.rs' : [`src/${parent.join('/')}/mod.rs`, `src/${parent.join('/')}.rs`].find((f) => f in lexed);
    return !!file && new RegExp(`\\bmod\\s+${path.at(-1)}\\s*;`).test(lexed[file].code) && declared(parent);
  };
  const graph = new Map(modules.map((m) => [m, new Map()]));
  for (const [file, nonTest] of Object.entries(lexed)) {
    // A string that is a whole path names a module too (`#[serde(with = "crate::a::b")]`).
    let code = nonTest.code;
    for (const s of nonTest.strings) {
      if (/^(?:\$?crate|super)(?:::\w+)+$/.test(s.value) && code.slice(s.at + 1, s.at + 1 + s.value.length).trim() === '') {
        code = code.slice(0, s.at + 1) + s.value + code.slice(s.at + 1 + s.value.length);
      }
    }
    const path = modulePath(file);
    if (path.length === 0 || !declared(path)) continue;
    const from = path[0];
    const where = (at) => `${file}:${code.slice(0, at).split('\n').length}`;
    const problem = /\buse\s+(?:crate|super)\s*::\s*\*|\buse\s+(?:crate|super)\s+as\b|\bcrate\s+as\b/.exec(code);
    if (problem) throw new Error(`${where(problem.index)}: \`${problem[0]}\` hides which modules are used: name them`);
    const inline = inlineModules(code);
    for (const m of code.matchAll(/(?<![\w$])(\$?crate|super)((?:\s*::\s*super)*)\s*::\s*/g)) {
      const supers = (m[1] === 'super' ? 1 : 0) + (m[2].match(/super/g) ?? []).length;
      const here = [...path, ...inline.filter((i) => i.start < m.index && m.index < i.end).map((i) => i.name)];
      const base = m[1].endsWith('crate') ? [] : here.slice(0, here.length - supers);
      if (supers > here.length) throw new Error(`${where(m.index)}: a super above the crate root`);
      const rest = m.index + m[0].length;
      // At the crate root, the next name (or each of a group's) is the module.
      const firsts = base.length
        ? [base[0]]
        : code[rest] === '{'
          ? groupItems(code, rest).map((item) => item.trim().split(/\s*::\s*|\s+/)[0])
          : [/^\w+/.exec(code.slice(rest))?.[0]];
      for (const to of firsts) {
        if (!to || to === 'self' || to === from) continue;
        if (!graph.has(to)) throw new Error(`${where(m.index)}: ${to} is no module of the crate`);
        const edges = graph.get(from);
        if (!edges.has(to)) edges.set(to, where(m.index));
      }
    }
  }
  return graph;
}

/**
 * Every cycle of the graph, one per strongly connected component of two or
 * more modules, each as `a -> b -> … -> a` starting at its first name.
 * @param {Map<string, Map<string, string>>} graph
 */
export function cycles(graph) {
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const components = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(new Set(component));
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  // One concrete cycle through each component: the shortest path back to its first module.
  return components.map((component) => {
    const start = [...component].sort()[0];
    const back = new Map([[start, null]]);
    const queue = [start];
    while (queue.length) {
      const v = queue.shift();
      for (const w of [...(graph.get(v)?.keys() ?? [])].sort()) {
        if (!component.has(w)) continue;
        if (w === start) {
          const path = [v];
          while (back.get(path[0]) !== null) path.unshift(back.get(path[0]));
          return [...path, start].map((m, i, all) => (i === all.length - 1 ? m : `${m} (${graph.get(m).get(all[i + 1])})`)).join(' -> ');
        }
        if (!back.has(w)) {
          back.set(w, v);
          queue.push(w);
        }
      }
    }
    throw new Error('a component without a cycle');
  });
}

/** The rows of the code map's table (`### \`src/\` (the crate)`), from the top: the module names of each. */
export function layers(markdown) {
  const section = /^### `src\/` \(the crate\)\n([\s\S]*?)(?=^##)/m.exec(markdown);
  assert.ok(section, 'ARCHITECTURE.md has no "### `src/` (the crate)" section');
  const rows = section[1].split('\n').filter((l) => l.startsWith('|') && !/^\|\s*(module|-+)\s*\|/.test(l));
  return rows.map((row) => [...row.split('|')[1].matchAll(/`(\w+)`/g)].map((m) => m[1]));
}

/**
 * What breaks the layering: a module the table lists twice or not at all,
 * a name that is no module, a module using one listed above it or beside it.
 */
export function layerViolations(graph, rows) {
  const out = [];
  const row = new Map();
  rows.forEach((names, i) => {
    for (const name of names) {
      if (row.has(name)) out.push(`${name} is listed twice`);
      if (!graph.has(name)) out.push(`${name} is listed but no module of the crate`);
      row.set(name, i);
    }
  });
  for (const module of graph.keys()) if (!row.has(module)) out.push(`${module} is not listed`);
  for (const [from, edges] of graph) {
    for (const [to, where] of edges) {
      if (!row.has(from) || !row.has(to) || row.get(to) > row.get(from)) continue;
      const how = row.get(to) === row.get(from) ? 'listed in its own row' : 'listed above it';
      out.push(`${from} uses ${to}, ${how} (${where})`);
    }
  }
  return out;
}

const crate = () => sourcesOf('src', '.rs');
const architecture = () => readFile(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

test('no module cycle in the crate (of any length)', async () => {
  const graph = moduleGraph(await crate());
  assert.ok(graph.size >= 20, `the modules of src/lib.rs (${graph.size})`);
  assert.ok([...graph.values()].reduce((n, e) => n + e.size, 0) >= 50, 'the edges were found');
  assert.deepEqual(cycles(graph), []);
});

test('ARCHITECTURE.md lists the modules as layers: each uses only those below it', async () => {
  const graph = moduleGraph(await crate());
  const rows = layers(await architecture());
  assert.deepEqual(layerViolations(graph, rows), []);
});

// ------------------------------------------------------------ 2. scripts

/** Match arms `Type::Variant => "key"` of the non-test text. */
const arms = (text, type) => [...text.matchAll(new RegExp(`\\b${type}::\\w+ => "([^"]+)"`, 'g'))].map((m) => m[1]);
/** `pub const ALL: [Type; N]`: how many the type has. */
const declaredCount = (text, type) => Number(new RegExp(`pub const ALL: \\[${type}; (\\d+)\\]`).exec(text)?.[1]);

/**
 * The core's vocabulary, read from its non-test sources and the locales.
 * @param {Record<string, string>} rust `src/…rs` → text
 * @param {Record<string, unknown>} messages a locale's messages.json
 */
export function vocabulary(rust, messages) {
  const text = Object.fromEntries(Object.entries(rust).map(([f, s]) => [f, rustNonTest(s).text]));
  const all = Object.values(text).join('\n');
  const warning = text['src/warning.rs'];
  // `data-plh-field` of a page-level warning: the literal `subject_key` falls back to.
  const subject = /fn subject_key\([^)]*\)[^{]*\{[^}]*?"(\w+)"/.exec(warning)?.[1];
  const vocab = {
    code: arms(warning, 'Code'),
    'login kind': arms(warning, 'LoginKind'),
    level: arms(warning, 'Level'),
    'field key': [...arms(warning, 'Field'), subject].filter(Boolean),
    setting: arms(text['src/settings.rs'], 'Switch'),
    'storage key': [...text['src/stored.rs'].matchAll(/pub const \w+_KEY: &str = "([^"]+)";/g)].map((m) => m[1]),
    // The manifest's own (`ext_name`, …) are the browser's to draw, from manifest.json.
    'message key': Object.keys(messages).filter((k) => !k.startsWith('ext_')),
    marker: [...new Set(Object.values(rust).flatMap((s) => rustNonTest(s).strings.flatMap((l) => l.value.match(/^data-plh-[a-z0-9-]*[a-z0-9]$/) ?? [])))],
  };
  // Read as many as the core declares: a vocabulary read short checks nothing.
  assert.equal(vocab.code.length, declaredCount(warning, 'Code'), 'codes read');
  assert.equal(vocab.setting.length, declaredCount(text['src/settings.rs'], 'Switch'), 'settings read');
  assert.equal(vocab['login kind'].length, 2, 'login kinds read');
  assert.deepEqual([...vocab.level].sort(), ['error', 'info', 'warning'], 'levels read');
  assert.deepEqual([...vocab['field key']].sort(), ['id', 'page', 'password'], 'field keys read');
  assert.ok(vocab['storage key'].length >= 4 && vocab['message key'].length > 100, 'storage and message keys read');
  assert.ok(vocab.marker.length >= 15 && vocab.marker.includes('data-plh-page'), `markers read (${vocab.marker.length})`);
  assert.ok(all.includes('data-plh-level'), 'the non-test sources were read');
  return vocab;
}

/**
 * Every place a script names the vocabulary: `{file, what, word, how, line}`.
 * @param {Record<string, string>} scripts path → text
 * @param {Record<string, string[]>} vocab
 */
export function scriptFindings(scripts, vocab) {
  const words = new Map();
  const prefixes = new Map();
  const suffixes = new Map();
  for (const [what, list] of Object.entries(vocab)) {
    for (const word of list) {
      words.set(word, what);
      for (const m of word.matchAll(/[_-]/g)) {
        if (m.index > 0) prefixes.set(word.slice(0, m.index + 1), what);
        if (m.index < word.length - 1) suffixes.set(word.slice(m.index), what);
      }
    }
  }
  const markers = new Set(vocab.marker);
  const out = [];
  for (const [file, src] of Object.entries(scripts)) {
    for (const lit of lexScript(src)) {
      const found = new Map();
      const add = (word, what, how) => found.has(word) || found.set(word, { what, how });
      const { pieces } = lit;
      if (pieces.length === 1 && words.has(pieces[0])) add(pieces[0], words.get(pieces[0]), 'names');
      for (const piece of pieces) {
        for (const m of piece.matchAll(/data-plh-[a-z0-9-]*[a-z0-9]/g)) if (markers.has(m[0])) add(m[0], 'marker', 'names, inside a literal,');
      }
      // Joined at run time: a template around `${…}`, a quoted string around `+`.
      pieces.forEach((piece, k) => {
        const joinedAfter = lit.kind === 'string' || k < pieces.length - 1;
        const joinedBefore = lit.kind === 'string' || k > 0;
        const end = /[A-Za-z0-9_-]+$/.exec(piece)?.[0];
        const start = /^[A-Za-z0-9_-]+/.exec(piece)?.[0];
        if (joinedAfter && end && prefixes.has(end)) add(`${end}…`, prefixes.get(end), 'builds');
        if (joinedBefore && start && suffixes.has(start)) add(`…${start}`, suffixes.get(start), 'builds');
      });
      for (const [word, { what, how }] of found) out.push({ file, what, word, how, line: lit.line });
    }
  }
  return out;
}

// Where a script must spell a word of the core's: before the core runs, or
// where the word is the DOM's or the request's. Per file, word and line.
const ALLOWED = [
  // The loader runs on every page, before (and on most pages without) the
  // core: it makes the page marker itself, with the contract's attributes,
  // and on a page without a login it alone marks the page ready.
  { file: 'extension/loader.js', word: 'data-plh-page', line: /^for \(const \[k, v\] of \[\["data-plh-page", ""\], \["data-plh-kinds", ""\]/ },
  { file: 'extension/loader.js', word: 'data-plh-kinds', line: /^for \(const \[k, v\] of \[\["data-plh-page", ""\], \["data-plh-kinds", ""\]/ },
  { file: 'extension/loader.js', word: 'data-plh-state', line: /^page\.setAttribute\("data-plh-state", "ready"\);$/ },
  // …and reads the attempt key to learn whether a login attempt waits to be
  // settled (then the engine, and the core, must come).
  { file: 'extension/loader.js', word: 'attempt', line: /chrome\.storage\.local\.get\("attempt"\)/ },
  // An input's `type`, the DOM's word: a password field is the loader's cue
  // and the centre of the reader's login area.
  { file: 'extension/loader.js', word: 'password', line: /^if \(type === "password"\) return true;$/ },
  { file: 'extension/content/read.js', word: 'password', line: /\(i\) => i !== password && .* && i\.type !== "password",$/ },
  // The request's names for a login's two inputs (`event.field`, as
  // `values: {id, password}`): each event a person makes in one is sent
  // under its name. Which input is which is the core's (`idField`,
  // `passwordField` of its answer).
  { file: 'extension/content/fields.js', word: 'id', line: /^for \(const field of \/\*\* @type \{const\} \*\/ \(\["id", "password"\]\)\) \{$/ },
  { file: 'extension/content/fields.js', word: 'password', line: /^for \(const field of \/\*\* @type \{const\} \*\/ \(\["id", "password"\]\)\) \{$/ },
  // `page` is also the request's op (src/protocol.rs), where the core runs
  // (the engine's mode, for the tests) and the tab the popup asks about.
  { file: 'extension/content/page.js', word: 'page', line: /^const request = \{ op: "page", event:/ },
  { file: 'extension/content/page.js', word: 'page', line: /^return \{ mode: "page", call:/ },
  { file: 'extension/pages/popup.js', word: 'page', line: /\? \{ type: "page" \} :/ },
  // The extension's own page marks itself drawn for the tests, also when the
  // core failed to answer (so nothing the core says can carry it).
  { file: 'extension/pages/common.js', word: 'data-plh-state', line: /^export const ready = \(\) => document\.body\.setAttribute\("data-plh-state", "ready"\);$/ },
];

const allows = (entry, f) => entry.file === f.file && entry.word === f.word && entry.line.test(f.line);
const show = (f) => `${f.file}: ${f.how} the ${f.what} "${f.word}" in: ${f.line}`;
/** The findings no entry allows, and the entries that allow nothing. */
export function judgeScripts(findings, allowed) {
  return {
    unexpected: findings.filter((f) => !allowed.some((a) => allows(a, f))).map(show),
    stale: allowed.filter((a) => !findings.some((f) => allows(a, f))).map((a) => `${a.file}: "${a.word}" on a line like ${a.line}`),
  };
}

const messagesOf = async (lang) => JSON.parse(await readFile(join(ROOT, 'extension/_locales', lang, 'messages.json'), 'utf8'));

test('no script names the core vocabulary: codes, kinds, levels, field keys, message keys, settings, storage keys, markers', async () => {
  const vocab = vocabulary(await crate(), await messagesOf('ja'));
  const scripts = await sourcesOf('extension', '.js');
  assert.ok(Object.keys(scripts).length >= 10, 'the scripts were read');
  const { unexpected, stale } = judgeScripts(scriptFindings(scripts, vocab), ALLOWED);
  assert.deepEqual(unexpected, [], 'scripts must take these from the core (or, where one cannot, say why in ALLOWED)');
  assert.deepEqual(stale, [], 'ALLOWED entries that allow nothing any more: remove them');
});

// ------------------------------------------------------------ 3. the list names real guards

/**
 * What ARCHITECTURE.md's invariants name and is not there: a file, or a
 * test ("title", or "start of a title…") in none of the files its bullet names.
 */
export async function unnamedGuards(markdown, exists, testTitles) {
  const section = /^## Architecture invariants\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown);
  assert.ok(section, 'ARCHITECTURE.md has no "## Architecture invariants"');
  const out = [];
  const bullets = section[1].split(/^- /m).slice(1);
  assert.ok(bullets.length >= 10, 'the invariants were read');
  for (const bullet of bullets) {
    const paths = [...bullet.matchAll(/`((?:tests|src|fuzz)\/[\w./-]+)`/g)].map((m) => m[1]);
    const titles = [];
    for (const path of paths) {
      if (!(await exists(path))) out.push(`${path} does not exist`);
      else if (path.endsWith('.mjs')) titles.push(...(await testTitles(path)));
    }
    for (const [, quoted] of bullet.replace(/\s*\n\s*/g, ' ').matchAll(/"([^"]+)"/g)) {
      const start = quoted.replace(/…$/, '');
      const whole = !quoted.endsWith('…');
      if (!titles.some((t) => (whole ? t === start : t.startsWith(start)))) out.push(`no test "${quoted}" in ${paths.join(', ')}`);
    }
  }
  return out;
}

const exists = (path) => readFile(join(ROOT, path)).then(() => true, () => false);
const testTitles = async (path) =>
  [...(await readFile(join(ROOT, path), 'utf8')).matchAll(/\btest\(\s*(['"`])((?:(?!\1).)*)\1/g)].map((m) => m[2]);

test("ARCHITECTURE.md's invariants name files and tests that exist", async () => {
  assert.deepEqual(await unnamedGuards(await architecture(), exists, testTitles), []);
});

// ------------------------------------------------------------ meta-tests: each guard breaks when it should

/** A synthetic crate: every kind of reference the search must follow, and what it must not count. */
const SYNTHETIC_CRATE = {
  'src/lib.rs': 'pub mod a;\npub mod b;\npub mod c;\npub mod d;\n#[cfg(test)]\nmod only_tests;\n',
  // A grouped import names two modules (the old search saw only `crate::d`… and no `b`).
  'src/a.rs': 'use crate::{\n    d,\n    b::inner::{Thing, Other},\n};\npub fn h() {}\n',
  // A path in an attribute's string: b uses d.
  'src/b/mod.rs': 'pub mod inner;\n#[serde(serialize_with = "crate::d::x")]\npub struct S;\n',
  // A `super` chain that leaves the folder reaches the root: b uses c.
  'src/b/inner.rs': 'pub struct Thing;\npub struct Other;\npub fn f() -> u8 { super::super::c::g() }\n',
  // A path inside an expression: c uses a. In a string, a comment or a test: nothing.
  'src/c.rs':
    'pub fn g() -> u8 {\n    let _s = "crate::d::x // crate::d";\n    // crate::d::x()\n    /* crate::d /* nested */ crate::d */\n    crate::a::h();\n    0\n}\n#[cfg(test)]\nmod tests {\n    use crate::d::x;\n}\n#[cfg(test)]\nuse crate::{d};\n',
  'src/d.rs': 'pub fn x() {}\n',
  // A module declared only for the tests: its uses do not count.
  'src/only_tests.rs': 'use crate::a::h;\n',
};
const edges = (graph) => Object.fromEntries([...graph].map(([m, e]) => [m, [...e.keys()].sort()]));

test('the module search follows grouped imports, expression paths and super chains, and finds a three-module cycle', () => {
  const graph = moduleGraph(SYNTHETIC_CRATE);
  assert.deepEqual(edges(graph), { a: ['b', 'd'], b: ['c', 'd'], c: ['a'], d: [] });
  assert.deepEqual(cycles(graph), ['a (src/a.rs:1) -> b (src/b/inner.rs:3) -> c (src/c.rs:5) -> a']);
  // Two modules using each other (through a type in a signature) are a cycle too.
  const two = moduleGraph({
    'src/lib.rs': 'pub mod a;\npub mod b;\n',
    'src/a.rs': 'use crate::b::X;\npub struct Y;\n',
    'src/b.rs': 'pub struct X;\npub fn f(_: crate::a::Y) {}\n',
  });
  assert.deepEqual(cycles(two), ['a (src/a.rs:1) -> b (src/b.rs:2) -> a']);
  // Without the back edge there is none.
  const acyclic = moduleGraph({ ...SYNTHETIC_CRATE, 'src/c.rs': 'pub fn g() -> u8 { 0 }\n' });
  assert.deepEqual(cycles(acyclic), []);
  // A `super` from a top-level file is the crate root; `$crate` in a macro is the crate.
  const other = moduleGraph({
    'src/lib.rs': 'pub mod a;\npub mod b;\npub mod c;\n',
    'src/a.rs': 'use super::b::X;\nmacro_rules! m { () => { $crate::c::f() } }\n',
    'src/b.rs': 'pub struct X;\n',
    'src/c.rs': 'pub fn f() {}\n',
  });
  assert.deepEqual(edges(other), { a: ['b', 'c'], b: [], c: [] });
  // What the search cannot follow stops it.
  assert.throws(() => moduleGraph({ 'src/lib.rs': 'pub mod a;\n', 'src/a.rs': 'use super::*;\n' }), /hides which modules/);
});

test('the layering check fails on a module using one listed above or beside it, and on a module left out', () => {
  const graph = moduleGraph({ ...SYNTHETIC_CRATE, 'src/c.rs': 'pub fn g() -> u8 { 0 }\n' });
  const table = (rows) => `### \`src/\` (the crate)\n\n| module | decides |\n|---|---|\n${rows.map((r) => `| ${r} | … |`).join('\n')}\n\n### next\n`;
  assert.deepEqual(layerViolations(graph, layers(table(['`a`', '`b`', '`c`', '`d`']))), []);
  assert.deepEqual(layerViolations(graph, layers(table(['`b`', '`a`', '`c`', '`d`']))), ['a uses b, listed above it (src/a.rs:1)']);
  assert.deepEqual(layerViolations(graph, layers(table(['`a`, `d`', '`b`', '`c`']))), [
    'a uses d, listed in its own row (src/a.rs:1)',
    'b uses d, listed above it (src/b/mod.rs:2)',
  ]);
  assert.deepEqual(layerViolations(graph, layers(table(['`a`', '`b`', '`c`']))), ['d is not listed']);
});

test('the scripts check catches a level, a field key, a marker in a selector and keys built in templates', () => {
  const vocab = {
    code: ['login-failed', 'caps-lock'],
    level: ['error', 'warning', 'info'],
    'field key': ['id', 'password', 'page'],
    'message key': ['w_fullwidth', 'kind_my_page_title'],
    marker: ['data-plh-warning', 'data-plh-field-host'],
  };
  const script = [
    'if (w.level === "error") show();',
    "const box = root.querySelector('[data-plh-field-host]');",
    'const el = root.querySelector(`[data-plh-${name}]`);',
    'const text = t({ key: `w_${code}`, args: [] });',
    'const title = t({ key: `${kind}_title`, args: [] });',
    'const other = "caps-" + rest;',
    'if (f === `password`) x();',
    '// "info" in a comment is no literal',
    'const ok = { error: 1, page: 2, id: 3 };',
  ].join('\n');
  const found = scriptFindings({ 'extension/x.js': script }, vocab).map((f) => `${f.how} ${f.what} ${f.word}`);
  assert.deepEqual(found, [
    'names level error',
    'names, inside a literal, marker data-plh-field-host',
    'builds marker data-plh-…',
    'builds message key w_…',
    'builds message key …_title',
    'builds code caps-…',
    'names field key password',
  ]);
  // An allowance is for one line of one file: the same word elsewhere fails, and an unused one is stale.
  const findings = scriptFindings({ 'extension/a.js': 'if (input.type === "password") a();\nsend({ field: "password" });' }, vocab);
  const allowed = [
    { file: 'extension/a.js', word: 'password', line: /input\.type === "password"/ },
    { file: 'extension/a.js', word: 'id', line: /./ },
  ];
  assert.deepEqual(judgeScripts(findings, allowed), {
    unexpected: ['extension/a.js: names the field key "password" in: send({ field: "password" });'],
    stale: ['extension/a.js: "id" on a line like /./'],
  });
});

test('the invariants list check fails on a renamed test or a missing file', async () => {
  const md = (bullet) => `## Architecture invariants\n\n${Array(10).fill(bullet).join('\n')}\n`;
  const fs = { 'tests/a.test.mjs': "test('the guard holds', () => {});" };
  const has = async (p) => p in fs;
  const titles = async (p) => [...fs[p].matchAll(/test\('([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(await unnamedGuards(md('- **x** — `tests/a.test.mjs` ("the guard holds", "the guard…")'), has, titles), []);
  const broken = await unnamedGuards(md('- **x** — `tests/a.test.mjs` ("the guard held"), `tests/gone.rs`'), has, titles);
  assert.deepEqual([...new Set(broken)], ['tests/gone.rs does not exist', 'no test "the guard held" in tests/a.test.mjs, tests/gone.rs']);
});

test('the lexers read strings whole and skip comments, regular expressions and test code', () => {
  // Rust: a `//` or a brace inside a string, raw strings, chars and lifetimes, nested comments.
  const rust = [
    'fn f<\'a>(x: &\'a str) -> char { let u = "https://x/{"; let r = r#"a "quoted" // b"#; \'{\' }',
    '/* outer /* inner */ still "no string" */ const K: &str = "key_one"; // "no_key"',
    '#[cfg(test)]',
    'use crate::{a, b};',
    'const AFTER: &str = "after_test";',
  ].join('\n');
  assert.deepEqual(lexRust(rust).strings.map((s) => s.value), ['https://x/{', 'a "quoted" // b', 'key_one', 'after_test']);
  assert.deepEqual(rustNonTest(rust).strings.map((s) => s.value), ['https://x/{', 'a "quoted" // b', 'key_one', 'after_test']);
  assert.ok(!rustNonTest(rust).code.includes('crate::{a'), 'the #[cfg(test)] use is blanked');
  assert.equal(lexRust(rust).code.length, rust.length, 'offsets kept');
  // JavaScript: regular expressions holding quotes, templates inside templates, comments.
  const js = [
    'const re = /"[^"]*"|\'x\'/g; const n = a / b / c; // "not-a-literal"',
    'const t = `data-plh-${kind ? `w_${x}` : "y"}`; /* "nor-this" */ const s = \'it"s\';',
  ].join('\n');
  assert.deepEqual(
    lexScript(js).map((l) => l.pieces),
    [['data-plh-', ''], ['w_', ''], ['y'], ['it"s']],
  );
});

test('the vocabulary is read whole from the core (a level, a field key, a marker)', async () => {
  const vocab = vocabulary(await crate(), await messagesOf('ja'));
  for (const [what, word] of [['level', 'warning'], ['field key', 'page'], ['marker', 'data-plh-field-host'], ['storage key', 'attempt'], ['code', 'login-failed']]) {
    assert.ok(vocab[what].includes(word), `${what} ${word}`);
  }
});
