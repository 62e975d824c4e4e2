// Reading the project's own sources, for the static tests that check them
// (locales.test.mjs, invariants.test.mjs). Two small lexers, not regular
// expressions over the text: a guard that mistakes a `//` inside a string for
// a comment, or a brace inside a string for a block, checks the wrong thing
// without failing.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under `dir` (relative to the project) whose name ends in `ext`, as absolute paths, sorted. */
export async function files(dir, ext) {
  const out = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) out.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return out.sort();
}

/** `{ [path relative to the project]: text }` of every file under `dir` ending in `ext`. */
export async function sourcesOf(dir, ext) {
  const out = {};
  for (const file of await files(dir, ext)) out[relative(ROOT, file)] = await readFile(file, 'utf8');
  return out;
}

/** A script or Rust source without its comments (kept for the tests that only look for words). */
export const stripComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"'`\\])\/\/.*$/gm, '$1');

const blank = (s) => s.replace(/[^\n]/g, ' ');

// ---------------------------------------------------------------- Rust

/**
 * A Rust source lexed just enough: `code` is the source with every comment
 * and every string's or char's content blanked (same length, same lines, so
 * offsets agree), `text` the source with only its comments blanked, and
 * `strings` its string literals (`value` unescaped for the simple escapes,
 * `at` the offset of the opening quote). Handles nested block comments, raw
 * strings (`r#"…"#`), byte strings, chars and lifetimes.
 * @param {string} src
 */
export function lexRust(src) {
  let code = '';
  let text = '';
  const comment = (from, to) => {
    code += blank(src.slice(from, to));
    text += blank(src.slice(from, to));
  };
  const strings = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      comment(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      let depth = 0;
      let j = i;
      do {
        if (src.startsWith('/*', j)) (depth++, (j += 2));
        else if (src.startsWith('*/', j)) (depth--, (j += 2));
        else j++;
      } while (depth > 0 && j < n);
      comment(i, j);
      i = j;
    } else if (/[rb]/.test(c) && /^(?:br|r)#*"/.test(src.slice(i, i + 40)) && !/\w/.test(src[i - 1] ?? '')) {
      // A raw string: r"…", r#"…"#, br"…".
      const head = /^(?:br|r)(#*)"/.exec(src.slice(i));
      const close = `"${head[1]}`;
      const start = i + head[0].length;
      const end = src.indexOf(close, start);
      const stop = end < 0 ? n : end + close.length;
      strings.push({ value: src.slice(start, end < 0 ? n : end), at: i });
      code += head[0] + blank(src.slice(start, stop - close.length)) + close;
      text += src.slice(i, stop);
      i = stop;
    } else if (c === '"' || (c === 'b' && next === '"' && !/\w/.test(src[i - 1] ?? ''))) {
      const open = c === 'b' ? 2 : 1;
      let j = i + open;
      let value = '';
      while (j < n && src[j] !== '"') {
        if (src[j] === '\\') {
          const e = src[j + 1];
          value += { n: '\n', t: '\t', r: '\r', 0: '\0', '\\': '\\', '"': '"', "'": "'" }[e] ?? (e === '\n' ? '' : `\\${e}`);
          j += 2;
          if (e === '\n') while (/\s/.test(src[j] ?? '')) j++;
        } else value += src[j++];
      }
      strings.push({ value, at: i });
      code += src.slice(i, i + open) + blank(src.slice(i + open, j)) + '"';
      text += src.slice(i, j + 1);
      i = j + 1;
    } else if (c === "'") {
      // A char ('a', '\n', '\u{200B}', '"') or a lifetime ('a, 'static).
      const char = /^'(?:\\(?:u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/u.exec(src.slice(i, i + 16));
      if (char) {
        code += `'${blank(char[0].slice(1, -1))}'`;
        text += char[0];
        i += char[0].length;
      } else {
        code += c;
        text += c;
        i++;
      }
    } else {
      code += c;
      text += c;
      i++;
    }
  }
  return { code, text, strings };
}

/**
 * The spans (`[start, end)` offsets) of the items a `#[cfg(test)]` attribute
 * is on: a `mod tests { … }`, a test-only function or `use`. `code` is
 * `lexRust`'s (no comment or string can hold a brace or a semicolon).
 * @param {string} code
 */
export function testSpans(code) {
  const spans = [];
  for (const m of code.matchAll(/#\[\s*cfg\s*\(\s*test\s*\)\s*\]/g)) {
    let depth = 0;
    let j = m.index + m[0].length;
    for (; j < code.length; j++) {
      const c = code[j];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        depth--;
        if (depth === 0 && c === '}') {
          // `use a::{b, c};` ends at its semicolon; a block item at its brace.
          const after = /^\s*;/.exec(code.slice(j + 1));
          j += after ? after[0].length + 1 : 1;
          break;
        }
      } else if (c === ';' && depth === 0) {
        j++;
        break;
      }
    }
    spans.push([m.index, j]);
  }
  return spans;
}

