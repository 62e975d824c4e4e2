//! `./build.sh replay REPORT.json…`: what the core decides now on each
//! report's page beside what the report says it decided (`plh::replay`;
//! `!` marks a difference). `--record` also writes, beside each report, the
//! answer `tests/reports.rs` holds it to (`NAME.expected.json`).

use std::process::ExitCode;

use plh::replay::{compare, replay, table};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let record = args.iter().any(|a| a == "--record");
    // A recorded answer beside a report is no report (`tests/reports/*.json`).
    let files: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with("--") && !a.ends_with(".expected.json"))
        .collect();
    if files.is_empty() {
        eprintln!("usage: ./build.sh replay [--record] REPORT.json…");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in files {
        let report: serde_json::Value = match std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{file}: {e}");
                failed = true;
                continue;
            }
        };
        let now = match replay(&report) {
            Ok(now) => now,
            Err(e) => {
                eprintln!("{file}: {e}");
                failed = true;
                continue;
            }
        };
        let field = |k: &str| match report.get(k) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => "-".into(),
        };
        println!(
            "{file}: extension {}, browser {}, {}",
            field("extension"),
            field("browser"),
            field("date")
        );
        if let Some(note) = report.get("edited").and_then(|v| v.as_str()) {
            println!("(edited: {note})");
        }
        let was = report.get("decided").cloned().unwrap_or_default();
        print!("{}", table(&compare(&was, &now)));
        if record {
            let out = file.trim_end_matches(".json").to_string() + ".expected.json";
            let text = serde_json::to_string_pretty(&now).expect("JSON") + "\n";
            if let Err(e) = std::fs::write(&out, text) {
                eprintln!("{out}: {e}");
                failed = true;
            } else {
                println!("recorded {out}");
            }
        }
        println!();
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
