#!/usr/bin/env node
// Turns wasm-bindgen's `--target web` glue into a factory:
//
//   node tools/glue-factory.mjs IN_DIR OUT_DIR   (IN_DIR/plh.js, IN_DIR/plh.d.ts → OUT_DIR/plh.js, OUT_DIR/plh.d.ts)
//
// The generated module keeps its instance in module-level variables, and
// `initSync` returns early once they are set: an instance that trapped (a
// Rust panic is a wasm trap, `panic = "immediate-abort"`) could never be replaced in
// that context. Wrapped in `export function createGlue() { …; return {
// handle, initSync }; }`, each call is a fresh glue with its own instance,
// and shared/core.js starts a new one, synchronously, from the compiled
// module it already has.
//
// Hand-written because no tool does this: wasm-bindgen has no option for it,
// and a bundler cannot turn a module's state into a function's. It is a
// text transform, so it checks the shape it relies on first and stops the
// build, saying what changed, if wasm-bindgen's output is no longer that
// shape. The async start (`init`, which fetches by `import.meta.url`) is
// dropped: the extension always starts the glue from a compiled module.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const EXPECTED = 'wasm-bindgen 0.2.130 --target web';

/** Stops the build: what is not as expected, and what to do. */
function fail(what) {
  console.error(`tools/glue-factory.mjs: ${what}.
The glue from wasm-bindgen no longer has the shape this transform expects (${EXPECTED}).
Read the new dist/tmp/plh.js and update tools/glue-factory.mjs (and shared/core.js if the API changed).`);
  process.exit(1);
}

/**
 * The module's top-level statements, in order: the generated code puts each
 * declaration at column 0 with its body indented and its closing brace at
 * column 0; a comment at column 0 belongs to the statement after it.
 * @returns {{ name: string, text: string }[]}
 */
export function statements(src) {
  const out = [];
  let comment = [];
  let inComment = false;
  let current = null;
  for (const line of src.split('\n')) {
    const head = /^(?:export\s+)?(?:async\s+)?(function\s+(\w+)|(?:let|const|var)\s+(\w+(?:\s*,\s*\w+)*)|class\s+(\w+)|if\b|export\s*\{)/.exec(line);
    if (inComment || (/^\/[*/]/.test(line) && (current === null || current.closed))) {
      // A comment between statements: it goes with the next one.
      comment.push(line);
      if (line.startsWith('/*')) inComment = true;
      if (line.includes('*/')) inComment = false;
    } else if (head) {
      current = { name: head[2] ?? head[3]?.replace(/\s/g, '') ?? head[4] ?? (line.startsWith('if') ? 'if' : 'export'), lines: [...comment, line] };
      comment = [];
      out.push(current);
    } else if (current === null) {
      if (line.trim() !== '') fail(`unexpected text before the first statement: ${JSON.stringify(line)}`);
    } else {
      current.lines.push(line);
    }
    if (current && !inComment && /^\}/.test(line)) current.closed = true;
    if (current && !inComment && /;\s*$/.test(line) && !/^\s/.test(line)) current.closed = true;
  }
  if (comment.length) fail('a comment after the last statement');
  return out.map((s) => ({ name: s.name, text: s.lines.join('\n').replace(/\n+$/, '') }));
}

/** The async start, dropped: the extension always starts from a compiled module. */
const DROPPED = ['__wbg_load', '__wbg_init_promise', '__wbg_init', '__wbg_init_once'];

