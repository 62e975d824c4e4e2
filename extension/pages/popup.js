// @ts-check
// The toolbar popup: the active tab's page session answers for its page; the
// core answers for the rest (another site, a page with no login) and for the
// memory. It asks the tab's content script, so it needs no `tabs` permission.
import { patch, setAttrs } from "../shared/draw.js";
import { toTab } from "../shared/messages.js";
import { ask, ready, translatePage } from "./common.js";

/** @typedef {import("../shared/wire.d.ts").TabView} TabView */
/** @typedef {import("../shared/wire.d.ts").PopupTab} PopupTab */
/** @typedef {import("../shared/wire.d.ts").Press} Press */
/** @typedef {import("../shared/wire.d.ts").Button} Button */

/** The tab the popup speaks about: the active one, or (opened as a tab itself) the one used just before. */
async function targetTab() {
  const self = await chrome.tabs.getCurrent();
  if (!self) {
    const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
    return active ?? null;
  }
  const tabs = await chrome.tabs.query({ windowId: self.windowId });
  return tabs.filter((tab) => tab.id !== self.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0] ?? null;
}

const view = /** @type {HTMLElement} */ (document.getElementById("view"));
const memory = /** @type {HTMLElement} */ (document.getElementById("memory-lines"));

/**
 * What the tab's page shows: its top frame speaks for the tab (a frame from
 * one of the sites inside some other site's page does not); where the top
 * frame has no login, a frame of it that holds one.
 * @param {number} tabId
 */
async function tabStatus(tabId) {
  const top = await toTab(tabId, { type: "status" }, { frameId: 0 });
  if (top === null || ("parts" in top && top.hasLogin)) return top;
  return (await toTab(tabId, { type: "status", frames: true })) ?? top;
}

/** @param {Press} [press] */
async function render(press) {
  const tab = await targetTab();
  const status = tab?.id === undefined ? null : await tabStatus(tab.id);
  /** @type {PopupTab | null} */
  const tabInfo = status && "parts" in status ? { type: "page" } : status && "noLogin" in status ? { type: "noLogin", url: status.noLogin } : null;
  const answer = await ask({ op: "popup", tab: tabInfo, press });
  // The core answers `tab: null` only to `{type: "page"}`, sent when `status` is the page's view.
  const shown = answer.tab ?? /** @type {TabView} */ (status);
  const handlers = { press: (/** @type {Button} */ b) => render(b.press).catch((e) => console.warn("plh: the popup could not be redrawn:", e)) };
  setAttrs(view, shown.attrs);
  patch(view, shown.parts, handlers);
  patch(memory, answer.memory, handlers);
}

translatePage();
render()
  .catch((e) => console.warn("plh: the popup could not be drawn:", e))
  .finally(ready);
