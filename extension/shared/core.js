// @ts-check
// Starts the Rust core in whichever context imports it: a content script
// whose page lets it compile WebAssembly, the background, the extension's
// own pages. One start-up for the three contexts.
import init, { handle } from "../wasm/plh.js";

/** @typedef {import("./types.js").Answer} Answer */
/** @typedef {{ call(request: object): Answer }} Core */

const WASM_URL = chrome.runtime.getURL("wasm/plh_bg.wasm");

/**
 * Whether this context may compile WebAssembly: Chromium refuses in a content
 * script under a page CSP without 'wasm-unsafe-eval'. An 8-byte empty module
 * answers in microseconds, before anything is fetched for nothing.
 */
function wasmAllowed() {
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return true;
  } catch {
    return false;
  }
}

/** Why something failed, in words (never the request: it may hold what the user typed). */
export const reason = (/** @type {unknown} */ e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * Wraps an instance's `handle`: an answer is `{ok}` or `{error}`, never a
 * throw. A trap (a panic) leaves the instance untrustworthy: it answers
 * errors from then on, and `broken()` tells the caller to go elsewhere.
 * @param {(request: object) => any} handleFn
 * @returns {Core & { broken: () => boolean }}
 */
function wrap(handleFn) {
  /** @type {string | null} */
  let broken = null;
  return {
    call(request) {
      if (broken) return { error: broken };
      try {
        return handleFn(request);
      } catch (e) {
        broken = `plh: the core stopped (${reason(e)})`;
        return { error: broken };
      }
    },
    broken: () => broken !== null,
  };
}

/** A named moment of the start-up, on the page's own timeline (the benchmark reads them). */
export const mark = (/** @type {string} */ name) => performance.mark(`plh:${name}`);

/**
 * The wasm module, fetched and compiled (streaming where the response allows).
 * @param {string} url
 */
async function compile(url) {
  mark("wasm-fetch");
  const response = await fetch(url);
  mark("wasm-fetched");
  const module = await WebAssembly.compileStreaming(response).catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
  mark("wasm-compiled");
  return module;
}

/** @type {Promise<WebAssembly.Module> | null | undefined} */
let compiled;
/**
 * The module, fetched and compiled once per context, starting as soon as this
 * file is evaluated (the loader asks for it early, beside the engine's other
 * files); null where this context may not compile WebAssembly.
 */
export function wasmModule() {
  if (compiled === undefined) {
    compiled = wasmAllowed() ? compile(WASM_URL) : null;
    // Awaited by startCore (which compiles again if this failed): never unhandled.
    compiled?.catch(() => {});
  }
  return compiled;
}
wasmModule();

/** The core, instantiated in this context. */
export async function startCore() {
  const module = await (wasmModule() ?? Promise.reject(new Error("no WebAssembly here"))).catch(() => compile(WASM_URL));
  await init({ module_or_path: module });
  mark("wasm-instantiated");
  return wrap(handle);
}
