// The options page: each group of checks on or off, memory on or off (off
// also erases it), and everything the extension has stored, shown as it is.
"use strict";

/** The stored settings; a switch missing from them is on, as in the core's defaults. */
async function loadSettings() {
  const { settings } = await chrome.storage.sync.get("settings");
  return settings ?? {};
}

async function save(change) {
  const settings = { ...(await loadSettings()), ...change };
  await chrome.storage.sync.set({ settings });
  if (change.memory === false) await forgetAll();
  document.getElementById("saved").textContent = t("options_saved");
  await renderStored();
}

async function renderGroups() {
  const settings = await loadSettings();
  const { groups } = await core({ op: "groups" });
  const container = document.getElementById("groups");
  container.replaceChildren();
  for (const { group, label } of groups) {
    const box = el("input", { type: "checkbox", "data-plh-setting": group });
    box.checked = settings[group] !== false;
    box.addEventListener("change", () => save({ [group]: box.checked }));
    container.append(el("p", {}, el("label", {}, box, " ", t(label))));
  }
  const memory = document.getElementById("memory-on");
  memory.checked = settings.memory !== false;
  memory.addEventListener("change", () => save({ memory: memory.checked }));
}

/** Everything in storage, exactly as stored: the user sees it is only settings, a method and a date. */
async function renderStored() {
  const [local, sync, session] = await Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null), chrome.storage.session.get(null)]);
  document.getElementById("stored").textContent = JSON.stringify({ local, sync, session }, null, 2);
  await memoryLines(document.getElementById("stored-lines"));
}

translatePage();
document.getElementById("forget").addEventListener("click", async () => {
  await forgetAll();
  await renderStored();
});
Promise.all([renderGroups(), renderStored()]).finally(() => document.body.setAttribute("data-plh-state", "ready"));
