// @ts-check
// Draws the core's views: texts from _locales, small trees of parts, every
// attribute as given. It decides nothing: what to show, in which order, with
// which attribute, all comes with the view. Redraws update elements in place
// (a button under the user's pointer replaced between mousedown and mouseup
// would swallow the click).

/** @typedef {import("./wire.d.ts").Text} Text */
/** @typedef {import("./wire.d.ts").Part} Part */
/** @typedef {NonNullable<Part["attrs"]>} Attrs */
/** @typedef {import("./wire.d.ts").Button} Button */
/** @typedef {{ press(button: Button): void, toggle?(setting: string, on: boolean): void }} Handlers */

const DAY_MS = 86_400_000;

/**
 * A text in the user's language, its arguments drawn first.
 * @param {Text} text
 * @returns {string}
 */
export function t(text) {
  const args = text.args.map((a) => {
    if (typeof a === "string") return a;
    if ("list" in a) return a.list.map(t).join(t({ key: a.sep, args: [] }));
    if ("date" in a) {
      const format = new Intl.DateTimeFormat(chrome.i18n.getUILanguage(), { dateStyle: "long", timeZone: "UTC" });
      return format.format(new Date(a.date * DAY_MS));
    }
    return t(a);
  });
  return chrome.i18n.getMessage(text.key, args) || text.key;
}

/** Attributes each element got from a view, to drop those a later view leaves out. */
const given = new WeakMap();

/**
 * @param {Element} el
 * @param {Attrs | undefined} attrs
 */
export function setAttrs(el, attrs = []) {
  const names = new Set();
  for (const [name, value] of attrs) {
    const v = typeof value === "string" ? value : t(value);
    if (el.getAttribute(name) !== v) el.setAttribute(name, v);
    names.add(name);
  }
  for (const old of given.get(el) ?? []) if (!names.has(old)) el.removeAttribute(old);
  given.set(el, names);
}

/** Which part an element was drawn from (kind and key), to reuse it. */
const drawnAs = new WeakMap();
/** A button's part, read when it is clicked. */
const buttons = new WeakMap();
/** What Escape inside an element presses. */
const escapes = new WeakMap();

/** @param {Part} p */
const kindOf = (p) =>
  p.text ? "text" : p.block ? "block" : p.list ? "list" : p.link ? "link" : p.button ? "button" : p.details ? "details" : "toggle";

/**
 * @param {Document} doc
 * @param {string} kind
 * @param {Handlers} on
 */
function create(doc, kind, on) {
  switch (kind) {
    case "text":
      return doc.createElement("span");
    case "block": {
      const div = doc.createElement("div");
      div.addEventListener("keydown", (e) => {
        const press = escapes.get(div);
        if (press && e.isTrusted && e.key === "Escape") on.press({ press, label: { key: "", args: [] } });
      });
      return div;
    }
    case "list":
      return doc.createElement("ul");
    case "link":
      return doc.createElement("a");
    case "button": {
      const b = doc.createElement("button");
      b.type = "button";
      // Only a person's press counts: a page can reach into an open shadow
      // root and call click(), which must not apply a fix or close a notice.
      b.addEventListener("click", (e) => e.isTrusted && on.press(buttons.get(b)));
      return b;
    }
    case "details": {
      const d = doc.createElement("details");
      d.append(doc.createElement("summary"), doc.createElement("div"));
      return d;
    }
    default: {
      const label = doc.createElement("label");
      const box = doc.createElement("input");
      box.type = "checkbox";
      box.addEventListener("change", (e) => e.isTrusted && on.toggle?.(buttons.get(box), box.checked));
      label.append(box, doc.createElement("span"));
      return label;
    }
  }
}

/**
 * @param {Element} el
 * @param {string} text
 */
const setText = (el, text) => {
  if (el.textContent !== text) el.textContent = text;
};

/**
 * @param {Element} el
 * @param {Part} part
 * @param {Handlers} on
 */
