// The toolbar popup: what the active Pasona Career tab shows, in one line per
// warning, with the recovery links and the checklist; elsewhere, where the
// login is and what the extension does. It asks the tab's content script, so
// it needs no `tabs` permission.
"use strict";

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

async function askTab(tab) {
  if (!tab) return null;
  try {
    return (await chrome.tabs.sendMessage(tab.id, { plh: "status" })) ?? null;
  } catch {
    // No content script there: not a page the extension runs on.
    return null;
  }
}

function warningLine(w) {
  return el("p", { class: "line", "data-plh-warning": w.code, "data-plh-field": w.field, "data-plh-level": w.level }, warningText(w));
}

async function render() {
  const view = document.getElementById("view");
  const status = await askTab(await targetTab());
  view.replaceChildren();
  if (!status) {
    view.setAttribute("data-plh-popup", "elsewhere");
    view.append(
      el("p", {}, t("popup_not_here")),
      el("p", {}, t("popup_what")),
      el("p", {}, el("a", { href: "https://www.pasonacareer.jp/", target: "_blank", rel: "noopener" }, t("popup_open_site"))),
    );
    return;
  }
  view.setAttribute("data-plh-popup", status.site ?? "unknown");
  view.setAttribute("data-plh-kinds", status.kinds.join(" "));
  if (status.site !== "pasona-career") {
    for (const w of status.pageWarnings) view.append(warningLine(w));
    if (!status.pageWarnings.length) view.append(el("p", {}, t("popup_no_login")));
    view.append(el("p", {}, el("a", { href: "https://www.pasonacareer.jp/", target: "_blank", rel: "noopener" }, t("popup_open_site"))));
    return;
  }
  if (!status.kinds.length) {
    view.append(el("p", {}, t("popup_no_login")));
    return;
  }
  for (const kind of status.kinds) view.append(el("p", { "data-plh-kind": kind }, el("strong", {}, t(KIND_TEXT[kind].kind))));
  const warnings = [...status.pageWarnings, ...status.fieldWarnings];
  view.append(el("h2", {}, t("popup_warnings_title")));
  if (warnings.length) for (const w of warnings) view.append(warningLine(w));
  else view.append(el("p", { class: "muted" }, t("popup_no_warnings")));

  view.append(el("h2", {}, t("popup_links_title")));
  for (const login of status.logins) {
    const texts = KIND_TEXT[login.kind];
    if (login.resetLink) {
      view.append(el("p", {}, el("a", { href: login.resetLink.href, target: "_blank", rel: "noopener", "data-plh-action": "reset-password" }, t(texts.reset))));
    }
    const forgot = el("p", { "data-plh-action": "forgot-id" }, t(texts.forgot));
    if (login.forgotIdLink) forgot.append(" ", el("a", { href: login.forgotIdLink.href, target: "_blank", rel: "noopener" }, t("forgot_id_page_link")));
    view.append(forgot);
  }
  view.append(el("h2", {}, t("popup_checklist_title")));
  const { checklist } = await core({ op: "checklist", kinds: status.kinds });
  const list = el("ul", { class: "checklist" });
  for (const key of checklist) {
    if (key === "check_support") continue;
    list.append(el("li", {}, t(key)));
  }
  view.append(list, supportLine("check_support"));
}

async function renderMemory() {
  await memoryLines(document.getElementById("memory-lines"));
}

translatePage();
document.getElementById("forget").addEventListener("click", async () => {
  await forgetAll();
  await renderMemory();
});
document.getElementById("options").addEventListener("click", (e) => {
  e.preventDefault();
  chrome.runtime.openOptionsPage();
});
Promise.all([render(), renderMemory()]).finally(() => document.body.setAttribute("data-plh-state", "ready"));
