// Minimal W3C WebDriver client (Node 20 global fetch, no npm dependency) plus
// a geckodriver process manager. Only the commands the e2e tests need.
import { spawn } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import { homedir } from 'node:os';
import { join, delimiter } from 'node:path';

export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
export const SHADOW_KEY = 'shadow-6066-11e4-a52e-4f735466cecf';

/** WebDriver "normalized key" code points (spec §17.4.2) for the keys tests use. */
export const Keys = {
  Null: '\uE000',
  Cancel: '\uE001',
  Help: '\uE002',
  Backspace: '\uE003',
  Tab: '\uE004',
  Clear: '\uE005',
  Return: '\uE006',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Pause: '\uE00B',
  Escape: '\uE00C',
  Space: '\uE00D',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Insert: '\uE016',
  Delete: '\uE017',
  Meta: '\uE03D',
};

export class WebDriverError extends Error {
  constructor(command, status, value) {
    const v = value || {};
    super(`WebDriver ${command} failed (HTTP ${status}): ${v.error || 'unknown error'}: ${v.message || JSON.stringify(value)}`);
    this.name = 'WebDriverError';
    this.status = status;
    this.error = v.error;
    this.data = v;
  }
}

function findExecutable(name, extraDirs = []) {
  const dirs = [...(process.env.PATH || '').split(delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const p = join(dir, name);
    try {
      accessSync(p, fsConstants.X_OK);
      return p;
    } catch {}
  }
  return null;
}

export function findGeckodriver() {
  const p = findExecutable('geckodriver', [join(homedir(), '.cargo', 'bin'), '/root/.cargo/bin']);
  if (!p) throw new Error('geckodriver not found on PATH nor in ~/.cargo/bin (install with `cargo install geckodriver`)');
  return p;
}

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawn geckodriver on a free local port and wait until /status says ready.
 * @returns {Promise<{ url: string, port: number, process: import('node:child_process').ChildProcess, log(): string, close(): Promise<void> }>}
 */
export async function startGeckodriver({ binary = findGeckodriver(), timeout = 15000, logLevel = 'info', allowSystemAccess = false } = {}) {
  const port = await freePort();
  const gdArgs = ['--host', '127.0.0.1', '--port', String(port), '--log', logLevel];
  // Needed for the chrome (parent-process) context, which the Firefox driver
  // uses to synthesize keys WebDriver has no code for (CapsLock).
  if (allowSystemAccess) gdArgs.push('--allow-system-access');
  const child = spawn(binary, gdArgs, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the log (bounded only against runaway output): it is the only clue when
  // Firefox fails to start, and the privacy test reads console output from it by offset.
  let logTail = '';
  const onData = (d) => {
    logTail = (logTail + d.toString()).slice(-50_000_000);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((r) =>
    child.once('exit', (code, sig) => {
      exited = { code, sig };
      r();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (exited) throw new Error(`geckodriver exited early (code ${exited.code}, signal ${exited.sig}):\n${logTail.slice(-20000)}`);
    try {
      const r = await fetch(`${url}/status`);
      const j = await r.json();
      if (j?.value?.ready) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`geckodriver did not become ready on ${url} within ${timeout} ms:\n${logTail.slice(-20000)}`);
    }
    await sleep(50);
  }

  return {
    url,
    port,
    process: child,
    log: () => logTail,
    async close() {
      if (exited) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exitPromise;
      clearTimeout(t);
    },
  };
}

/** A WebDriver session bound to one remote end. */
export class WebDriverSession {
  constructor(baseUrl) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.sessionId = null;
    this.capabilities = null;
  }

  async command(method, path, body) {
    const url = `${this.baseUrl}${path}`;
    let res;
    try {
      res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new Error(`WebDriver ${method} ${path}: cannot reach ${this.baseUrl}: ${err.cause?.message || err.message}`);
    }
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`WebDriver ${method} ${path}: non-JSON reply (HTTP ${res.status}): ${text.slice(0, 500)}`);
    }
    if (!res.ok) throw new WebDriverError(`${method} ${path}`, res.status, json.value);
    return json.value;
  }

  s(path = '') {
    if (!this.sessionId) throw new Error('WebDriver: no session (call newSession first)');
    return `/session/${this.sessionId}${path}`;
  }

  async newSession(alwaysMatch = {}) {
    const v = await this.command('POST', '/session', { capabilities: { alwaysMatch } });
    this.sessionId = v.sessionId;
    this.capabilities = v.capabilities;
    return v;
  }

  async deleteSession() {
    if (!this.sessionId) return;
    const path = this.s();
    this.sessionId = null;
    await this.command('DELETE', path);
  }

  setTimeouts(t) {
    return this.command('POST', this.s('/timeouts'), t);
  }

  /** Navigate; per spec the remote end returns after the load event (pageLoadStrategy "normal"). */
  navigate(url) {
    return this.command('POST', this.s('/url'), { url });
  }

  getUrl() {
    return this.command('GET', this.s('/url'));
  }

  /** `script` is a function body; `arguments` holds args. */
  executeSync(script, args = []) {
    return this.command('POST', this.s('/execute/sync'), { script, args });
  }

  /** `script` is a function body; its last argument is the completion callback. */
  executeAsync(script, args = []) {
    return this.command('POST', this.s('/execute/async'), { script, args });
  }

  async findElement(using, value) {
    const v = await this.command('POST', this.s('/element'), { using, value });
    return v[ELEMENT_KEY];
  }

  async findElements(using, value) {
    const v = await this.command('POST', this.s('/elements'), { using, value });
    return v.map((e) => e[ELEMENT_KEY]);
  }

  async findElementFrom(elementId, using, value) {
    const v = await this.command('POST', this.s(`/element/${elementId}/element`), { using, value });
    return v[ELEMENT_KEY];
  }

  async getShadowRoot(elementId) {
    const v = await this.command('GET', this.s(`/element/${elementId}/shadow`));
    return v[SHADOW_KEY];
  }

  /** Shadow roots only support css selector / link text / tag name / partial link text (not xpath). */
  async findElementInShadow(shadowId, using, value) {
    const v = await this.command('POST', this.s(`/shadow/${shadowId}/element`), { using, value });
    return v[ELEMENT_KEY];
  }

  elementClick(elementId) {
    return this.command('POST', this.s(`/element/${elementId}/click`), {});
  }

  elementClear(elementId) {
    return this.command('POST', this.s(`/element/${elementId}/clear`), {});
  }

  elementSendKeys(elementId, text) {
    return this.command('POST', this.s(`/element/${elementId}/value`), { text });
  }

  performActions(actions) {
    return this.command('POST', this.s('/actions'), { actions });
  }

  releaseActions() {
    return this.command('DELETE', this.s('/actions'));
  }

  /** Press a chord, e.g. keyChord([Keys.Control, 'a']): all down in order, then up in reverse. */
  async keyChord(keys) {
    const down = keys.map((value) => ({ type: 'keyDown', value }));
    const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
    await this.performActions([{ type: 'key', id: 'keyboard', actions: [...down, ...up] }]);
    await this.releaseActions();
  }

  /** @returns {Promise<Buffer>} PNG bytes of the viewport. */
  async screenshot(path) {
    const b64 = await this.command('GET', this.s('/screenshot'));
    const buf = Buffer.from(b64, 'base64');
    if (path) await writeFile(path, buf);
    return buf;
  }

  // --- Firefox-only extension commands (geckodriver) ---

  /** @returns {Promise<string>} the add-on id */
  installAddon({ path, addon, temporary = true, allowPrivateBrowsing } = {}) {
    const body = { temporary };
    if (path) body.path = path;
    if (addon) body.addon = addon;
    if (allowPrivateBrowsing !== undefined) body.allowPrivateBrowsing = allowPrivateBrowsing;
    return this.command('POST', this.s('/moz/addon/install'), body);
  }

  uninstallAddon(id) {
    return this.command('POST', this.s('/moz/addon/uninstall'), { id });
  }

  /** 'content' | 'chrome' (chrome needs the -remote-allow-system-access arg / marionette pref). */
  setContext(context) {
    return this.command('POST', this.s('/moz/context'), { context });
  }
}

// --- helpers shared by the Chromium and Firefox Driver implementations ---

/**
 * Build one self-contained async expression that runs `fn` with `args` in the
 * page and yields a JSON string (or undefined). Going through JSON in both
 * browsers keeps `evaluate` results identical whatever each automation layer
 * would otherwise do with Dates, DOM nodes, undefined in arrays, etc.
 * `fn` may be a function or a string function body (which may `return` and may
 * read its arguments via `arguments`).
 */
export function buildEvaluateExpression(fn, args) {
  let callee;
  if (typeof fn === 'function') callee = `(${fn.toString()})`;
  else if (typeof fn === 'string') callee = `(async function () {\n${fn}\n})`;
  else throw new TypeError('evaluate: fn must be a function or a string function body');
  const argsJson = JSON.stringify(args ?? []);
  if (argsJson === undefined) throw new TypeError('evaluate: arguments must be JSON-serializable');
  return `(async () => {
  const __plhArgs = ${argsJson};
  const __plhValue = await ${callee}.apply(null, __plhArgs);
  return __plhValue === undefined ? undefined : JSON.stringify(__plhValue);
})()`;
}

export function parseEvaluateResult(s) {
  return s === undefined || s === null ? undefined : JSON.parse(s);
}

/** Shared waitFor: poll `evaluate` until truthy. */
export async function pollEvaluate(driver, fn, { timeout = 5000, interval = 25 } = {}, args = []) {
  const start = Date.now();
  let last;
  let lastError;
  for (;;) {
    try {
      last = await driver.evaluate(fn, ...args);
      lastError = undefined;
      if (last) return last;
    } catch (err) {
      // A navigation in progress can destroy the context mid-poll; keep polling.
      lastError = err;
    }
    if (Date.now() - start >= timeout) {
      const what = typeof fn === 'function' ? fn.toString() : String(fn);
      throw new Error(
        `[${driver.name}] waitFor timed out after ${timeout} ms waiting for: ${what.slice(0, 300)}\n` +
          `last value: ${JSON.stringify(last)}` +
          (lastError ? `\nlast error: ${lastError.message}` : ''),
      );
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
