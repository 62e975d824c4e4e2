// @ts-check
// Storage as the core sees it: read raw (the core judges every value), and
// changed only by the effects the core returns.
import { reason } from "./core.js";

/** @typedef {import("./wire.d.ts").Effect} Effect */
/** @typedef {import("./wire.d.ts").Stored} Stored */

/**
 * What is stored under the keys the core named, per area; `null` where
 * storage cannot be read (then the core keeps its defaults and records nothing).
 * What the core wrote, or anything else: the core reads it field by field.
 * @param {{ sync: string[], local: string[] }} keys as `start` names them
 * @returns {Promise<Stored | null>}
 */
export async function readStored(keys) {
  try {
    const [sync, local] = await Promise.all([chrome.storage.sync.get(keys.sync), chrome.storage.local.get(keys.local)]);
    return { sync, local };
  } catch (e) {
    console.warn("plh: storage could not be read:", reason(e));
    return null;
  }
}

/**
 * Applies the core's effects in order.
 * @param {Effect[]} effects
 */
export async function applyEffects(effects) {
  for (const e of effects) {
    const area = chrome.storage[e.area];
    // (One key, named by the value: `{settings}`, `{memory}`…)
    if (e.set) await area.set(/** @type {Record<string, unknown>} */ (e.set));
    if (e.remove.length) await area.remove(e.remove);
  }
}
