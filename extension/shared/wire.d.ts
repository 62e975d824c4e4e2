// The wire between the scripts and the core: what the scripts send, what the
// core answers. Generated from the Rust types by `cargo test` (src/wire.rs);
// do not edit: change the Rust types, then `PLH_WIRE=write cargo test --lib wire`.

/**
 * What the core's `handle` returns (`wasm::binding`): its answer, or
 * why the request could not be read (never a value of it).
 */
export type Answer<T> = { ok: T, } | { error: string, };

/**
 * The answer each `op` gets, when it is not an error.
 */
export type Answers = { start: Start, page: PageResponse, popup: PopupView, options: OptionsView, trap: never, };

/**
 * Storage areas and the keys the extension uses in them.
 */
export type Area = "sync" | "local";

/**
 * One substitution: plain text, another message, messages joined by a
 * separator message (the read-back list: 「l（小文字のエル）、1（数字のイチ）」),
 * or a date (days since 1970-01-01), written the reader's way.
 */
export type Arg = string | Text | { list: Array<Text>, sep: string, } | { date: number, };

/**
 * A login attempt in flight, kept in `chrome.storage.local` between the
 * submit and the next page (content scripts cannot read `storage.session`
 * in every browser), forgotten after [`PENDING_FOR_MS`].
 */
export type Attempt = { method: Method, 
/**
 * `Date.now()` of the submit.
 */
at: number, };

export type AttrValue = string | Text;

export type Brand = { brand?: string | null, version?: string | null, };

/**
 * What the browser says of itself (`navigator`), each part optional.
 */
export type BrowserSignals = { userAgent?: string | null, 
/**
 * `navigator.userAgentData.brands`.
 */
brands?: Array<Brand> | null, mobile?: boolean | null, platform?: string | null, 
/**
 * `navigator.brave` exists.
 */
brave?: boolean | null, };

/**
 * A button: pressing it sends `press` back to the core as an event; a fix
 * button first puts `fix.value` into the field.
 */
export type Button = { label: Text, press: Press, fix?: Fix, };

export type Code = "fullwidth" | "whitespace" | "invisible" | "not-digits" | "length" | "wrong-login" | "email-format" | "email-domain" | "confusable" | "caps-lock" | "ime" | "browser-not-recommended" | "browser-outdated" | "similar-service" | "login-failed";

/**
 * A clicked control or a submitter, as a person sees it.
 */
export type Control = { tag?: string | null, type?: string | null, role?: string | null, label?: string | null, };

/**
 * What the core decided on the page, now.
 */
export type Decided = { site: Site, logins: Array<DecidedLogin>, 
/**
 * The page's notices (`data-plh-field="page"`).
 */
pageCodes: Array<Code>, 
/**
 * What each field shows now, for what was typed (which the report
 * never holds: a replay cannot judge it again).
 */
fieldCodes: Array<FieldCodes>, 
/**
 * Every link the page's boxes offer, in order.
 */
links: Array<Offered>, };

export type DecidedLogin = { kind: LoginKind, 
/**
 * Indices into the snapshot: the area (`page.forms`), its fields.
 */
area: number, idField: number | null, passwordField: number | null, };

export type Details = { summary: Text, parts: Array<Part>, };

/**
 * The notices closed for good, with their causes. Only codes whose notice
 * has a lasting cause are kept (the browser's); the rest close for the page.
 */
export type Dismissed = { "browser-not-recommended"?: string, "browser-outdated"?: string, };

/**
 * A change to storage, applied by whichever script asked the core.
 */
export type Effect = { area: Area, 
/**
 * Keys to set, with their values (`null` when there are none).
 */
set: StoredValue | null, 
/**
 * Keys to remove.
 */
remove: Array<string>, };

/**
 * The moment of a request, and (from a page) the browser.
 */
export type Env = { 
/**
 * `Date.now()`: a whole number of milliseconds.
 */
nowMs: number, browser?: BrowserSignals | null, };

/**
 * A field of a login. Page-level warnings have none (`Warning::field` is
 * `None`), and the contract names their subject `page`.
 */
