//! Dumps every block of every page of a dataset with its scorer inputs, for training the
//! block scorer (`tools/train_scorer.py`).
//!
//! ```text
//! cargo run --release --example dump_blocks -- ../shared/eval/scrapinghub > blocks.jsonl
//! ```
//! One line per page: `{"id", "blocks": [{"text", "kind", "score", "x": {term: input}}]}`.
use rayon::prelude::*;
use serde_json::{json, Value};

#[path = "support/dataset.rs"]
mod dataset;

fn main() {
    let files = dataset::pages("dump_blocks", "DATASET_DIR > blocks.jsonl");
    let lines: Vec<String> = files
        .par_iter()
        .map(|path| {
            let id = dataset::id(path);
            let blocks: Vec<Value> = std::fs::read(path)
                .ok()
                .and_then(|b| dechrome::Extractor::default().document(&dechrome::Page::new(&b)).ok())
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
    dataset::print_lines(lines);
}
