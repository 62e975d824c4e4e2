//! Login Helper for Pasona Career: every decision the extension makes.
//!
//! The browser side only reads the page into a [`snapshot::PageSnapshot`],
//! forwards what a person does as [`protocol::Request`]s, applies the storage
//! effects and draws the views of the answers. Nothing here touches the DOM,
//! so all of it is tested natively with `cargo test`; `wasm` holds what only
//! the browser build needs. `ARCHITECTURE.md` has the map.

pub mod ambiguous;
pub mod browser;
pub mod chars;
pub mod checks;
pub mod common_parts;
pub mod decode;
pub mod detect;
pub mod digit_lookalikes;
pub mod email;
pub mod env;
pub mod failure;
pub mod guidance;
pub mod last_login;
pub mod links;
pub mod options;
pub mod popup;
pub mod protocol;
#[cfg(not(target_arch = "wasm32"))]
pub mod replay;
pub mod session;
pub mod settings;
pub mod site;
pub mod snapshot;
pub mod stored;
pub mod text;
pub mod view;
pub mod warning;
pub mod wasm;
#[cfg(test)]
mod wire;