export type Field = "id" | "password";

export type FieldCodes = { login: number, field: Field, codes: Array<Code>, };

export type FieldEvent = { login: number, field: Field, 
/**
 * Its `type` (`input`, `blur`, `keydown`…).
 */
event?: string | null, 
/**
 * `InputEvent.inputType`.
 */
inputType?: string | null, 
/**
 * Characters in `InputEvent.data`.
 */
inserted?: number | null, 
/**
 * An input method is composing.
 */
composing?: boolean | null, };

export type FieldHost = { login: number, 
/**
 * `id` or `password`.
 */
field: Field, 
/**
 * Drawn right after this field of this area.
 */
area: number, index: number, attrs: Array<[string, AttrValue]>, parts: Array<Part>, 
/**
 * Said once to screen readers: a newly shown error.
 */
announce: Text | null, };

export type FieldSnapshot = { tag: string, type: string, name: string, id: string, autocomplete: string, maxlength: number | null, pattern: string, inputmode: string, placeholder: string, 
/**
 * The text a person reads as this field's label: `<label>`, aria-label,
 * the row's `<th>`, or the nearest text before the field.
 */
label: string, 
/**
 * Help text near the field (aria-describedby, a note right after it).
 */
help: string, 
/**
 * Not rendered (display:none, zero size, or `hidden`).
 */
hidden: boolean, };

/**
 * One field's record of what was judged: codes that waited for the value
 * to be complete are shown while typing only once they were shown.
 */
export type FieldState = { login: number, field: Field, 
/**
 * Codes judged on a complete value that still hold.
 */
judged: Array<Code>, 
/**
 * Codes on screen now (a newly shown error is announced once).
 */
visible: Array<Code>, 
/**
 * The value was judged complete and has not been typed into since.
 */
settled: boolean, 
/**
 * The input method has just committed: the `input` that follows
 * carries its text, which is typing, not a whole value.
 */
composed: boolean, };

/**
 * The corrected value of a field. The script keeps it in memory only (it
 * may be a password), never in the page, and never sends it back.
 */
export type Fix = { login: number, 
/**
 * `id` or `password` (a `Field`'s key).
 */
field: Field, value: string, };

/**
 * Where the keyboard focus goes after a press that took it away: the part
 * of a field's host with `key` (the read-back), or the field itself.
 */
export type Focus = { login: number, 
/**
 * `id` or `password`.
 */
field: Field, key: string | null, };

export type FormHost = { login: number, 
/**
 * Drawn right after this login area.
 */
area: number, 
/**
 * The fields to watch, as indices into the area's fields.
 */
idField: number | null, passwordField: number | null, attrs: Array<[string, AttrValue]>, parts: Array<Part>, };

export type FormSnapshot = { 
/**
 * Inputs, selects and textareas in document order.
 */
fields: Array<FieldSnapshot>, 
/**
 * Links inside the area and in its section (up to the nearest ancestor
 * that also contains another login area).
 */
links: Array<LinkSnapshot>, 
/**
 * Texts of buttons and submit inputs in the area.
 */
buttons: Array<string>, 
/**
 * Headings, legends and captions in or just before the area.
 */
text: string, 
/**
 * Texts of error-styled or alert elements in the area or right around it.
 */
errors: Array<string>, 
/**
 * Where the area starts, in CSS pixels from the top of the document.
 */
top: number, };

/**
 * The keys to read, per area: what `Stored::read` expects to be given.
 */
export type Keys = { sync: [string], local: [string, string, string, string], };

/**
 * What is kept in `chrome.storage.local` (under the key `memory`).
 */
export type LastLogin = { method: Method, 
/**
 * Days since 1970-01-01 (UTC) of the last successful login.
 */
date: number, };

/**
 * How much of a page the content script reads: its reading heuristics live
 * in JavaScript (they walk the DOM), their limits here. Sent to the page
 * reader at start-up (`start` request), and applied again when a snapshot is
 * decoded, whatever the reader sent.
 */
