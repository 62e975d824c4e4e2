// @ts-check
// The background: the same core as the content scripts, for pages whose CSP
// stops Chromium compiling WebAssembly in a content script. Chrome runs this
// as a service worker, Firefox as a background page; both as a module.
import { reason, startCore } from "./shared/core.js";
import { listen } from "./shared/messages.js";

/** @typedef {import("./shared/wire.d.ts").Request} Request */

/** @type {ReturnType<typeof startCore> | null} */
let core = null;

listen({
  /** @param {{ request: Request }} message */
  async core(message) {
    try {
      core ??= startCore();
      return (await core).call(message.request);
    } catch (e) {
      // A failed start is tried again with the next request.
      core = null;
      return { error: `plh: the core could not start in the background (${reason(e)})` };
    }
  },
});
