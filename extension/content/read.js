// @ts-check
// Reads the page into the core's snapshot: what a person can see around each
// login-like area. Structure only; no field value is ever read here. The
// ways of walking the DOM are JavaScript's (named in ARCHITECTURE.md: the
// area around a password field, the section its links belong to, the
// nearest text before a field, which elements are messages); how far each
// goes is the core's, in `limits`.

/** @typedef {import("../shared/wire.d.ts").Limits} Limits */
/** @typedef {import("../shared/wire.d.ts").PageSnapshot} PageSnapshot */
/** @typedef {import("../shared/wire.d.ts").FormSnapshot} FormSnapshot */
/** @typedef {import("../shared/wire.d.ts").FieldSnapshot} FieldSnapshot */
/** @typedef {import("../shared/wire.d.ts").LinkSnapshot} LinkSnapshot */
/** @typedef {import("../shared/wire.d.ts").BrowserSignals} BrowserSignals */

const TABLE_PARTS = new Set(["TR", "TD", "TH", "TBODY", "THEAD", "TFOOT"]);
const SKIPPED_TYPES = new Set(["hidden", "submit", "button", "image", "reset", "file"]);
const CONTROLS = "input, select, textarea";
export const BUTTONS = 'button, input[type="submit" i], input[type="button" i], input[type="image" i], [role="button"]';
const HEADINGS = "h1,h2,h3,h4,h5,h6,legend,caption,[role=heading]";
/** Where sites put messages such as 「IDまたはパスワードが正しくありません」. */
export const MESSAGES =
  '[role="alert"], [aria-live="assertive"], [aria-live="polite"], .error, .errors, .err, .alert, .caution, .warning, .notice, [class*="error" i], [class*="alert" i], [id*="error" i]';
/**
 * @param {Limits} limits
 * @param {string} ours the extension's own elements, as the core names them (`markers`): never read
 */
