// @ts-check
// The options page: the core draws the switches and what is stored; a
// switch turned or a button pressed goes back to it, and its storage effects
// are applied.
import { patch } from "../shared/draw.js";
import { ask, ready, translatePage } from "./common.js";

const view = /** @type {HTMLElement} */ (document.getElementById("view"));

/** @param {Omit<import("./common.js").PagesRequest & { op: "options" }, "op">} request */
async function render(request) {
  const answer = await ask({ op: "options", ...request });
  patch(view, answer.parts, {
    press: (b) => render({ press: b.press }).catch((e) => console.warn("plh:", e)),
    toggle: (setting, on) => render({ event: { type: "toggle", setting, on } }).catch((e) => console.warn("plh:", e)),
  });
}

translatePage();
render({ event: { type: "load" } })
  .catch((e) => console.warn("plh: the options could not be drawn:", e))
  .finally(ready);
