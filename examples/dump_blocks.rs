//! Dumps every block of every page of a dataset with its scorer inputs, for training the
//! block scorer (`tools/train_scorer.py`).
//!
//! ```text
//! cargo run --release --example dump_blocks -- ../shared/eval/scrapinghub > blocks.jsonl
//! ```
//! One line per page: `{"id", "blocks": [{"text", "kind", "score", "x": {term: input}}]}`.
use rayon::prelude::*;
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: dump_blocks DATASET_DIR > blocks.jsonl");
        std::process::exit(2);
    };
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir.join("pages")) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("dump_blocks: {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    files.retain(|p| p.extension().is_some_and(|x| x == "html"));
    files.sort();
    let lines: Vec<String> = files
        .par_iter()
        .map(|path| {
            let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let blocks: Vec<Value> = std::fs::read(path)
                .ok()
                .and_then(|b| dechrome::extract_bytes(&b).ok())
                .map(|doc| {
                    doc.blocks
                        .iter()
                        .map(|b| {
                            let x: serde_json::Map<String, Value> = b
                                .contributions
                                .iter()
                                .map(|c| (serde_json::to_value(c.term).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(), json!(c.input)))
                                .collect();
                            json!({"text": b.text, "kind": b.features.kind, "score": b.score, "x": x})
                        })
                        .collect()
                })
                .unwrap_or_default();
            json!({"id": id, "blocks": blocks}).to_string()
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for l in lines {
        if writeln!(out, "{l}").is_err() {
            break;
        }
    }
}
