// @ts-check
// Putting the page host where the core's answer says: before a login area,
// right after one of the site's messages, first in the page, or where it is.
// The elements come from the last reading of the page, by index.

/** @typedef {import("../shared/wire.d.ts").Place} Place */
/** @typedef {{ areas: Element[], messages: { areas: Element[][], page: Element[] } }} Seen */

/**
 * @param {HTMLElement} host
 * @param {Place} place
 * @param {Seen} seen
 */
export function placePage(host, place, seen) {
  if (place.at === "top") {
    if (document.body && document.body.firstElementChild !== host) document.body.prepend(host);
    return;
  }
  if (place.at === "beforeArea") {
    const anchor = seen.areas[place.area];
    if (anchor?.isConnected && host.nextElementSibling !== anchor) anchor.before(host);
  }
  if (place.at === "afterMessage") {
    const anchor = place.area === null ? seen.messages.page[place.index] : seen.messages.areas[place.area]?.[place.index];
    if (anchor?.isConnected && host.previousElementSibling !== anchor) anchor.after(host);
  }
}
