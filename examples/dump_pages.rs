//! Dumps the page-type features of every page of a dataset, for training the page-type
//! model (`tools/train_page_type.py`).
//!
//! ```text
//! cargo run --release --example dump_pages -- target/eval/wcxb-dev > pages.jsonl
//! ```
//! One line per page: `{"id", "page_type", "probabilities", "features": {name: value}}`,
//! where `page_type` and `probabilities` are what the current model detects.
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::io::Write;
use std::path::PathBuf;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: dump_pages DATASET_DIR > pages.jsonl");
        std::process::exit(2);
    };
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir.join("pages")) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("dump_pages: {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    files.retain(|p| p.extension().is_some_and(|x| x == "html"));
    files.sort();
    let lines: Vec<String> = files
        .par_iter()
        .map(|path| {
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let doc = std::fs::read(path)
                .ok()
                .and_then(|b| dechrome::extract_bytes(&b).ok());
            let (page_type, probabilities, features) = match doc {
                Some(d) => (
                    serde_json::to_value(d.page_type).unwrap_or(Value::Null),
                    serde_json::to_value(&d.page_type_evidence.probabilities)
                        .unwrap_or(Value::Null),
                    d.page_type_evidence
                        .features
                        .iter()
                        .map(|f| (f.name.clone(), json!(f.value)))
                        .collect::<Map<String, Value>>(),
                ),
                None => (Value::Null, Value::Null, Map::new()),
            };
            json!({"id": id, "page_type": page_type, "probabilities": probabilities, "features": features})
                .to_string()
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for l in lines {
        if writeln!(out, "{l}").is_err() {
            break;
        }
    }
}
