// The wire's declarations (extension/shared/wire.d.ts, generated from the
// Rust types by `cargo test`: src/wire.rs) hold the scripts and the core
// together:
// - the scripts type-check against them, and a change of the Rust side (a
//   field renamed, a variant gone) makes `tsc` fail on the scripts that use
//   it: shown here on a copy of the scripts with altered declarations;
// - what the core really answers is what they declare: every answer of the
//   parity cases (examples/parity_cases.rs, the same answers the built wasm
//   gives in the browser) type-checks as the answer its request's op gets.
// Needs the build (dist/core/plh.d.ts, the wasm glue's declarations) and the
// parity cases: `./build.sh test` makes both first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './sources.mjs';

const WIRE = join(ROOT, 'extension/shared/wire.d.ts');
const GLUE = join(ROOT, 'dist/core/plh.d.ts');
const CASES = join(ROOT, 'dist/parity-cases.json');
const TSC = join(ROOT, 'node_modules/.bin/tsc');

/** The project's compiler options (tsconfig.json), for a project elsewhere. */
async function options() {
  const { compilerOptions } = JSON.parse(await readFile(join(ROOT, 'tsconfig.json'), 'utf8'));
  return { ...compilerOptions, typeRoots: [join(ROOT, 'node_modules/@types')], paths: { '#wasm-glue': [GLUE] } };
}

/** A scratch project under target/ (git ignores it; `node_modules` is found above it). */
async function scratch(t) {
  await mkdir(join(ROOT, 'target'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'target', 'wire-test-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** `tsc -p dir`: its error lines (`file(line,col): error TSnnnn: …`). */
function tsc(dir) {
  const r = spawnSync(TSC, ['-p', dir], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
}

function needsBuild() {
  for (const f of [GLUE, CASES, TSC]) assert.ok(existsSync(f), `${f} is missing: run ./build.sh and \`cargo run --example parity_cases > dist/parity-cases.json\` first (./build.sh test does)`);
}

/** The scripts as they are, in a scratch project, with the declarations `alter` makes of wire.d.ts. */
async function scripts(t, alter) {
  const dir = await scratch(t);
  await cp(join(ROOT, 'extension'), join(dir, 'extension'), { recursive: true });
  const wire = await readFile(WIRE, 'utf8');
  const altered = alter(wire);
  assert.notEqual(altered, wire, 'the alteration changes the declarations');
  await writeFile(join(dir, 'extension/shared/wire.d.ts'), altered);
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: await options(), include: ['extension/**/*.js'] }));
  return tsc(dir);
}

// What a change of the Rust types does to the declarations, and a script it
// must break (each script reads or builds what is changed).
const DRIFTS = [
  ['an answer field renamed (PageResponse.rescanMs)', (w) => w.replace('rescanMs: Array<number>', 'rescanDelays: Array<number>'), 'content/page.js'],
  ['a request field renamed (Env.nowMs)', (w) => w.replace('nowMs: number', 'now: number'), 'content/page.js'],
  ['a snapshot field renamed (PageSnapshot.viewportHeight)', (w) => w.replace('viewportHeight: number', 'viewportTop: number'), 'content/read.js'],
  ['a values field renamed (Values.capsLock)', (w) => w.replace('capsLock?: boolean | null', 'caps?: boolean | null'), 'content/page.js'],
  ['an event field renamed (Control.type)', (w) => w.replace('type?: string | null, role?', 'kind?: string | null, role?'), 'content/clicks.js'],
  ['a place renamed (Place "beforeArea")', (w) => w.replace('{ "at": "beforeArea"', '{ "at": "before"'), 'content/place.js'],
  ['an op renamed (Request "popup")', (w) => w.replace('{ "op": "popup" }', '{ "op": "toolbar" }'), 'pages/popup.js'],
  ['a view field renamed (OptionsView.parts)', (w) => w.replace('export type OptionsView = { parts:', 'export type OptionsView = { items:'), 'pages/options.js'],
  ['an event renamed (PageEvent "report")', (w) => w.replace('{ "type": "report", page: PageSnapshot, }', '{ "type": "problem", page: PageSnapshot, }'), 'content/page.js'],
  ['a report view field renamed (ReportView.notCopied)', (w) => w.replace('notCopied: Text', 'copyFailed: Text'), 'pages/popup.js'],
];

test('the declarations name only what they declare', async (t) => {
  // The scripts' check skips declaration files (skipLibCheck), where a name
  // declared nowhere would silently be \`any\`: checked here on its own.
  const dir = await scratch(t);
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: [WIRE] }));
  assert.deepEqual(tsc(dir), []);
  await writeFile(join(dir, 'dangling.d.ts'), 'export type Dangling = { field: Undeclared };\n');
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: [WIRE, 'dangling.d.ts'] }));
  assert.ok(tsc(dir).some((e) => e.includes('Undeclared')), 'the check catches a dangling name');
});

test('the scripts type-check against the declarations as they are', async (t) => {
  needsBuild();
  // The baseline of the drifts below: their errors are the drift's alone.
  assert.deepEqual(await scripts(t, (w) => `${w}\n// unchanged\n`), []);
});

for (const [what, alter, breaks] of DRIFTS) {
  test(`tsc fails on the scripts when the Rust side drifts: ${what}`, async (t) => {
    needsBuild();
    const errors = await scripts(t, alter);
    assert.ok(
      errors.some((e) => e.startsWith(`extension/${breaks}(`)),
      `expected an error in extension/${breaks}, got:\n${errors.join('\n') || '(none)'}`,
    );
  });
}

test('every answer the core gives (the parity cases) is the answer its op declares', async (t) => {
  needsBuild();
  const cases = (await readFile(CASES, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  const ops = ['start', 'page', 'popup', 'options'];
  const checked = cases.filter((c) => ops.includes(c.request?.op));
  assert.ok(checked.length >= 150 && ops.every((op) => checked.some((c) => c.request.op === op && 'ok' in c.response)), 'answers of every op');
  const dir = await scratch(t);
  // Literals: an extra key, a missing one or a value of another type is an error.
  const lines = checked.map((c, i) => `export const case${i}: Answer<Answers[${JSON.stringify(c.request.op)}]> = ${JSON.stringify(c.response)};`);
  await writeFile(join(dir, 'answers.ts'), `import type { Answer, Answers } from ${JSON.stringify(WIRE.replace(/\.d\.ts$/, '.js'))};\n${lines.join('\n')}\n`);
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: await options(), files: ['answers.ts'] }));
  assert.deepEqual(tsc(dir), []);
  // ... and the check is one that fails: an answer with a key renamed.
  const page = checked.findIndex((c) => c.request.op === 'page' && 'ok' in c.response);
  const wrong = { ok: { ...checked[page].response.ok, rescanMS: [] } };
  delete wrong.ok.rescanMs;
  lines[page] = `export const case${page}: Answer<Answers["page"]> = ${JSON.stringify(wrong)};`;
  await writeFile(join(dir, 'answers.ts'), `import type { Answer, Answers } from ${JSON.stringify(WIRE.replace(/\.d\.ts$/, '.js'))};\n${lines.join('\n')}\n`);
  assert.ok(tsc(dir).some((e) => e.startsWith('answers.ts(') && e.includes('rescanMS')), 'a renamed key is caught');
});
