//! Login Helper for Pasona Career: every decision the extension makes.
//!
//! The browser side only reads the page into a [`snapshot::PageSnapshot`],
//! forwards what happens as [`protocol::Request`]s, applies the storage
//! effects and draws the views of the answers. Nothing here touches the DOM,
//! so all of it is tested natively with `cargo test`; `wasm` is the only
//! module that exists solely for the browser build. `ARCHITECTURE.md` has
//! the map.

mod alloc;
pub mod browser;
pub mod chars;
pub mod checks;
pub mod confusable;
pub mod detect;
pub mod email;
pub mod failure;
pub mod guidance;
pub mod links;
pub mod lookalike;
pub mod memory;
pub mod options;
pub mod popup;
pub mod protocol;
pub mod raw;
pub mod session;
pub mod settings;
pub mod site;
pub mod snapshot;
pub mod stored;
pub mod text;
pub mod tree;
pub mod view;
pub mod warning;

#[cfg(target_arch = "wasm32")]
mod wasm;
