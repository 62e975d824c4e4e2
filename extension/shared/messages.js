// @ts-check
// The one message protocol between the extension's contexts. Every message
// is `{type, ...}`:
//   {type: "core", request}  content script → background: the core's answer,
//                            where the page forbids wasm in the content script
//   {type: "status"}         popup → tab: what the page shows
//   {type: "report"}         popup → tab: the report on the page (where only
//                            the loader runs, it starts the engine and
//                            answers {started}: the popup asks again)
// Answers are `{ok}` / `{error}` for "core", the popup's view for "status"
// (`Replies` below).
import { reason } from "./core.js";

/** @typedef {import("./wire.d.ts").Request} Request */
/** @typedef {import("./wire.d.ts").TabView} TabView */
/** @typedef {import("./wire.d.ts").ReportView} ReportView */
/**
 * @template {Request} Q
 * @typedef {import("./core.js").AnswerTo<Q>} AnswerTo
 */
/**
 * A message between the extension's contexts (not the core's wire: that is
 * `wire.d.ts`; `trap` only in the tests, see src/protocol.rs).
 * @typedef {{ type: "core", request: Request } | { type: "status", frames?: boolean } | { type: "report", frames?: boolean } | { type: "trap" }} Message
 */
/**
 * What `status` is answered: the page session's view of the tab, or (the
 * loader, where no engine runs) the page's origin; `null` from a frame
 * without a login.
 * @typedef {TabView | { noLogin: string } | null} Status
 */
/**
 * What `report` is answered: the page session's report, or (the loader,
 * where no engine ran) that the engine has started and answers the next
 * ask; `null` from a frame without a login.
 * @typedef {ReportView | { started: true } | null} ReportReply
 */
/**
 * What each message is answered, by its type: the sender's and the
 * handler's sides are held to the same shape.
 * @typedef {{ core: AnswerTo<Request>, status: Status, report: ReportReply, trap: AnswerTo<{ op: "trap" }> }} Replies
 */

/** The extension context is gone (updated, reloaded or disabled): this script is an orphan. */
export const orphaned = () => !globalThis.chrome?.runtime?.id;

/**
 * Sends to the background. A request lost because the worker stopped in the
 * middle of it is sent once more; then its failure is the answer.
 * @template {Request} Q
 * @param {{ type: "core", request: Q }} message
 * @returns {Promise<AnswerTo<Q>>}
 */
export async function toBackground(message) {
  /** @type {unknown} */
  let last = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (orphaned()) return { error: "plh: the extension is gone" };
    try {
      const answer = await chrome.runtime.sendMessage(message);
      if (answer !== undefined) return answer;
      last = "no answer";
    } catch (e) {
      last = e;
    }
  }
  return { error: `plh: the background did not answer (${reason(last)})` };
}

/**
 * Asks a tab's content script: the top frame's (`frameId` 0), or with
 * `frames`, whichever frame answers; `null` where none does.
 * @template {"status" | "report"} T
 * @param {number} tabId
 * @param {Extract<Message, { type: T }> & { type: T }} message
 * @param {{ frameId?: number }} [options]
 * @returns {Promise<Replies[T]>}
 */
export async function toTab(tabId, message, options = {}) {
  try {
    return (await chrome.tabs.sendMessage(tabId, message, options)) ?? null;
  } catch {
    return null;
  }
}

/**
 * The context's one listener: a handler per message type, for messages from
 * this extension only. A handler that returns `undefined` leaves the message
 * to another frame (when a message goes to every frame of a tab, the first
 * answer wins); a handler's failure is answered with its reason.
 * @param {{ [T in Message["type"]]?: (message: Extract<Message, { type: T }>) => Promise<Replies[T]> | undefined }} handlers
 */
export function listen(handlers) {
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const handler = sender.id === chrome.runtime.id ? handlers[/** @type {Message["type"]} */ (message?.type)] : undefined;
    if (!handler) return false;
    let answer;
    try {
      answer = handler(message);
    } catch (e) {
      sendResponse({ error: reason(e) });
      return false;
    }
    if (answer === undefined) return false;
    answer.then(sendResponse, (e) => sendResponse({ error: reason(e) }));
    return true;
  });
}