export function factory(src) {
  const TYPES = '/* @ts-self-types="./plh.d.ts" */\n';
  if (!src.startsWith(TYPES)) fail('the first line is not the @ts-self-types comment');
  const list = statements(src.slice(TYPES.length));
  const names = list.map((s) => s.name);
  const one = (name) => {
    const found = list.filter((s) => s.name === name);
    if (found.length !== 1) fail(`${found.length} top-level statements named ${name}, expected 1`);
    return found[0];
  };
  // What the module exports: `handle`, and `initSync` with the async start.
  const exported = list.filter((s) => /^export\b/m.test(s.text.replace(/^\/\*[\s\S]*?\*\/\n/, '')));
  if (exported.map((s) => s.name).join(' ') !== 'handle export') fail(`the exports are ${exported.map((s) => s.name).join(', ')}, expected handle and one export list`);
  if (one('export').text !== 'export { initSync, __wbg_init as default };') fail(`the export list is ${one('export').text}`);
  if (!/^export function handle\(request\) \{$/m.test(one('handle').text)) fail('handle is not `export function handle(request)`');
  // The state that makes a trapped instance permanent, and the early return.
  if (one('wasmModule,wasmInstance,wasm').text !== 'let wasmModule, wasmInstance, wasm;') fail('the instance is not kept in `let wasmModule, wasmInstance, wasm;`');
  if (!/^function initSync\(module\) \{\n    if \(wasm !== undefined\) return wasm;$/m.test(one('initSync').text)) fail('initSync does not start with its early return');
  for (const name of DROPPED) one(name);
  if (/^\s*import\b/m.test(src)) fail('the glue imports something (a snippet or another module)');

  const kept = list.filter((s) => s.name !== 'export' && !DROPPED.includes(s.name));
  const body = kept
    .map((s) => (s.name === 'handle' ? s.text.replace(/^export function handle/m, 'function handle') : s.text))
    .join('\n\n');
  for (const name of DROPPED) if (new RegExp(`\\b${name}\\b`).test(body)) fail(`${name} is still used after dropping it`);
  if (/import\.meta|\bfetch\(/.test(body)) fail('what is kept still fetches (import.meta or fetch)');
  const indented = body.replace(/^(?=.)/gm, '    ');
  const out = `// wasm-bindgen's glue (${EXPECTED}) made a factory by tools/glue-factory.mjs:
// each createGlue() is a fresh copy with its own instance (see that file).

/**
 * A new glue: \`initSync({ module })\` instantiates it, \`handle\` calls it.
 * @returns {{ handle: (request: any) => any, initSync: (module: { module: WebAssembly.Module }) => any }}
 */
export function createGlue() {
${indented}

    return { handle, initSync };
}
`;
  // It must still be a module that parses (throws, with the place, if not).
  try {
    transformSync(out, { format: 'esm', loader: 'js' });
  } catch (e) {
    fail(`the factory does not parse: ${e.message}`);
  }
  return out;
}

/** The declarations: wasm-bindgen's, with the module's exports become the factory's. */
export function factoryTypes(dts) {
  let out = dts;
  const replace = (pattern, by, what) => {
    const n = (out.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length;
    if (n !== 1) fail(`plh.d.ts: ${what} found ${n} times, expected once`);
    out = out.replace(pattern, by);
  };
  replace(/^export function handle\(request: any\): any;$/m, 'declare function handle(request: any): any;', 'handle');
  replace(/^export function initSync\(/m, 'declare function initSync(', 'initSync');
  replace(/^export type InitInput = .*\n\n/m, '', 'InitInput');
  replace(/\n\/\*\*\n \* If `module_or_path`[\s\S]*?\nexport default function __wbg_init \([^\n]*\n/, '\n', 'the async init');
  return `${out.trimEnd()}

/** A fresh copy of the glue, with its own instance once \`initSync\` is called (tools/glue-factory.mjs). */
export function createGlue(): { handle: typeof handle; initSync: typeof initSync };
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [inDir, outDir] = process.argv.slice(2);
  if (!inDir || !outDir) {
    console.error('usage: node tools/glue-factory.mjs IN_DIR OUT_DIR');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'plh.js'), factory(readFileSync(join(inDir, 'plh.js'), 'utf8')));
  writeFileSync(join(outDir, 'plh.d.ts'), factoryTypes(readFileSync(join(inDir, 'plh.d.ts'), 'utf8')));
}
