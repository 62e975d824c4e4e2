// Draws what the core decided, inside open shadow roots so the site's CSS
// cannot reach in and ours cannot leak out. Every text comes from _locales.
// The extension's own pages load this file too, for the same texts and elements.
"use strict";

globalThis.plh ??= {};

plh.ui = (() => {
  const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;
  /** warning node → the value its fix button applies */
  const fixes = new WeakMap();
  /** page marker → its warnings container and the codes the user dismissed */
  const pages = new WeakMap();
  /** page warning node → what it was drawn from, to redraw only on change */
  const renderedAs = new WeakMap();

  // `!important` on :host beats the page's own rules for our host element.
  const STYLE = `
    :host { all: initial !important; display: block !important; margin: 6px 0 !important;
      font: 13px/1.5 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif !important;
      color: #1f2328 !important; text-align: start !important; }
    :host([hidden]) { display: none !important; }
    .box { border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; padding: 6px 10px; }
    .kind { font-size: 12px; color: #57606a; }
    .warnings:empty, .notices:empty { display: none; }
    .notice { margin: 4px 0; font-size: 12px; }
    .notice.inactive { border-left: 4px solid #bf8700; padding: 4px 8px; background: #fff; }
    [data-plh-warning] { display: flex; gap: 8px; align-items: center; flex-wrap: wrap;
      border-left: 4px solid; border-radius: 3px; padding: 4px 8px; margin: 4px 0; background: #fff; }
    [data-plh-level="error"] { border-color: #cf222e; }
    [data-plh-level="warning"] { border-color: #bf8700; }
    [data-plh-level="info"] { border-color: #0969da; }
    .msg { flex: 1 1 16em; }
    button { font: inherit; padding: 2px 10px; border: 1px solid #1f6feb; border-radius: 4px;
      background: #1f6feb; color: #fff; cursor: pointer; }
    button:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
    .links { display: flex; gap: 4px 16px; flex-wrap: wrap; align-items: baseline; margin-top: 4px; font-size: 12px; }
    a { color: #0969da; }
    details p { margin: 4px 0; }
    .page [data-plh-warning] { display: block; }
    .checklist { margin: 6px 0; padding-inline-start: 1.4em; }
    .checklist li { margin: 2px 0; }
    .actions { display: flex; gap: 4px 16px; flex-wrap: wrap; align-items: center; margin-top: 4px; }
    button.secondary { background: #fff; color: #1f6feb; }
    summary { cursor: pointer; color: #0969da; }
  `;

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  }

  function shadowHost(tag, attrs) {
    const host = el(tag, attrs);
    const root = host.attachShadow({ mode: "open" });
    root.append(el("style", {}, STYLE));
    return { host, root };
  }

  function pageMarker() {
    const { host, root } = shadowHost("plh-page", { "data-plh-page": "", "data-plh-kinds": "", hidden: "" });
    const warnings = el("div", { class: "warnings", role: "status", "aria-live": "polite" });
    root.append(el("div", { class: "box page", role: "region", "aria-label": t("page_region_label") }, warnings));
    (document.body ?? document.documentElement).append(host);
    pages.set(host, { warnings, dismissed: new Set() });
    return host;
  }

  /** The support line as a link a phone can dial. */
  function telLink() {
    const phone = t("support_phone");
    return el("a", { href: `tel:${phone.replace(/[^\d+]/g, "")}` }, phone);
  }

  function supportLine(key = "support_line") {
    return el("p", {}, t(key), " ", telLink());
  }

  /** Message keys per login, spelled out so a test can find every key in use. */
  const KIND_TEXT = {
    "member-service": {
      kind: "kind_member_service",
      region: "region_label_member_service",
      reset: "reset_password_member_service",
      forgotSummary: "forgot_id_member_service_summary",
      forgot: "forgot_id_member_service",
    },
    "my-page": {
      kind: "kind_my_page",
      region: "region_label_my_page",
      reset: "reset_password_my_page",
      forgotSummary: "forgot_id_my_page_summary",
      forgot: "forgot_id_my_page",
    },
  };

  function forgotId(login) {
    const keys = KIND_TEXT[login.kind];
    const details = el(
      "details",
      { "data-plh-action": "forgot-id" },
      el("summary", {}, t(keys.forgotSummary)),
      el("p", {}, t(keys.forgot)),
    );
    if (login.forgotIdLink) {
      details.append(el("p", {}, el("a", { href: login.forgotIdLink.href }, t("forgot_id_page_link"))));
    }
    details.append(supportLine());
    return details;
  }

  /** The box next to one login: its kind, its warnings, its recovery links. */
  function formMarker(area, login) {
    const keys = KIND_TEXT[login.kind];
    const { host, root } = shadowHost("plh-form", { "data-plh-form": "", "data-plh-kind": login.kind });
    const warnings = el("div", { class: "warnings", role: "status", "aria-live": "polite" });
    const notices = el("div", { class: "notices" });
    const links = el("div", { class: "links" });
    if (login.resetLink) {
      links.append(el("a", { href: login.resetLink.href, "data-plh-action": "reset-password" }, t(keys.reset)));
    }
    links.append(forgotId(login));
    root.append(
      el("div", { class: "box", role: "region", "aria-label": t(keys.region) }, el("div", { class: "kind" }, t(keys.kind)), notices, warnings, links),
    );
    area.after(host);
    return { host, warnings, notices };
  }

  /** 「l（小文字のエル）、1（数字のイチ）」: an ID's risky characters in words. */
  function readback(items) {
    return items.map((r) => t("readback_item", [r.ch, t(r.name)])).join(t("readback_sep"));
  }

  /** A warning's text: its message, with the read-back (if any) as the first substitution. */
  function warningText(w) {
    return t(w.message, w.readback?.length ? [readback(w.readback), ...w.params] : w.params);
  }

  /**
   * Shows exactly `list` for `field`. Nodes of codes still present are updated
   * in place, never rebuilt: a fix button replaced between mousedown and
   * mouseup would swallow the user's click.
   */
  function renderWarnings(marker, field, list, onFix) {
    const keep = new Set(list.map((w) => w.code));
    for (const node of marker.warnings.querySelectorAll(`[data-plh-field="${field}"]`)) {
      if (!keep.has(node.getAttribute("data-plh-warning"))) node.remove();
    }
    for (const w of list) {
      let node = marker.warnings.querySelector(`[data-plh-field="${field}"][data-plh-warning="${w.code}"]`);
      if (!node) {
        node = el("div", { "data-plh-warning": w.code, "data-plh-field": field }, el("span", { class: "msg" }));
        marker.warnings.append(node);
      }
      node.setAttribute("data-plh-level", w.level);
      const text = warningText(w);
      const msg = node.querySelector(".msg");
      if (msg.textContent !== text) msg.textContent = text;
      // The fix value stays in this script's memory (it may be a password), never in the DOM.
      fixes.set(node, w.fix ?? null);
      let button = node.querySelector("button");
      if (w.fix === null || w.fix === undefined) {
        button?.remove();
      } else if (!button) {
        button = el("button", { type: "button", "data-plh-action": "fix", "data-plh-for": w.code }, t("fix_button"));
        button.addEventListener("click", () => {
          const fix = fixes.get(node);
          if (fix !== null && fix !== undefined) onFix(fix);
        });
        node.append(button);
      }
    }
  }

  /** The body of one page-level warning: its text, and for some a link or a checklist. */
  function pageWarningBody(w, report, dismiss) {
    const parts = [el("span", { class: "msg" }, t(w.message, w.params))];
    const actions = el("div", { class: "actions" });
    if (w.href) actions.append(el("a", { href: w.href }, t("similar_link")));
    if (w.checklist.length) {
      const list = el("ul", { class: "checklist" });
      for (const key of w.checklist) {
        const item = el("li", {}, t(key));
        if (key === "check_support") item.append(" ", telLink());
        list.append(item);
      }
      parts.push(list);
      for (const login of report.logins) {
        if (login.resetLink) actions.append(el("a", { href: login.resetLink.href }, t(KIND_TEXT[login.kind].reset)));
      }
      const close = el("button", { type: "button", class: "secondary", "data-plh-action": "dismiss" }, t("dismiss_button"));
      close.addEventListener("click", dismiss);
      actions.append(close);
    }
    if (actions.childElementCount) parts.push(actions);
    return parts;
  }

  /**
   * Page-level guidance in the page marker, shown (not `hidden`) only while
   * there is something to say. A dismissed notice stays away until its
   * condition goes and comes back.
   */
  function renderPage(host, report, anchor) {
    const state = pages.get(host);
    if (anchor?.isConnected && host.nextElementSibling !== anchor && report.warnings.length) anchor.before(host);
    const codes = new Set(report.warnings.map((w) => w.code));
    for (const code of state.dismissed) if (!codes.has(code)) state.dismissed.delete(code);
    const shown = report.warnings.filter((w) => !state.dismissed.has(w.code));
    const keep = new Set(shown.map((w) => w.code));
    for (const node of state.warnings.querySelectorAll("[data-plh-warning]")) {
      if (!keep.has(node.getAttribute("data-plh-warning"))) node.remove();
    }
    for (const w of shown) {
      let node = state.warnings.querySelector(`[data-plh-warning="${w.code}"]`);
      const dismiss = () => {
        state.dismissed.add(w.code);
        node.remove();
        if (!state.warnings.childElementCount) host.hidden = true;
      };
      const key = JSON.stringify([w.message, w.params, w.checklist, report.logins.map((l) => l.resetLink?.href)]);
      if (node && renderedAs.get(node) === key) continue;
      const fresh = el("div", { "data-plh-warning": w.code, "data-plh-field": "page", "data-plh-level": w.level });
      renderedAs.set(fresh, key);
      fresh.append(...pageWarningBody(w, report, () => dismiss()));
      fresh.addEventListener("keydown", (e) => {
        if (e.key === "Escape" && w.checklist.length) dismiss();
      });
      if (node) node.replaceWith(fresh);
      else state.warnings.append(fresh);
      node = fresh;
    }
    host.hidden = shown.length === 0;
  }

  /** 「前回は LINE でログインしました」 and, after months away, what may have happened since. */
  function renderNotices(marker, notices) {
    const nodes = notices.map((n) => el("div", { "data-plh-notice": n.kind, class: `notice ${n.kind}` }, t(n.message, n.params)));
    marker.notices.replaceChildren(...nodes);
  }

  // The building blocks are shared with the popup and options pages, which load this file too.
  return { pageMarker, formMarker, renderWarnings, renderPage, renderNotices, t, el, supportLine, warningText, KIND_TEXT };
})();