function update(el, part, on) {
  if (part.text) setText(el, t(part.text));
  if (part.block) {
    patch(el, part.block, on);
    if (part.escape) escapes.set(el, part.escape);
    else escapes.delete(el);
  }
  if (part.list) {
    const items = part.list.map((item, i) => {
      const li = el.children[i] ?? el.ownerDocument.createElement("li");
      patch(li, item, on);
      return li;
    });
    sync(el, items);
  }
  if (part.link) {
    const a = /** @type {HTMLAnchorElement} */ (el);
    if (a.getAttribute("href") !== part.link.href) a.href = part.link.href;
    setText(a, t(part.link.text));
    if (part.link.newTab) {
      a.target = "_blank";
      a.rel = "noopener";
    }
  }
  if (part.button) {
    buttons.set(el, part.button);
    setText(el, t(part.button.label));
  }
  if (part.details) {
    setText(/** @type {Element} */ (el.firstElementChild), t(part.details.summary));
    patch(/** @type {Element} */ (el.lastElementChild), part.details.parts, on);
  }
  if (part.toggle) {
    const box = /** @type {HTMLInputElement} */ (el.firstElementChild);
    buttons.set(box, part.toggle.setting);
    box.checked = part.toggle.on;
    setText(/** @type {Element} */ (el.lastElementChild), t(part.toggle.label));
    setAttrs(box, part.attrs);
    return;
  }
  setAttrs(el, part.attrs);
}

/**
 * Puts `nodes` in `container` in order, moving only what must move.
 * @param {Element} container
 * @param {Element[]} nodes
 */
function sync(container, nodes) {
  nodes.forEach((node, i) => {
    if (container.children[i] !== node) container.insertBefore(node, container.children[i] ?? null);
  });
  while (container.children.length > nodes.length) /** @type {Element} */ (container.lastElementChild).remove();
}

/**
 * Makes `container`'s children show `parts`, reusing the element each part
 * was drawn into before (same kind and key).
 * @param {Element} container
 * @param {Part[]} parts
 * @param {Handlers} on
 */
export function patch(container, parts, on) {
  const old = [...container.children];
  const used = new Set();
  const nodes = parts.map((part, i) => {
    const id = `${kindOf(part)}:${part.key ?? `#${i}`}`;
    let el = old.find((o) => !used.has(o) && drawnAs.get(o) === id);
    if (!el) {
      el = create(container.ownerDocument, kindOf(part), on);
      drawnAs.set(el, id);
    }
    used.add(el);
    update(el, part, on);
    return el;
  });
  sync(container, nodes);
}

/**
 * The element drawn for the part keyed `key` inside `container`, if any.
 * @param {Element} container
 * @param {string} key
 * @returns {HTMLElement | null}
 */
export function findPart(container, key) {
  for (const el of container.querySelectorAll("*")) {
    const id = drawnAs.get(el);
    if (typeof id === "string" && id.endsWith(`:${key}`)) return /** @type {HTMLElement} */ (el);
  }
  return null;
}

/**
 * A host with an open shadow root: `content` for the view, `live` for what
 * screen readers are told once. A plain `div`, not a custom element: a page
 * may define any custom element name, and its constructor could take the
 * shadow root first.
 * @param {CSSStyleSheet} sheet
 * @param {HTMLElement} [existing] a host made earlier (the loader's page marker)
 * @returns {{ host: HTMLElement, content: HTMLElement, live: HTMLElement }}
 */
export function shadowHost(sheet, existing) {
  const host = existing ?? document.createElement("div");
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  // A constructed sheet: Firefox blocks <style> elements under a strict page CSP.
  root.adoptedStyleSheets = [sheet];
  const content = document.createElement("div");
  content.className = "content";
  const live = document.createElement("div");
  live.className = "live";
  live.setAttribute("aria-live", "polite");
  root.replaceChildren(content, live);
  return { host, content, live };
}
