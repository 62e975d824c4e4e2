//! What only the browser build needs, kept apart from the decision modules:
//! the allocator that replaces Rust's default, the answer tree that keeps
//! serde-wasm-bindgen's code small, and the binding itself. The first two
//! are plain Rust and tested natively (the allocator on a simulated memory,
//! the tree against `serde_json`); the binding exists only in the wasm.

mod alloc;
pub mod answer_tree;

#[cfg(target_arch = "wasm32")]
mod binding;
