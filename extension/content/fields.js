// @ts-check
// Follows the fields of one login: every event a person makes in them is
// forwarded to the core as it happened (its type, `inputType`, how much was
// inserted, whether an input method is composing). Events a page's script
// made (`isTrusted` false) are not forwarded: the value a script sets is
// read at the next event a person makes.

/**
 * @typedef {object} Login
 * @property {Element} area
 * @property {HTMLInputElement | undefined} id
 * @property {HTMLInputElement | undefined} password
 * @property {boolean} capsLock Caps Lock as the last key a person pressed in these fields said
 * @property {() => void} detach
 */

/** The DOM events of a field the core hears about. */
const EVENTS = ["input", "change", "blur", "compositionstart", "compositionupdate", "compositionend", "keydown", "keyup"];

/**
 * @param {Element} area
 * @param {HTMLInputElement | undefined} id
 * @param {HTMLInputElement | undefined} password
 * @param {(login: Login, field: "id" | "password", event: Omit<import("../shared/wire.d.ts").FieldEvent, "login" | "field">) => void} forward
 * @returns {Login}
 */
export function follow(area, id, password, forward) {
  /** @type {Array<[EventTarget, string, EventListener]>} */
  const listeners = [];
  /** @type {Login} */
  const login = {
    area,
    id,
    password,
    capsLock: false,
    detach() {
      for (const [target, type, fn] of listeners) target.removeEventListener(type, fn);
    },
  };
  for (const field of /** @type {const} */ (["id", "password"])) {
    const input = login[field];
    if (!input) continue;
    let composing = false;
    /** @param {Event} e */
    const onEvent = (e) => {
      // Chromium marks its own compositionend untrusted: one that ends a
      // composition a person started counts.
      const ends = e.type === "compositionend" && composing;
      if (!e.isTrusted && !ends) return;
      if (e.type === "compositionstart") composing = true;
      if (e.type === "compositionend" || e.type === "blur") composing = false;
      if (e instanceof KeyboardEvent) {
        // Caps Lock is one state for the whole keyboard; a key that does not
        // change it tells the core nothing new.
        if (typeof e.getModifierState !== "function" || e.getModifierState("CapsLock") === login.capsLock) return;
        login.capsLock = e.getModifierState("CapsLock");
      }
      const inputEvent = /** @type {InputEvent} */ (e);
      forward(login, field, {
        event: e.type,
        inputType: inputEvent.inputType ?? "",
        inserted: (inputEvent.data ?? "").length,
        composing: composing || Boolean(inputEvent.isComposing),
      });
    };
    for (const type of EVENTS) {
      input.addEventListener(type, onEvent);
      listeners.push([input, type, onEvent]);
    }
  }
  return login;
}

/**
 * Where a field's box goes: right after the field, or after the element
 * the field sits in when that element lays its children out side by side
 * (a `<label>` wrapping the field, a flex or grid row: a box there would
 * squeeze the field), so that the box is under the field and before the
 * submit button in document and tab order.
 * @param {HTMLInputElement} input
 * @param {Element} area the login's area: never left
 * @returns {Element}
 */
export function boxAnchor(input, area) {
  /** @type {Element} */
  let at = input;
  for (let depth = 0; depth < 3; depth++) {
    const parent = at.parentElement;
    if (!parent || parent === area || !area.contains(parent)) break;
    const style = getComputedStyle(parent);
    const row =
      parent.tagName === "LABEL" ||
      (style.display.endsWith("flex") && !style.flexDirection.startsWith("column")) ||
      (style.display.endsWith("grid") && style.gridTemplateColumns.trim().split(/\s+/).length > 1);
    if (!row) break;
    at = parent;
  }
  return at;
}
