// Sizes of the built extension, and the native criterion bench (benches/analysers.rs).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { quantile } from './stats.mjs';

function gzip9(file) {
  const r = spawnSync('gzip', ['-9', '-c', '-n', file], { maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`gzip -9 ${file}: ${r.stderr}`);
  return r.stdout.length;
}

const size = (file) => statSync(file).size;

/** The engine: what the loader brings in where a login may be (one bundled file), besides the wasm. */
export function engineScripts(ext) {
  return readdirSync(join(ext, 'content')).filter((f) => f.endsWith('.js')).sort().map((f) => `content/${f}`);
}

/**
 * Byte sizes of what ships (every figure is exact, so median = p95): the
 * wasm, the loader (the only script on every page, with its style sheet),
 * the engine's scripts, the store zips.
 */
export function measureSizes(ext, zips) {
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  const injected = manifest.content_scripts.flatMap((c) => c.js);
  const css = manifest.content_scripts.flatMap((c) => c.css ?? []);
  const engine = engineScripts(ext);
  const sum = (files, f) => files.reduce((a, x) => a + f(join(ext, x)), 0);
  return {
    wasmRaw: size(join(ext, 'wasm/plh_bg.wasm')),
    wasmGzip: gzip9(join(ext, 'wasm/plh_bg.wasm')),
    loaderFiles: injected,
    loaderRaw: sum(injected, size),
    loaderGzip: sum(injected, gzip9),
    cssFiles: css,
    cssRaw: sum(css, size),
    engineFiles: engine,
    engineRaw: sum(engine, size),
    engineGzip: sum(engine, gzip9),
    zips: Object.fromEntries(Object.entries(zips).map(([k, f]) => [k, f && existsSync(f) ? size(f) : NaN])),
  };
}

export const NATIVE_BENCHES = [
  { id: 'check/my_page_id', label: 'check: My Page ID `l23456７`', kind: 'rate' },
  { id: 'check/email', label: 'check: e-mail `taro.yamada＠example.co.jp`', kind: 'rate' },
  { id: 'check/password', label: 'check: password `Passw0rd ２`', kind: 'rate' },
  { id: 'detect/login_page', label: 'detect: My Page login page snapshot', kind: 'rate' },
  { id: 'check_1mb/my_page_id', label: 'check 1 MiB: My Page ID field', kind: 'time' },
  { id: 'check_1mb/email', label: 'check 1 MiB: e-mail field', kind: 'time' },
  { id: 'check_1mb/password', label: 'check 1 MiB: password field', kind: 'time' },
];

/**
 * `cargo bench --bench analysers`, then per benchmark the time of one call in
 * each criterion sample (sample time / iterations): median and p95 in ns.
 */
export async function runNative(root, { short, log }) {
  const out = join(root, 'target/criterion');
  for (const b of NATIVE_BENCHES) rmSync(join(out, b.id), { recursive: true, force: true });
  const args = ['bench', '--bench', 'analysers', '--', '--noplot'];
  if (short) args.push('--quick');
  log(`  cargo ${args.join(' ')}`);
  const env = { ...process.env, ...(short ? { PLH_BENCH_SHORT: '1' } : {}) };
  const status = await new Promise((resolve) => {
    const child = spawn('cargo', args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const keep = (d) => {
      text += d;
      for (const line of String(d).split('\n')) if (/^\S.*time:/.test(line)) log(`    ${line.trim()}`);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', (d) => (text += d));
    child.on('close', (code) => resolve({ code, text }));
  });
  if (status.code !== 0) throw new Error(`cargo bench failed (exit ${status.code}):\n${status.text.slice(-4000)}`);
  const results = {};
  for (const b of NATIVE_BENCHES) {
    const file = join(out, b.id, 'new/sample.json');
    const { iters, times } = JSON.parse(readFileSync(file, 'utf8'));
    const perCall = times.map((t, i) => t / iters[i]);
    results[b.id] = { medianNs: quantile(perCall, 0.5), p95Ns: quantile(perCall, 0.95), samples: perCall.length };
  }
  return results;
}
