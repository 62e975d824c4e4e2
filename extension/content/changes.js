// @ts-check
// Following the page as it changes: a login added or removed (a control, a
// form or a message element comes or goes, in the document or in an open
// shadow root), and the extension's own boxes removed by the page. What that
// means (scan again, put a box back once) is the engine's to do.
import { MESSAGES } from "./read.js";

/** What a page change may touch: controls, forms, the site's messages. */
const WATCHED = `input, form, ${MESSAGES}`;

/**
 * @param {{ controls(): void, removed(box: Element): void, ours(el: Element): boolean }} on
 * @returns {{ watch(root: Node): void, stop(): void }}
 */
export function watchChanges(on) {
  const touchesControls = (/** @type {Node} */ node) =>
    node instanceof Element && !on.ours(node) && (node.matches(WATCHED) || node.querySelector(WATCHED) !== null);
  const observer = new MutationObserver((mutations) => {
    let controls = false;
    for (const m of mutations) {
      for (const node of m.removedNodes) if (node instanceof Element && on.ours(node) && !node.isConnected) on.removed(node);
      if (!controls && ([...m.addedNodes].some(touchesControls) || [...m.removedNodes].some(touchesControls))) controls = true;
    }
    if (controls) on.controls();
  });
  const watched = new WeakSet();
  return {
    watch(root) {
      if (watched.has(root)) return;
      watched.add(root);
      observer.observe(root, { childList: true, subtree: true });
    },
    stop: () => observer.disconnect(),
  };
}