export type Limits = { 
/**
 * Login areas per page.
 */
areas: number, 
/**
 * Controls per area.
 */
fields: number, 
/**
 * Links per area's section.
 */
links: number, 
/**
 * Links of the whole page.
 */
pageLinks: number, 
/**
 * Buttons per area.
 */
buttons: number, 
/**
 * Message texts per area and for the page.
 */
messages: number, 
/**
 * Headings of the page.
 */
headings: number, 
/**
 * Characters kept of one text; longer texts are cut (a failure message
 * is short, so a cut text is page content: see `failure`).
 */
text: number, 
/**
 * A link whose text has at most this many characters ("こちら") is read
 * with the sentence it sits in.
 */
shortLink: number, 
/**
 * Ancestors climbed from a password field without a form to find the
 * smallest container that also holds an ID field.
 */
areaDepth: number, 
/**
 * Ancestors climbed from an area to find the section its links belong
 * to, stopping below one that holds another area.
 */
sectionDepth: number, 
/**
 * Open shadow roots searched for logins.
 */
roots: number, 
/**
 * Characters of a field's value sent to the core: longer values are
 * cut to one more than this, which every check of an ID judges too long
 * (an e-mail address has at most 254, a My Page ID 7).
 */
value: number, };

export type Link = { href: string, text: Text, 
/**
 * Opens elsewhere (extension pages link out to the site).
 */
newTab: boolean, };

export type LinkSnapshot = { text: string, href: string, 
/**
 * The sentence around the link, for links that only say 「こちら」.
 */
context: string, };

export type LocalStored = { memory?: LastLogin | null, attempt?: Attempt | null, dismissed?: Dismissed | null, 
/**
 * Version 0.1.0's record: removed wherever it is found.
 */
shown?: unknown, };

export type LoginKind = "member-service" | "my-page";

export type LoginState = { kind: LoginKind, 
/**
 * Index of the login's area in the last snapshot.
 */
area: number, idField: number | null, passwordField: number | null, 
/**
 * The ID input's `maxlength`.
 */
idMaxLength: number | null, 
/**
 * The page's own reset link (https, on the site's own domain).
 */
reset: string | null, 
/**
 * The page shows its reset link beside the form.
 */
resetNear: boolean, forgot: string | null, 
/**
 * The page's own link to the other login (https, the site's own).
 */
otherLogin: string | null, 
/**
 * The user asked for the ID read back, and has not changed it since.
 */
readBack: boolean, };

/**
 * A message element of the page the reader sent: one of a login area's
 * `errors` (`area: Some`) or of the page's `alerts` (`area: None`).
 */
export type MessageRef = { area: number | null, index: number, };

export type Method = "member-email" | "line" | "yahoo" | "google" | "facebook" | "apple" | "sns" | "my-page";

/**
 * A link offered: what it is for (its `data-plh-action`, else its text's
 * key) and where it goes.
 */
export type Offered = { what: string, href: string, };

export type OptionsEvent = { "type": "load" } | { "type": "toggle", 
/**
 * The switch's `setting`, as the page drew it.
 */
setting?: string | null, on: boolean, };

export type OptionsRequest = { 
/**
 * What happened (`null`: the page is drawn afresh).
 */
event?: OptionsEvent | null, 
/**
 * A button of the page was pressed (`forget` erases what is
 * remembered, whatever `event` says; others mean nothing).
 */
press?: Press | null, stored?: Stored | null, env: Env, };

export type OptionsView = { parts: Array<Part>, effects: Array<Effect>, };

/**
 * One event of the page, with the values in the logins' fields now.
 */
export type PageEvent = { values?: Array<Values> | null, } & ({ "type": "scan", page: PageSnapshot, } | { "type": "stored" } | { "type": "field" } & FieldEvent | { "type": "control", login?: number | null, control: Control, } | { "type": "submit", login?: number | null, submitter?: Control | null, } | { "type": "press", press: PagePress, } | { "type": "status" } | { "type": "report", page: PageSnapshot, });

export type PageHost = { attrs: Array<[string, AttrValue]>, 
/**
 * Nothing to say: the host stays, hidden.
 */
hidden: boolean, place: Place, parts: Array<Part>, };

