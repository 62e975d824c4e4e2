//! `wasm-bindgen`, as the upstream binary runs it (its `main` is this one
//! call and a logger): the CLI's own library, so that this crate's
//! Cargo.lock pins everything it is built from.
use std::{env, process};

fn main() {
    if let Err(e) = wasm_bindgen_cli::wasm_bindgen::run_cli_with_args(env::args_os()) {
        eprintln!("error: {e:?}");
        process::exit(1);
    }
}
