// @ts-check
// The toolbar popup: the active tab's page session answers for its page; the
// core answers for the rest (another site, a page with no login) and for the
// memory. It asks the tab's content script, so it needs no `tabs` permission.
// The report on the page (「このページの問題を報告」) comes from the page's
// core too: shown whole, copied on request, sent nowhere.
import { patch, setAttrs, t } from "../shared/draw.js";
import { toTab } from "../shared/messages.js";
import { ask, ready, translatePage } from "./common.js";

/** @typedef {import("../shared/wire.d.ts").TabView} TabView */
/** @typedef {import("../shared/wire.d.ts").PopupTab} PopupTab */
/** @typedef {import("../shared/wire.d.ts").Press} Press */
/** @typedef {import("../shared/wire.d.ts").Button} Button */
/** @typedef {import("../shared/wire.d.ts").ReportView} ReportView */

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
const report = {
  section: /** @type {HTMLElement} */ (document.getElementById("report")),
  before: /** @type {HTMLElement} */ (document.getElementById("report-before")),
  data: /** @type {HTMLElement} */ (document.getElementById("report-data")),
  after: /** @type {HTMLElement} */ (document.getElementById("report-after")),
  said: /** @type {HTMLElement} */ (document.getElementById("report-said")),
  /** @type {ReportView | null} */
  shown: null,
};

/** Which frame spoke for the tab: its top frame, or (`frames`) a frame of it that holds a login. */
let speaker = { tabId: /** @type {number | null} */ (null), frames: false };

/**
 * What the tab's page shows: its top frame speaks for the tab (a frame from
 * one of the sites inside some other site's page does not); where the top
 * frame has no login, a frame of it that holds one.
 * @param {number} tabId
 */
async function tabStatus(tabId) {
  const top = await toTab(tabId, { type: "status" }, { frameId: 0 });
  speaker = { tabId, frames: false };
  if (top === null || ("parts" in top && top.hasLogin)) return top;
  const frame = await toTab(tabId, { type: "status", frames: true });
  if (frame) speaker = { tabId, frames: true };
  return frame ?? top;
}

/** Asks the frame that spoke for the tab. @param {{ type: "report" }} message */
const toSpeaker = (message) =>
  speaker.tabId === null ? null : toTab(speaker.tabId, { ...message, frames: speaker.frames }, speaker.frames ? {} : { frameId: 0 });

/** The report on the tab's page, shown whole (nothing is sent). */
async function showReport() {
  let answer = await toSpeaker({ type: "report" });
  // Only the loader ran there: it has started the engine, which answers now.
  if (answer && "started" in answer) answer = await toSpeaker({ type: "report" });
  if (!answer || !("report" in answer)) throw new Error("the page gave no report");
  report.shown = answer;
  patch(report.before, report.shown.before, handlers);
  report.data.textContent = JSON.stringify(report.shown.report, null, 2);
  patch(report.after, report.shown.after, handlers);
  report.said.textContent = "";
  report.section.hidden = false;
  report.data.focus();
}

/** Copies the report shown, and says so; where the browser refuses, selects it for the person to copy. */
async function copyReport() {
  if (!report.shown) return;
  try {
    await navigator.clipboard.writeText(report.data.textContent ?? "");
    report.said.textContent = t(report.shown.copied);
  } catch {
    getSelection()?.selectAllChildren(report.data);
    report.said.textContent = t(report.shown.notCopied);
  }
}

const handlers = {
  press: (/** @type {Button} */ b) => {
    const done =
      "report" in b.press ? showReport() : "copy" in b.press ? copyReport() : render(b.press);
    done.catch((e) => console.warn("plh: the popup could not do that:", e));
  },
};

/** @param {Press} [press] */
async function render(press) {
  const tab = await targetTab();
  const status = tab?.id === undefined ? null : await tabStatus(tab.id);
  /** @type {PopupTab | null} */
  const tabInfo = status && "parts" in status ? { type: "page" } : status && "noLogin" in status ? { type: "noLogin", url: status.noLogin } : null;
  const answer = await ask({ op: "popup", tab: tabInfo, press });
  // The core answers `tab: null` only to `{type: "page"}`, sent when `status` is the page's view.
  const shown = answer.tab ?? /** @type {TabView} */ (status);
  setAttrs(view, shown.attrs);
  patch(view, shown.parts, handlers);
  patch(memory, answer.memory, handlers);
}

translatePage();
render()
  .catch((e) => console.warn("plh: the popup could not be drawn:", e))
  .finally(ready);
