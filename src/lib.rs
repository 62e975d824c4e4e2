//! Login Helper for Pasona Career: every decision the extension makes.
//!
//! The browser side only reads the page into a [`snapshot::PageSnapshot`], sends
//! [`protocol::Request`]s and draws the [`protocol::Response`]s. Nothing here touches
//! the DOM, so all of it is tested natively with `cargo test`; `wasm` is the only
//! module that exists solely for the browser build.

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
pub mod protocol;
pub mod settings;
pub mod site;
pub mod snapshot;
pub mod text;
pub mod warning;

#[cfg(target_arch = "wasm32")]
mod wasm;
