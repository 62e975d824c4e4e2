// @ts-check
// Clicks and submits, as a person made them. A click counts when the browser
// says a person made it (`isTrusted`); a submit when it follows a person's
// click or key in the same task: a page's script can call `requestSubmit()`,
// or `click()` a submit button, and the browser then fires a submit event it
// marks as trusted. What a click or a submit means (a login attempt? with
// which method?) is the core's to say.
import { BUTTONS } from "./read.js";

const CONTROLS = `a, ${BUTTONS}`;

/**
 * @param {Element} el
 * @returns {import("../shared/wire.d.ts").Control}
 */
const describe = (el) => {
  const i = /** @type {HTMLInputElement} */ (el);
  return {
    tag: el.tagName.toLowerCase(),
    type: el.getAttribute("type") ?? "",
    role: el.getAttribute("role") ?? "",
    label: (el.textContent || i.value || i.alt || el.getAttribute("aria-label") || "").trim().slice(0, 80),
  };
};

/**
 * @param {{ control(el: Element, control: ReturnType<typeof describe>): void,
 *           submit(form: Element, submitter: ReturnType<typeof describe> | null): void,
 *           ours(el: Element): boolean }} on
 * @returns {() => void} stops watching
 */
export function watchClicks(on) {
  /** A person clicked or pressed a key in this task (cleared by the next one). */
  let acting = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let clear;
  /** @param {Event} e */
  const person = (e) => {
    if (!e.isTrusted) return;
    acting = true;
    clearTimeout(clear);
    clear = setTimeout(() => (acting = false));
  };
  /** @param {Event} e */
  const onClick = (e) => {
    if (!e.isTrusted) return;
    const control = e.target instanceof Element ? e.target.closest(CONTROLS) : null;
    if (control && !on.ours(control)) on.control(control, describe(control));
  };
  /** @param {Event} e */
  const onSubmit = (e) => {
    if (!e.isTrusted || !acting || !(e.target instanceof Element)) return;
    const submitter = /** @type {SubmitEvent} */ (e).submitter;
    on.submit(e.target, submitter ? describe(submitter) : null);
  };
  const listeners = /** @type {const} */ ([
    ["click", person],
    ["keydown", person],
    ["click", onClick],
    ["submit", onSubmit],
  ]);
  for (const [type, fn] of listeners) document.addEventListener(type, fn, true);
  return () => {
    clearTimeout(clear);
    for (const [type, fn] of listeners) document.removeEventListener(type, fn, true);
  };
}
