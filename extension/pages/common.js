// @ts-check
// What the popup and the options page share: the core, storage, the page's
// static texts, and drawing a view with its presses sent back to the core.
import { startCore } from "../shared/core.js";
import { t } from "../shared/draw.js";
import { applyEffects, readStored } from "../shared/storage.js";

/** @typedef {import("../shared/wire.d.ts").Request} Request */
/** @typedef {import("../shared/wire.d.ts").Answers} Answers */
/** @typedef {import("../shared/wire.d.ts").Stored} Stored */
/** @typedef {import("../shared/wire.d.ts").Env} Env */
/**
 * A request of the popup or the options page, before `ask` adds storage and
 * the moment.
 * @typedef {Omit<Extract<Request, { op: "popup" }>, "stored" | "env"> | Omit<Extract<Request, { op: "options" }>, "stored" | "env">} PagesRequest
 */

const core = startCore();
/** @type {Promise<{ sync: string[], local: string[] }> | undefined} */
let storageKeys;

/**
 * Asks the core with storage as it is now, applies the effects of the answer.
 * @template {PagesRequest} Q
 * @param {Q} request
 * @returns {Promise<Answers[Q["op"]]>}
 */
export async function ask(request) {
  // Which storage keys the core reads does not change: asked once.
  storageKeys ??= core.then((c) => {
    const started = c.call({ op: "start" });
    return "ok" in started ? started.ok.keys : { sync: [], local: [] };
  });
  const stored = await readStored(await storageKeys);
  /** @type {Q & { stored: Stored | null, env: Env }} */
  const full = { ...request, stored, env: { nowMs: Date.now() } };
  const answer = (await core).call(full);
  if (!("ok" in answer)) throw new Error(answer.error);
  // The answer of this op (narrowing `answer` widened it to every op's).
  const ok = /** @type {Answers[Q["op"]]} */ (answer.ok);
  await applyEffects(ok.effects);
  return ok;
}

/** The static texts of the page (headings, titles) in the user's language. */
export function translatePage() {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = t({ key: /** @type {string} */ (node.getAttribute("data-i18n")), args: [] });
  }
}

/** Marks the page drawn (tests wait for it). */
export const ready = () => document.body.setAttribute("data-plh-state", "ready");
