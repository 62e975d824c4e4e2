// Reads the page into the core's PageSnapshot: what a person can see near
// each password field. Structure only; no field value is ever read here.
"use strict";

globalThis.plh ??= {};

plh.snapshot = (() => {
  const MAX_AREAS = 20;
  const MAX_FIELDS = 40;
  const MAX_LINKS = 60;
  const MAX_PAGE_LINKS = 200;
  const TABLE_PARTS = new Set(["TR", "TD", "TH", "TBODY", "THEAD", "TFOOT"]);
  const SKIPPED_TYPES = new Set(["hidden", "submit", "button", "image", "reset", "file"]);
  const CONTROLS = "input, select, textarea";
  /** Where sites put messages such as 「IDまたはパスワードが正しくありません」. */
  const MESSAGES =
    '[role="alert"], [aria-live="assertive"], [aria-live="polite"], .error, .errors, .err, .alert, .caution, .warning, .notice, [class*="error" i], [class*="alert" i], [id*="error" i]';
  const MAX_MESSAGES = 20;

  const clean = (s, max = 200) => (s ?? "").replace(/\s+/g, " ").trim().slice(0, max);
  const textOf = (el, max) => clean(el?.textContent, max);
  const isOurs = (el) => el.hasAttribute?.("data-plh-page") || el.hasAttribute?.("data-plh-form");

  function isHidden(el) {
    if (el.hidden || el.type === "hidden") return true;
    return el.getClientRects().length === 0;
  }

  /** The area a password field belongs to: its form, or the smallest ancestor that also holds a text input. */
  function areaOf(password) {
    let area = password.form ?? password.closest("form");
    if (!area) {
      area = password.parentElement;
      for (let depth = 0; area && depth < 6; depth++) {
        const hasIdField = [...area.querySelectorAll("input")].some(
          (i) => i !== password && !SKIPPED_TYPES.has(i.type) && i.type !== "password",
        );
        if (hasIdField || !area.parentElement || area.parentElement === document.body) break;
        area = area.parentElement;
      }
    }
    // A marker inserted inside a table would break the table's layout.
    while (area && TABLE_PARTS.has(area.tagName)) area = area.parentElement;
    return area ?? document.body;
  }

  function precedingText(el) {
    let node = el;
    for (let depth = 0; node && depth < 3; depth++) {
      for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (prev.matches(CONTROLS) || prev.querySelector(CONTROLS)) return "";
        const text = textOf(prev, 120);
        if (text) return text.slice(-80);
      }
      // Text directly before the field in the same element ("ID: <input>").
      let sibling = node.previousSibling;
      while (sibling && sibling.nodeType === Node.TEXT_NODE) {
        const text = clean(sibling.textContent, 80);
        if (text) return text;
        sibling = sibling.previousSibling;
      }
      node = node.parentElement;
    }
    return "";
  }

  /** Texts of the elements named by an id list, looked up in the field's own tree (document or shadow root). */
  function byIds(ids, from) {
    const root = from.getRootNode();
    const lookup = typeof root.getElementById === "function" ? root : document;
    return (ids ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => textOf(lookup.getElementById(id), 120))
      .join(" ");
  }

  function labelOf(el) {
    const parts = [];
    for (const label of el.labels ?? []) parts.push(textOf(label, 120));
    parts.push(el.getAttribute("aria-label") ?? "", byIds(el.getAttribute("aria-labelledby"), el));
    const cell = el.closest("td");
    if (cell) {
      const header = cell.parentElement?.querySelector("th");
      parts.push(header ? textOf(header, 120) : textOf(cell.previousElementSibling, 120));
    }
    const dd = el.closest("dd");
    if (dd && dd.previousElementSibling?.tagName === "DT") parts.push(textOf(dd.previousElementSibling, 120));
    if (!parts.some(Boolean)) parts.push(precedingText(el));
    parts.push(el.title ?? "");
    return clean(parts.filter(Boolean).join(" "));
  }

  function helpOf(el) {
    const parts = [byIds(el.getAttribute("aria-describedby"), el)];
    const next = el.nextElementSibling;
    if (next && !next.matches(CONTROLS) && !next.querySelector(CONTROLS)) parts.push(textOf(next, 160));
    return clean(parts.filter(Boolean).join(" "));
  }

  function field(el) {
    const max = el.getAttribute("maxlength");
    return {
      tag: el.tagName.toLowerCase(),
      type: (el.getAttribute("type") ?? "").toLowerCase(),
      name: clean(el.getAttribute("name"), 80),
      id: clean(el.id, 80),
      autocomplete: clean(el.getAttribute("autocomplete"), 80),
      maxlength: max !== null && /^\d+$/.test(max) ? Number(max) : null,
      pattern: clean(el.getAttribute("pattern"), 80),
      inputmode: clean(el.getAttribute("inputmode"), 20),
      placeholder: clean(el.getAttribute("placeholder"), 120),
      label: labelOf(el),
      help: helpOf(el),
      hidden: isHidden(el),
    };
  }

  function link(a) {
    const text = textOf(a, 120) || clean(a.getAttribute("aria-label")) || clean(a.querySelector("img")?.alt);
    // Only short links ("こちら") need the sentence they sit in.
    const context = text.length <= 8 ? textOf(a.parentElement, 120) : "";
    return { text, href: a.href, context };
  }

  function buttonText(b) {
    return clean(b.textContent || b.value || b.alt || b.getAttribute("aria-label"), 80);
  }

  function headingBefore(area) {
    let node = area;
    for (let depth = 0; node && depth < 3; depth++) {
      for (let prev = node.previousElementSibling, n = 0; prev && n < 4; prev = prev.previousElementSibling, n++) {
        const h = prev.matches("h1,h2,h3,h4,h5,h6,[role=heading]") ? prev : prev.querySelector("h1,h2,h3,h4,h5,h6,[role=heading]");
        if (h) return textOf(h, 120);
      }
      node = node.parentElement;
    }
    return "";
  }

  /** The links that speak for this area: those in it and around it, up to where another area starts. */
  function sectionOf(area, areas) {
    let section = area;
    for (let depth = 0; depth < 4; depth++) {
      const up = section.parentElement;
      if (!up || up === document.body || up === document.documentElement) break;
      if (areas.some((other) => other !== area && up.contains(other))) break;
      section = up;
    }
    return section;
  }

  /** Visible message texts in `root`, outside our own markers. */
  function messages(root) {
    const out = [];
    for (const el of root.querySelectorAll(MESSAGES)) {
      if (out.length >= MAX_MESSAGES) break;
      if (isOurs(el) || isHidden(el)) continue;
      const text = textOf(el, 300);
      if (text && !out.includes(text)) out.push(text);
    }
    return out;
  }

  const MAX_ROOTS = 50;

  /** The document and every open shadow root in it (web components): logins live in both. */
  function roots() {
    const out = [document];
    for (let i = 0; i < out.length && out.length < MAX_ROOTS; i++) {
      for (const el of out[i].querySelectorAll("*")) {
        if (el.shadowRoot && !isOurs(el) && out.length < MAX_ROOTS) out.push(el.shadowRoot);
      }
    }
    return out;
  }

  function read() {
    const trees = roots();
    const passwords = trees.flatMap((root) => [...root.querySelectorAll('input[type="password" i]')]);
    const areas = [];
    for (const pw of passwords) {
      const area = areaOf(pw);
      if (!areas.includes(area) && areas.length < MAX_AREAS) areas.push(area);
    }
    const fields = areas.map((area) =>
      [...area.querySelectorAll(CONTROLS)].filter((el) => el.type !== "hidden").slice(0, MAX_FIELDS),
    );
    const forms = areas.map((area, i) => {
      const section = sectionOf(area, areas);
      return {
        fields: fields[i].map(field),
        errors: messages(section),
        links: [...section.querySelectorAll("a[href]")].slice(0, MAX_LINKS).map(link),
        buttons: [...area.querySelectorAll('button, input[type="submit" i], input[type="button" i], input[type="image" i], [role="button"]')]
          .slice(0, 20)
          .map(buttonText),
        text: clean(
          [headingBefore(area), ...[...area.querySelectorAll("h1,h2,h3,h4,h5,h6,legend,caption,[role=heading]")].map((h) => textOf(h, 120))].join(" "),
          300,
        ),
      };
    });
    const page = {
      // Origin and path only: a query string may carry tokens that are none of our business.
      url: location.origin + location.pathname,
      title: clean(document.title, 200),
      headings: [...document.querySelectorAll("h1, h2")].slice(0, 10).map((h) => textOf(h, 120)),
      links: [...document.querySelectorAll("a[href]")].filter((a) => !isOurs(a)).slice(0, MAX_PAGE_LINKS).map(link),
      alerts: messages(document),
      forms,
    };
    return { page, areas, fields, shadowRoots: trees.slice(1) };
  }

  /** What the page-level browser verdict needs; no fingerprinting beyond it. */
  function browser() {
    const data = navigator.userAgentData;
    return {
      userAgent: navigator.userAgent,
      brands: (data?.brands ?? []).map((b) => ({ brand: String(b.brand), version: String(b.version) })),
      mobile: Boolean(data?.mobile),
      platform: String(data?.platform ?? ""),
      brave: "brave" in navigator,
    };
  }

  return { read, browser, MESSAGES };
})();
