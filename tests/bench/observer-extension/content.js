// Firefox's page-load benchmark (tests/bench/firefox.mjs): from document_start,
// before any page script, notes when a ready marker appears (the product's
// data-plh-state="ready" on its page marker, the null extension's
// [data-plh-null-ready]) on the page's clock, and leaves the time on <html>
// for the harness to read. The same script in all three browsers (product,
// null extension, none), so its small cost cancels out; it looks only at the
// mutation records, never queries the document.
const observer = new MutationObserver((records) => {
  for (const r of records) {
    const hit =
      r.type === "attributes"
        ? r.target.getAttribute("data-plh-state") === "ready" && r.target.hasAttribute("data-plh-page")
        : [...r.addedNodes].some((n) => n.nodeType === 1 && (n.hasAttribute("data-plh-null-ready") || (n.hasAttribute("data-plh-page") && n.getAttribute("data-plh-state") === "ready")));
    if (hit) {
      const at = performance.now();
      observer.disconnect();
      document.documentElement.setAttribute("data-bench-marker-ms", at.toFixed(2));
      return;
    }
  }
});
observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-plh-state"] });
