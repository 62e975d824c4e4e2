//! E-mail addresses typed as the member-service login ID: is it a deliverable
//! address at all ([`syntax`]), and does its domain look like a slip of a common
//! one ([`suggest`], in the spirit of mailcheck.js, tuned to Japan).
//!
//! Both take what the person typed after the caller has converted full-width
//! characters to half-width and trimmed white space at both ends. Neither
//! allocates in proportion to the input and neither slices inside a UTF-8
//! character, so megabytes of emoji, NULs or bidi controls are harmless.
//!
//! What each part decides:
//! - `syntax`: whether an address is well-formed (RFC 5321/5322 as people's
//!   addresses really are, with the Japanese carriers' old dot quirk);
//! - `suggest`: which domain a slip meant, only when that is certain (a known
//!   name with its ending slipped, a common domain one or two edits away, a
//!   name slip with an ending slip, a one-suffix provider under another
//!   suffix, a made-up ending); the dot slips of an IME;
//! - `domains`: what is known about real mail domains (the common ones, the
//!   real ones never to be "corrected", the made-up endings, the one-suffix
//!   providers, the second levels);
//! - `distance`: how many edits apart two domains are, and whether one edit
//!   is a finger's slip on the keyboard.

mod distance;
mod domains;
mod suggest;
mod syntax;

pub use domains::COMMON_DOMAINS;
pub use suggest::{fix_dots, suggest};
pub use syntax::SyntaxProblem;

/// The first reason `addr` cannot be a deliverable address, or `None` when it
/// is well-formed. Checks run left to right: spaces, '@', lengths, the part
/// before the '@', then the domain.
pub fn syntax(addr: &str) -> Option<SyntaxProblem> {
    // Whether a domain tolerates the carriers' loose dots depends on which
    // domain a slip would be corrected to, which is the suggestions' business.
    syntax::problem(addr, suggest::is_dot_quirk_domain)
}

/// Domains longer than this (in characters) get no suggestion: no common
/// domain is anywhere near, and it keeps the edit distance cheap.
const MAX_SUGGEST_DOMAIN: usize = 64;