/**
 * The presses a page session reads: a drawn button's `press`, all but
 * `forget` (which only the extension's own pages draw).
 */
export type PagePress = { "fix": { code: Code, login: number, field: Field, } } | { "readBack": { login: number, } } | { "dismiss": { code: Code, } } | { "goTo": { login: number, } };

/**
 * One event of the page session, with what travels with it.
 */
export type PageRequest = { event: PageEvent, 
/**
 * What the last answer said (`null` at first: a fresh page).
 */
state?: State | null, stored?: Stored | null, env: Env, };

export type PageResponse = { state: State, 
/**
 * The page host, where it changed.
 */
page: PageHost | null, 
/**
 * Every login's host, after a scan or a change of storage: logins not
 * listed are gone.
 */
forms: Array<FormHost> | null, 
/**
 * Field hosts to draw (others stay as they are).
 */
fields: Array<FieldHost>, effects: Array<Effect>, 
/**
 * Scan again after each of these delays.
 */
rescanMs: Array<number>, 
/**
 * Answer to the popup's `status`: what the page shows, for the popup.
 */
popup: TabView | null, 
/**
 * Where the focus goes, once this answer is drawn.
 */
focus: Focus | null, 
/**
 * Answer to the popup's `report`: the report and how it is shown.
 */
report: ReportView | null, };

export type PageSnapshot = { url: string, title: string, headings: Array<string>, 
/**
 * Every link on the page, for a lone login whose own section has no reset link.
 */
links: Array<LinkSnapshot>, 
/**
 * Texts of message elements anywhere on the page (`role=alert`, live
 * regions, elements styled or named as errors), for a failed-login notice.
 */
alerts: Array<string>, 
/**
 * Candidate login areas: each `<form>` holding a password input, or for
 * password inputs outside any form, the smallest container that also holds
 * the text inputs before it.
 */
forms: Array<FormSnapshot>, 
/**
 * The height of the first screen (the viewport), in CSS pixels.
 */
viewportHeight: number, };

/**
 * One piece of a drawn tree. Exactly one of the fields is set; `key` tells a
 * redraw which existing element is the same part, so a button under the
 * user's pointer is updated in place rather than replaced.
 */
export type Part = { key?: string, attrs?: Array<[string, AttrValue]>, 
/**
 * Inline text.
 */
text?: Text, 
/**
 * A block holding more parts (`<div>`).
 */
block?: Array<Part>, 
/**
 * A bulleted list, one entry per item.
 */
list?: Array<Array<Part>>, link?: Link, button?: Button, 
/**
 * Folded content (`<details>`): its summary and what unfolds.
 */
details?: Details, 
/**
 * A switch (a labelled checkbox) on the options page.
 */
toggle?: Toggle, 
/**
 * Escape pressed inside this part presses this (closing a notice).
 */
escape?: Press, };

/**
 * Where the page host stands in the page.
 */
export type Place = { "at": "beforeArea", area: number, } | { "at": "afterMessage", area: number | null, index: number, } | { "at": "top" } | { "at": "stay" };

export type PopupRequest = { 
/**
 * What the popup knows of the tab (`null`: the extension does not
 * run there).
 */
tab?: PopupTab | null, 
/**
 * A button of the popup was pressed (only `forget` means anything).
 */
press?: Press | null, stored?: Stored | null, env: Env, };

export type PopupTab = { "type": "page" } | { "type": "noLogin", 
/**
 * The page's origin.
 */
url?: string | null, };

/**
 * The popup's own answer: the tab (when its page has no engine running)
 * and the memory.
 */
export type PopupView = { tab: TabView | null, memory: Array<Part>, effects: Array<Effect>, };

/**
 * What a button asks for, sent back as `{type: "press", press}`.
 */
export type Press = { "fix": { 
/**
 * A `Code`'s key, as is `Dismiss`'s.
 */
code: Code, login: number, field: Field, } } | { "readBack": { login: number, } } | { "dismiss": { code: Code, } } | { "goTo": { login: number, } } | { "forget": Record<symbol, never> } | { "report": Record<symbol, never> } | { "copy": Record<symbol, never> };

