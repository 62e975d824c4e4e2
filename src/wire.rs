//! The wire between the scripts and the core, declared for the scripts'
//! type checker: `extension/shared/wire.d.ts` is written from the Rust types
//! (by `ts-rs`, in the tests only: nothing of it reaches the wasm), and the
//! test below fails when the committed file is not what they give.
//! `PLH_WIRE=write cargo test --lib wire` writes it afresh.
//!
//! What it declares: every answer (`protocol::Response` and all it holds,
//! from `Serialize`), the page snapshot the reader sends, and the requests.
//! Requests are read by hand (`decode`), so each reader has a mirror beside
//! it (`mirror` modules: `protocol`, `session::{request, event}`, `popup`,
//! `options`, `env`, `stored`) whose tests serialize the mirror and check
//! that the real reader reads it; the two hand-written `Serialize`s
//! (`Settings`, `Dismissed`) have mirrors checked against what they write.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use ts_rs::{Config, TypeVisitor, TS};

use crate::protocol::{mirror, Response};

/// Where the declarations go, from the crate's root.
const FILE: &str = "extension/shared/wire.d.ts";

const HEADER: &str = "\
// The wire between the scripts and the core: what the scripts send, what the
// core answers. Generated from the Rust types by `cargo test` (src/wire.rs);
// do not edit: change the Rust types, then `PLH_WIRE=write cargo test --lib wire`.
";

/// Every declaration the roots need, once each, in name order.
fn declarations() -> String {
    // Whole numbers of 64 bits are JavaScript numbers on this wire (the
    // reader reads only doubles; the answers are serialized JSON-compatible).
    let cfg = Config::new().with_large_int("number");
    let mut all = Collect {
        cfg,
        seen: HashSet::new(),
        decls: BTreeMap::new(),
    };
    all.visit::<mirror::Request>();
    all.visit::<mirror::Answers>();
    all.visit::<mirror::Answer<()>>();
    all.visit::<Response>();
    // Named by `view` as `#[ts(type = …)]` (it may not use `warning`, which
    // uses it): declared here in any case.
    all.visit::<crate::warning::Field>();
    all.visit::<crate::warning::Code>();
    let mut out = String::from(HEADER);
    for decl in all.decls.values() {
        out.push('\n');
        out.push_str(decl);
        out.push('\n');
    }
    out
}

struct Collect {
    cfg: Config,
    seen: HashSet<TypeId>,
    /// Declarations by their TypeScript name.
    decls: BTreeMap<String, String>,
}

impl TypeVisitor for Collect {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only named types are declared (not `string`, `Array<…>`…); each once.
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let decl = format!(
            "{}export {}",
            T::docs().unwrap_or_default(),
            T::decl(&self.cfg)
        );
        let name = T::ident(&self.cfg);
        // One name, one declaration (`Answer<Start>` and `Answer<()>` give
        // the same generic one); two Rust types of one name would clash.
        if let Some(other) = self.decls.insert(name.clone(), decl.clone()) {
            assert_eq!(other, decl, "two types declared as {name}");
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

#[test]
fn the_committed_declarations_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(FILE);
    let fresh = declarations();
    if std::env::var("PLH_WIRE").as_deref() == Ok("write") {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != fresh {
        let line = committed
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(committed.lines().count().min(fresh.lines().count()));
        panic!(
            "{FILE} is not what the Rust types declare (first difference at line {}): \
             run `PLH_WIRE=write cargo test --lib wire` and commit it",
            line + 1
        );
    }
}

#[test]
fn every_declaration_is_there_once() {
    let text = declarations();
    for name in [
        "Request",
        "Answers",
        "Answer",
        "Response",
        "PageRequest",
        "PageEvent",
        "FieldEvent",
        "PagePress",
        "Values",
        "PopupRequest",
        "PopupTab",
        "OptionsRequest",
        "OptionsEvent",
        "Env",
        "Stored",
        "Settings",
        "Dismissed",
        "PageSnapshot",
        "Start",
        "PageResponse",
        "State",
        "Part",
        "Press",
        "Text",
        "Arg",
        "Effect",
        "StoredValue",
        "TabView",
        "ReportView",
        "Report",
    ] {
        let head = |generic: &str| format!("export type {name}{generic} =");
        let n = text.matches(&head("")).count() + text.matches(&head("<T>")).count();
        assert_eq!(n, 1, "{name}");
    }
    assert!(!text.contains("bigint"), "numbers, not bigints");
}

#[test]
fn the_keys_declared_as_their_types_are_their_names() {
    // Strings the answers carry as a type's key (`#[ts(as = …)]`,
    // `#[ts(type = …)]`: a press's code and field, a report's codes, kind
    // and site) are declared as that type, whose declaration is its serde
    // name: the two must be one.
    use crate::site::Site;
    use crate::warning::{Code, Field, LoginKind};
    let name = |v: serde_json::Value| v.as_str().expect("a string").to_string();
    for c in Code::ALL {
        assert_eq!(name(serde_json::to_value(c).unwrap()), c.key());
    }
    for f in Field::ALL {
        assert_eq!(name(serde_json::to_value(f).unwrap()), f.key());
    }
    for k in [LoginKind::MemberService, LoginKind::MyPage] {
        assert_eq!(name(serde_json::to_value(k).unwrap()), k.key());
    }
    for s in [Site::PasonaCareer, Site::Pasona, Site::PasonaMasters] {
        assert_eq!(name(serde_json::to_value(s).unwrap()), s.key());
    }
}
