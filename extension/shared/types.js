// @ts-check
// The shapes the core's answers take, for the type checker (`tsc --noEmit`
// in the test command). The core defines them (src/view.rs, src/session,
// src/protocol.rs); these typedefs follow them.

/**
 * @typedef {{ key: string, args: Arg[] }} Text
 * @typedef {string | Text | { list: Text[], sep: string } | { date: number }} Arg
 * @typedef {Array<[string, string | Text]>} Attrs
 * @typedef {{ login: number, field: string, value: string }} Fix
 * @typedef {{ fix: { code: string, login: number, field: string } } | { readBack: { login: number } } | { dismiss: { code: string } } | { goTo: { login: number } } | { forget: {} } | { report: {} } | { copy: {} }} Press
 * @typedef {{ label: Text, press: Press, fix?: Fix }} Button
 * @typedef {object} Part
 * @property {string} [key]
 * @property {Attrs} [attrs]
 * @property {Text} [text]
 * @property {Part[]} [block]
 * @property {Part[][]} [list]
 * @property {{ href: string, text: Text, newTab: boolean }} [link]
 * @property {Button} [button]
 * @property {{ summary: Text, parts: Part[] }} [details]
 * @property {{ label: Text, on: boolean, setting: string }} [toggle]
 * @property {Press} [escape]
 *
 * @typedef {{ at: "beforeArea", area: number } | { at: "afterMessage", area: number | null, index: number } | { at: "top" } | { at: "stay" }} Place
 * @typedef {{ attrs: Attrs, hidden: boolean, place: Place, parts: Part[] }} PageHost
 * @typedef {{ login: number, field: string, key: string | null }} Focus
 * @typedef {{ login: number, area: number, idField: number | null, passwordField: number | null, attrs: Attrs, parts: Part[] }} FormHost
 * @typedef {{ login: number, field: "id" | "password", area: number, index: number, attrs: Attrs, parts: Part[], announce: Text | null }} FieldHost
 * @typedef {{ area: "sync" | "local", set: Record<string, unknown> | null, remove: string[] }} Effect
 * @typedef {{ hasLogin: boolean, attrs: Attrs, parts: Part[] }} TabView
 *
 * @typedef {object} PageResponse
 * @property {unknown} state
 * @property {PageHost | null} page
 * @property {FormHost[] | null} forms
 * @property {FieldHost[]} fields
 * @property {Effect[]} effects
 * @property {number[]} rescanMs
 * @property {TabView | null} popup
 * @property {Focus | null} focus
 * @property {ReportView | null} report
 *
 * @typedef {{ areas: number, fields: number, links: number, pageLinks: number, buttons: number, messages: number,
 *   headings: number, text: number, shortLink: number, areaDepth: number, sectionDepth: number, roots: number, value: number }} Limits
 * @typedef {{ limits: Limits, keys: { sync: string[], local: string[] }, markers: string }} Start
 * @typedef {{ tab: TabView | null, memory: Part[], effects: Effect[] }} PopupView
 * @typedef {{ before: Part[], report: object, after: Part[], copied: Text, notCopied: Text }} ReportView
 * @typedef {{ parts: Part[], effects: Effect[] }} OptionsView
 *
 * @typedef {{ ok: any } | { error: string }} Answer
 * @typedef {{ type: "core", request: object } | { type: "status", frames?: boolean } | { type: "report", frames?: boolean } | { type: "trap" }} Message
 */

export {};