export type Report = { format: number, 
/**
 * The version of the extension (the manifest's, kept equal to the
 * crate's: `tests/static/store.test.mjs`).
 */
extension: string, browser: ReportBrowser | null, 
/**
 * `YYYY-MM-DD` (UTC), the day the decisions were made for.
 */
date: string, 
/**
 * The switches: a switched-off group shows nothing.
 */
settings: Settings, 
/**
 * Page notices the person closed: shown by nothing now, and closed again in a replay.
 */
closed: Array<Code>, page: PageSnapshot, 
/**
 * How many texts were left out for holding a run of what was typed.
 */
leftOut: number, decided: Decided, };

export type ReportBrowser = { family: string, major: number, platform: string, };

/**
 * The report and how the popup shows it: what it is and that nothing was
 * sent (before), the report itself (drawn as it is, pretty JSON), the copy
 * button (after), and what is said once it is copied or could not be.
 */
export type ReportView = { before: Array<Part>, report: Report, after: Array<Part>, copied: Text, notCopied: Text, };

/**
 * A request to the core: `op` says which.
 */
export type Request = { "op": "start" } | { "op": "page" } & PageRequest | { "op": "popup" } & PopupRequest | { "op": "options" } & OptionsRequest | { "op": "trap" };

export type Response = Start | PageResponse | PopupView | OptionsView;

/**
 * Every switch, on unless the user turned it off. Read from storage by
 * `stored::settings_from`, switch by switch; written as
 * `{memory: true, typing: true, …}`.
 */
export type Settings = { memory: boolean, typing: boolean, idFormat: boolean, confusable: boolean, browser: boolean, guidance: boolean, };

export type Site = "pasona-career" | "pasona" | "pasona-masters";

export type Start = { limits: Limits, 
/**
 * What to read from storage for `stored`, per area.
 */
keys: Keys, 
/**
 * The extension's own elements on a page, as a selector ([`session::MARKERS`]).
 */
markers: string, };

export type State = { 
/**
 * The page was read at least once.
 */
scanned: boolean, site: Site, 
/**
 * A login form of the look-alike service is on screen.
 */
showsLogin: boolean, 
/**
 * Where the look-alike notice stands: before this area, or (`None`
 * while `shows_login`) at the top of the page, the form being further
 * down than the first screen.
 */
lookalikeArea: number | null, logins: Array<LoginState>, 
/**
 * The site reported a failed login: where it said so, and (when clear)
 * for which login.
 */
failedAt: MessageRef | null, failedKind: LoginKind | null, fields: Array<FieldState>, 
/**
 * Page notices the user closed on this page.
 */
dismissed: Array<Code>, };

/**
 * Storage as the script read it, under the keys `start` names (`null`
 * until it is read). What the core wrote is read back as it was;
 * anything else falls back field by field.
 */
export type Stored = { sync?: SyncStored | null, local?: LocalStored | null, };

/**
 * Values the core writes: never an ID, never a password.
 */
export type StoredValue = { "settings": Settings } | { "memory": LastLogin } | { "attempt": Attempt } | { "dismissed": Dismissed };

export type SyncStored = { settings?: Settings | null, };

/**
 * What the toolbar popup shows about one tab, or what an extension page
 * shows in one of its sections.
 */
export type TabView = { 
/**
 * The page holds a login: the popup listens to the frame that has one.
 */
hasLogin: boolean, attrs: Array<[string, AttrValue]>, parts: Array<Part>, };

/**
 * A text from `_locales`: its key, and what goes into `$1`, `$2` …
 */
export type Text = { key: string, args: Array<Arg>, };

export type Toggle = { label: Text, on: boolean, 
/**
 * The setting it switches, sent back with the new state.
 */
setting: string, };

/**
 * The values in one login's fields (cut one past the core's value limit).
 */
export type Values = { login: number, id?: string | null, password?: string | null, 
/**
 * Caps Lock, as the last key event in the login's fields said.
 */
capsLock?: boolean | null, };