export function reader(limits, ours) {
  /** @param {Element} el */
  const isOurs = (el) => el.matches?.(ours) ?? false;
  const clean = (/** @type {string | null | undefined} */ s) => (s ?? "").replace(/\s+/g, " ").trim().slice(0, limits.text);
  const textOf = (/** @type {Element | null | undefined} */ el) => clean(el?.textContent);

  /** @param {Element} el */
  function isHidden(el) {
    if (/** @type {HTMLElement} */ (el).hidden || /** @type {HTMLInputElement} */ (el).type === "hidden") return true;
    return el.getClientRects().length === 0;
  }

  /**
   * The area a password field belongs to: its form, or the smallest ancestor
   * that also holds an ID field.
   * @param {HTMLInputElement} password
   */
  function areaOf(password) {
    /** @type {Element | null} */
    let area = password.form ?? password.closest("form");
    if (!area) {
      area = password.parentElement;
      for (let depth = 0; area && depth < limits.areaDepth; depth++) {
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

  /** @param {Element} el */
  function precedingText(el) {
    /** @type {Element | null} */
    let node = el;
    for (let depth = 0; node && depth < 3; depth++) {
      for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (prev.matches(CONTROLS) || prev.querySelector(CONTROLS)) return "";
        const text = textOf(prev);
        if (text) return text.slice(-80);
      }
      // Text directly before the field in the same element ("ID: <input>").
      let sibling = node.previousSibling;
      while (sibling && sibling.nodeType === Node.TEXT_NODE) {
        const text = clean(sibling.textContent);
        if (text) return text;
        sibling = sibling.previousSibling;
      }
      node = node.parentElement;
    }
    return "";
  }

  /**
   * Texts of the elements named by an id list, in the field's own tree.
   * @param {string | null} ids
   * @param {Element} from
   */
  function byIds(ids, from) {
    const root = /** @type {Document | ShadowRoot} */ (from.getRootNode());
    const lookup = typeof root.getElementById === "function" ? root : document;
    return (ids ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => textOf(lookup.getElementById(id)))
      .join(" ");
  }

  /** @param {HTMLInputElement} el */
  function labelOf(el) {
    const parts = [];
    for (const label of el.labels ?? []) parts.push(textOf(label));
    parts.push(el.getAttribute("aria-label") ?? "", byIds(el.getAttribute("aria-labelledby"), el));
    const cell = el.closest("td");
    if (cell) {
      const header = cell.parentElement?.querySelector("th");
      parts.push(header ? textOf(header) : textOf(cell.previousElementSibling));
    }
    const dd = el.closest("dd");
    if (dd && dd.previousElementSibling?.tagName === "DT") parts.push(textOf(dd.previousElementSibling));
    if (!parts.some(Boolean)) parts.push(precedingText(el));
    parts.push(el.title ?? "");
    return clean(parts.filter(Boolean).join(" "));
  }

  /** @param {Element} el */
  function helpOf(el) {
    const parts = [byIds(el.getAttribute("aria-describedby"), el)];
    const next = el.nextElementSibling;
    if (next && !isOurs(next) && !next.matches(CONTROLS) && !next.querySelector(CONTROLS)) parts.push(textOf(next));
    return clean(parts.filter(Boolean).join(" "));
  }

  /**
   * @param {HTMLInputElement} el
   * @returns {FieldSnapshot}
   */
  function field(el) {
    const max = el.getAttribute("maxlength");
    return {
      tag: el.tagName.toLowerCase(),
      type: (el.getAttribute("type") ?? "").toLowerCase(),
      name: clean(el.getAttribute("name")),
      id: clean(el.id),
      autocomplete: clean(el.getAttribute("autocomplete")),
      maxlength: max !== null && /^\d+$/.test(max) ? Number(max) : null,
      pattern: clean(el.getAttribute("pattern")),
      inputmode: clean(el.getAttribute("inputmode")),
      placeholder: clean(el.getAttribute("placeholder")),
      label: labelOf(el),
      help: helpOf(el),
      hidden: isHidden(el),
    };
  }

  /**
   * @param {HTMLAnchorElement} a
   * @returns {LinkSnapshot}
   */
  function link(a) {
    const text = textOf(a) || clean(a.getAttribute("aria-label")) || clean(a.querySelector("img")?.alt);
    // Only short links ("こちら") need the sentence they sit in.
    const context = text.length <= limits.shortLink ? textOf(a.parentElement) : "";
    return { text, href: a.href, context };
  }

  /** @param {Element} b */
  function buttonText(b) {
    const i = /** @type {HTMLInputElement} */ (b);
    return clean(b.textContent || i.value || i.alt || b.getAttribute("aria-label"));
  }

  /** @param {Element} area */
  function headingBefore(area) {
    /** @type {Element | null} */
    let node = area;
    for (let depth = 0; node && depth < 3; depth++) {
      for (let prev = node.previousElementSibling, n = 0; prev && n < 4; prev = prev.previousElementSibling, n++) {
        const h = prev.matches("h1,h2,h3,h4,h5,h6,[role=heading]") ? prev : prev.querySelector("h1,h2,h3,h4,h5,h6,[role=heading]");
        if (h) return textOf(h);
      }
      node = node.parentElement;
    }
    return "";
  }

  /**
   * The links that speak for this area: those in it and around it, up to
   * where another area starts.
   * @param {Element} area
   * @param {Element[]} areas
   */
  function sectionOf(area, areas) {
    let section = area;
    for (let depth = 0; depth < limits.sectionDepth; depth++) {
      const up = section.parentElement;
      if (!up || up === document.body || up === document.documentElement) break;
      if (areas.some((other) => other !== area && up.contains(other))) break;
      section = up;
    }
    return section;
  }

  /**
   * Visible message texts in `root`, outside the extension's own elements,
   * and the element of each (a notice may be placed right after one).
   * @param {ParentNode} root
   */
  function messages(root) {
    /** @type {string[]} */
    const texts = [];
    /** @type {Element[]} */
    const elements = [];
    for (const el of root.querySelectorAll(MESSAGES)) {
      if (texts.length >= limits.messages) break;
      if (el.closest(ours) || isHidden(el)) continue;
      const text = textOf(el);
      if (text && !texts.includes(text)) {
        texts.push(text);
        elements.push(el);
      }
    }
    return { texts, elements };
  }

  /** The document and every open shadow root in it (web components): logins live in both. */
  function roots() {
    /** @type {(Document | ShadowRoot)[]} */
    const out = [document];
    for (let i = 0; i < out.length && out.length < limits.roots; i++) {
      for (const el of out[i].querySelectorAll("*")) {
        if (el.shadowRoot && !isOurs(el) && out.length < limits.roots) out.push(el.shadowRoot);
      }
    }
    return out;
  }

  /**
   * Candidate areas: around each password field, and each form with one
   * text-like field and a button (the first step of a two-step login, or a
   * search form: the core tells them apart).
   * @param {(Document | ShadowRoot)[]} trees
   */
  function areasIn(trees) {
    /** @type {Element[]} */
    const areas = [];
    const add = (/** @type {Element} */ area) => {
      if (!areas.includes(area) && areas.length < limits.areas) areas.push(area);
    };
    for (const root of trees) {
      for (const pw of root.querySelectorAll('input[type="password" i]')) add(areaOf(/** @type {HTMLInputElement} */ (pw)));
    }
    for (const root of trees) {
      for (const form of root.querySelectorAll("form")) {
        if (form.querySelector('input[type="password" i]') || !form.querySelector(BUTTONS)) continue;
        const ids = [...form.querySelectorAll("input")].filter((i) => !SKIPPED_TYPES.has(i.type) && !isHidden(i));
        if (ids.length === 1) add(form);
      }
    }
    return areas;
  }

  function read() {
    const trees = roots();
    const areas = areasIn(trees);
    const fields = areas.map((area) =>
      /** @type {HTMLInputElement[]} */ ([...area.querySelectorAll(CONTROLS)].filter((el) => /** @type {HTMLInputElement} */ (el).type !== "hidden").slice(0, limits.fields)),
    );
    /** @type {Element[][]} */
    const messageElements = [];
    const forms = areas.map(/** @returns {FormSnapshot} */ (area, i) => {
      const section = sectionOf(area, areas);
      const errors = messages(section);
      messageElements.push(errors.elements);
      return {
        fields: fields[i].map(field),
        errors: errors.texts,
        // Where the area starts on the page (a notice that must be on the
        // first screen goes elsewhere when the form is far down).
        top: Math.round(area.getBoundingClientRect().top + scrollY),
        links: [...section.querySelectorAll("a[href]")].slice(0, limits.links).map((a) => link(/** @type {HTMLAnchorElement} */ (a))),
        buttons: [...area.querySelectorAll(BUTTONS)].slice(0, limits.buttons).map(buttonText),
        text: clean([headingBefore(area), ...[...area.querySelectorAll(HEADINGS)].map(textOf)].join(" ")),
      };
    });
    const alerts = messages(document);
    /** @type {PageSnapshot} */
    const page = {
      // Origin and path only: a query string may carry tokens that are none of our business.
      url: location.origin + location.pathname,
      title: clean(document.title),
      headings: [...document.querySelectorAll("h1, h2")].slice(0, limits.headings).map(textOf),
      links: [...document.querySelectorAll("a[href]")]
        .filter((a) => !a.closest(ours))
        .slice(0, limits.pageLinks)
        .map((a) => link(/** @type {HTMLAnchorElement} */ (a))),
      alerts: alerts.texts,
      forms,
      viewportHeight: innerHeight,
    };
    return {
      page,
      areas,
      fields,
      messages: { areas: messageElements, page: alerts.elements },
      shadowRoots: /** @type {ShadowRoot[]} */ (trees.slice(1)),
    };
  }

  return { read, isOurs };
}

/**
 * What the browser verdict needs; no fingerprinting beyond it.
 * @returns {BrowserSignals}
 */
export function browserSignals() {
  const data = /** @type {any} */ (navigator).userAgentData;
  return {
    userAgent: navigator.userAgent,
    brands: (data?.brands ?? []).map((/** @type {any} */ b) => ({ brand: String(b.brand), version: String(b.version) })),
    mobile: Boolean(data?.mobile),
    platform: String(data?.platform ?? ""),
    brave: "brave" in navigator,
  };
}
