// @ts-check
// How the extension's elements look on the page, as one constructed style
// sheet adopted by every shadow root (a <style> element would be blocked by
// Firefox under a strict page CSP).

// A host shows only while the manifest's content CSS sets --plh-display:
// Firefox removes that CSS when the extension is disabled or updated, so a
// dead script's boxes vanish with it.
const CSS = `
:host { all: initial !important; display: var(--plh-display, none) !important; box-sizing: border-box !important;
  contain: inline-size !important; max-inline-size: 100% !important; min-inline-size: 0 !important;
  font: 15px/1.6 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif !important;
  color: #1f2328 !important; text-align: start !important; overflow-wrap: anywhere !important; }
:host([hidden]) { display: none !important; }
.content:empty { display: none; }
.content { margin: 6px 0; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.item { display: flex; gap: 4px 10px; align-items: center; flex-wrap: wrap; border: 1px solid transparent;
  border-left: 4px solid; border-radius: 3px; padding: 6px 10px; margin: 4px 0; background: #fff; }
.item.error { border-left-color: #cf222e; background: #fff5f5; }
.item.warning { border-left-color: #9a6700; background: #fff8d6; }
.item.info { border-left-color: #0969da; background: #f4f8ff; }
/* The level has a mark of its own besides its colour (WCAG 1.4.1): a cross, an exclamation, an i. */
.msg { flex: 1 1 12em; }
.item > .msg::before { display: inline-block; inline-size: 1.3em; block-size: 1.3em; margin-inline-end: 6px; border-radius: 50%;
  font-weight: 700; font-size: 0.85em; line-height: 1.3em; text-align: center; vertical-align: 0.1em; color: #fff; }
.item.error > .msg::before { content: "\\00D7" / ""; background: #cf222e; }
.item.warning > .msg::before { content: "!" / ""; background: #9a6700; border-radius: 3px; }
.item.info > .msg::before { content: "i" / ""; background: #0969da; font-style: italic; font-family: Georgia, serif; }
.item > p, .item > div:not(.actions) { flex: 1 1 100%; margin: 0; }
.changes { color: #3d444d; font-size: 14px; }
.readback { font-size: 16px; }
.checklist { margin: 6px 0; padding-inline-start: 1.4em; flex: 1 1 100%; }
.checklist li { margin: 4px 0; }
.actions, .links { display: flex; gap: 6px 18px; flex-wrap: wrap; align-items: center; margin-top: 6px; flex: 1 1 100%; }
.notice { margin: 4px 0; }
.tel { white-space: nowrap; font-weight: 600; margin-inline-start: 0.3em; }
.out { display: inline-flex; flex-wrap: wrap; align-items: baseline; column-gap: 2px; }
.host { color: #57606a; font-size: 13px; }
button { font: inherit; min-height: 32px; padding: 2px 14px; border: 1px solid #0a57c2; border-radius: 6px;
  background: #0a57c2; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #0a57c2; }
button.quiet { background: none; border: none; color: #0969da; padding: 0; text-decoration: underline; min-height: 0; }
a { color: #0969da; }
details { margin: 4px 0; flex: 1 1 100%; }
summary { cursor: pointer; color: #0969da; }
details > div { padding: 2px 0 2px 1em; }
details > div > div, details > div > p { margin: 6px 0; }
button:focus-visible, a:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
@media (max-width: 600px), (pointer: coarse) {
  button { min-height: 44px; }
  button.quiet { min-height: 40px; }
  a { display: inline-block; min-height: 40px; line-height: 40px; }
  summary { min-height: 40px; line-height: 40px; }
}
/* Windows High Contrast and other forced colours: the system's colours, the marks and borders kept. */
@media (forced-colors: active) {
  .item { border: 1px solid CanvasText; border-left-width: 4px; }
  .item.error { border-left-style: double; border-left-width: 6px; }
  .item > .msg::before { forced-color-adjust: none; background: CanvasText; color: Canvas; }
  button { border: 1px solid ButtonText; }
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
