// @ts-check
// Starts the Rust core in whichever context imports it: a content script
// whose page lets it compile WebAssembly, the background, the extension's
// own pages. One start-up for the three contexts, and one recovery: a core
// that traps is replaced by a fresh instance of the same compiled module.
// (The glue is wasm-bindgen's, made a factory at build time by
// tools/glue-factory.mjs: `#wasm-glue` is dist/core/plh.js, see package.json.)
import { createGlue } from "#wasm-glue";

/** @typedef {import("./wire.d.ts").Request} Request */
/**
 * The core's answer to a request: `{ok}` with what its op gets, or `{error}`.
 * @template {Request} Q
 * @typedef {import("./wire.d.ts").Answer<import("./wire.d.ts").Answers[Q["op"]]>} AnswerTo
 */
/** @typedef {{ call<Q extends Request>(request: Q): AnswerTo<Q> }} Core */

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
 * A named moment of the start-up, on the page's own timeline. Only the
 * benchmark build has them: every call is a `BENCH:` statement, which the
 * store build drops (tools/bundle.mjs), and this function with them.
 */
export const mark = (/** @type {string} */ name) => performance.mark(`plh:${name}`);

/**
 * The module, fetched and compiled (streaming where the response allows).
 * @param {string} url
 */
async function compile(url) {
  BENCH: mark("wasm-fetch");
  const response = await fetch(url);
  BENCH: mark("wasm-fetched");
  const module = await WebAssembly.compileStreaming(response).catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
  BENCH: mark("wasm-compiled");
  return module;
}

/** @type {Promise<WebAssembly.Module> | null | undefined} */
let compiled;
/**
 * The module, fetched and compiled once per context, starting as soon as this
 * file is evaluated (the engine's first statements, so beside the rest of its
 * start-up); null where this context may not compile WebAssembly.
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

/**
 * A core that outlives its instances. An answer is `{ok}` or `{error}`,
 * never a throw. A throw out of the wasm is a trap (a Rust panic aborts) and
 * leaves that instance untrustworthy: it is dropped and a fresh one made,
 * synchronously, from the compiled module; the request is tried once on it,
 * and if it traps again it is answered with its error (and that instance
 * replaced too), so the next request always meets a working core.
 * @param {WebAssembly.Module} module
 * @returns {Core}
 */
function restarting(module) {
  const instance = () => {
    const glue = createGlue();
    glue.initSync({ module });
    return glue;
  };
  /** @type {ReturnType<typeof createGlue> | null} */
  let glue = instance();
  /** @param {Request} request */
  const once = (request) => {
    try {
      glue ??= instance();
      return { answer: glue.handle(request) };
    } catch (e) {
      glue = null;
      return { trapped: `plh: the core stopped (${reason(e)})` };
    }
  };
  return {
    call(request) {
      const first = once(request);
      if ("answer" in first) return first.answer;
      const again = once(request);
      return "answer" in again ? again.answer : { error: again.trapped };
    },
  };
}

/** The core, instantiated in this context. */
export async function startCore() {
  const module = await (wasmModule() ?? Promise.reject(new Error("no WebAssembly here"))).catch(() => compile(WASM_URL));
  const core = restarting(module);
  BENCH: mark("wasm-instantiated");
  return core;
}
