// @ts-check
// How the extension's elements look on the page, as one constructed style
// sheet adopted by every shadow root (a <style> element would be blocked by
// Firefox under a strict page CSP).

// A host shows only while the manifest's content CSS sets --plh-display:
// Firefox removes that CSS when the extension is disabled or updated, so a
// dead script's boxes vanish with it.
const CSS = `
:host { all: initial !important; display: var(--plh-display, none) !important;
  font: 15px/1.6 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif !important;
  color: #1f2328 !important; text-align: start !important; }
:host([hidden]) { display: none !important; }
.content:empty { display: none; }
.content { margin: 6px 0; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.item { display: flex; gap: 4px 10px; align-items: center; flex-wrap: wrap; border-left: 4px solid;
  border-radius: 3px; padding: 6px 10px; margin: 4px 0; background: #fff; }
.item.error { border-color: #cf222e; background: #fff5f5; }
.item.warning { border-color: #bf8700; background: #fffbea; }
.item.info { border-color: #0969da; background: #f4f8ff; }
.msg { flex: 1 1 14em; }
.checklist { margin: 6px 0; padding-inline-start: 1.4em; }
.checklist li { margin: 4px 0; }
.actions, .links { display: flex; gap: 6px 18px; flex-wrap: wrap; align-items: center; margin-top: 6px; }
.notice { margin: 4px 0; }
.notice.inactive { border-left: 4px solid #bf8700; padding: 4px 10px; background: #fffbea; }
button { font: inherit; min-height: 32px; padding: 2px 14px; border: 1px solid #1f6feb; border-radius: 6px;
  background: #1f6feb; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1f6feb; }
button.quiet { background: none; border: none; color: #0969da; padding: 0; text-decoration: underline; }
a { color: #0969da; }
a.tel { white-space: nowrap; }
details { margin: 4px 0; }
summary { cursor: pointer; color: #0969da; }
details > div { padding: 2px 0 2px 1em; }
details > div > div { margin: 6px 0; }
button:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
@media (max-width: 600px), (pointer: coarse) {
  button { min-height: 44px; }
  a { display: inline-block; min-height: 40px; line-height: 40px; }
  summary { min-height: 40px; line-height: 40px; }
}
`;

/** @type {CSSStyleSheet | null} */
let sheet = null;

/** The sheet, made once per document. */
export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