/**
 * A Rust source as the crate builds it outside the tests: `code` with
 * comments, string contents and `#[cfg(test)]` items blanked, `text` the same
 * with the strings kept, and the string literals outside those items.
 * @param {string} src
 */
export function rustNonTest(src) {
  const lexed = lexRust(src);
  const spans = testSpans(lexed.code);
  const inTest = (at) => spans.some(([a, b]) => at >= a && at < b);
  const cut = (s) => spans.reduce((out, [a, b]) => out.slice(0, a) + blank(out.slice(a, b)) + out.slice(b), s);
  return { code: cut(lexed.code), text: cut(lexed.text), strings: lexed.strings.filter((s) => !inTest(s.at)) };
}

// ---------------------------------------------------------------- JavaScript

/**
 * The literals of a script: every quoted string, and every template literal
 * as its static pieces (`pieces[k]` comes before the k-th `${`). Each with
 * `line`, the code of its line with comments removed. Comments and regular
 * expression literals are skipped; a template's substitutions are lexed too
 * (a template inside `${…}` is found).
 * @param {string} src
 * @returns {{ kind: 'string' | 'template', value: string, pieces: string[], at: number, line: string }[]}
 */
export function lexScript(src) {
  const out = [];
  const n = src.length;
  let code = '';
  // Whether a `/` here starts a regular expression (after an operator, an
  // opening bracket, a keyword), not a division.
  const regexAllowed = () => {
    const before = code.trimEnd();
    if (before === '') return true;
    if (/[(,=:[!&|?{};+\-*%<>~^]$/.test(before)) return true;
    return /\b(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/.test(before);
  };
  /** @returns {number} the offset after the template that starts at `i` */
  const template = (i) => {
    const pieces = [''];
    let j = i + 1;
    while (j < n && src[j] !== '`') {
      if (src[j] === '\\') {
        pieces[pieces.length - 1] += src.slice(j, j + 2);
        j += 2;
      } else if (src[j] === '$' && src[j + 1] === '{') {
        j = scan(j + 2, '}');
        pieces.push('');
      } else pieces[pieces.length - 1] += src[j++];
    }
    out.push({ kind: 'template', value: pieces.join('${}'), pieces, at: i });
    return j + 1;
  };
  /** Lexes from `i` until `until` at depth 0 (or the end); returns the offset after it. */
  const scan = (i, until) => {
    let depth = 0;
    let j = i;
    while (j < n) {
      const c = src[j];
      const next = src[j + 1];
      if (c === until && depth === 0) return j + 1;
      if (c === '/' && next === '/') {
        const end = src.indexOf('\n', j);
        j = end < 0 ? n : end;
      } else if (c === '/' && next === '*') {
        const end = src.indexOf('*/', j + 2);
        j = end < 0 ? n : end + 2;
      } else if (c === '"' || c === "'") {
        let k = j + 1;
        let value = '';
        while (k < n && src[k] !== c && src[k] !== '\n') {
          if (src[k] === '\\') {
            value += src.slice(k, k + 2);
            k += 2;
          } else value += src[k++];
        }
        out.push({ kind: 'string', value, pieces: [value], at: j });
        code += '""';
        j = k + 1;
      } else if (c === '`') {
        j = template(j);
        code += '``';
      } else if (c === '/' && regexAllowed()) {
        // A regular expression literal: to its closing slash (not one inside a class).
        let k = j + 1;
        let inClass = false;
        while (k < n && src[k] !== '\n' && (inClass || src[k] !== '/')) {
          if (src[k] === '\\') k++;
          else if (src[k] === '[') inClass = true;
          else if (src[k] === ']') inClass = false;
          k++;
        }
        while (/[a-z]/i.test(src[k + 1] ?? '')) k++;
        code += '/re/';
        j = k + 1;
      } else {
        if (c === '{' || c === '(' || c === '[') depth++;
        if (c === '}' || c === ')' || c === ']') depth--;
        code += c;
        j++;
      }
    }
    return j;
  };
  scan(0, null);
  // Each literal's line, without comments (the allowlists match on it).
  const lines = src.split('\n');
  const starts = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i].length + 1, i++) starts.push(at);
  for (const lit of out) {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= lit.at) line++;
    lit.line = lines[line].replace(/(^|[^:"'`\\])\/\/.*$/, '$1').trim();
  }
  return out.sort((a, b) => a.at - b.at);
}
