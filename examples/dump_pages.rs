//! Dumps the page-type features of every page of a dataset, for training the page-type
//! model (`tools/train_page_type.py`).
//!
//! ```text
//! cargo run --release --example dump_pages -- target/eval/wcxb-dev > pages.jsonl
//! ```
//! One line per page: `{"id", "page_type", "probabilities", "features": {name: value},
//! "neutral": [name], "article_like"}`, where `page_type` and `probabilities` are what the current build
//! decides, and `neutral` names the features whose signal the page does not give (no URL,
//! nothing declared, no HTML5 sectioning tags).
use rayon::prelude::*;
use serde_json::{json, Map, Value};

#[path = "support/dataset.rs"]
mod dataset;

fn main() {
    let files = dataset::pages("dump_pages", "DATASET_DIR > pages.jsonl");
    let lines: Vec<String> = files
        .par_iter()
        .map(|path| {
            let id = dataset::id(path);
            let doc = std::fs::read(path).ok().and_then(|b| {
                dechrome::Extractor::default()
                    .document(&dechrome::Page::new(&b))
                    .ok()
            });
            let article_like = doc
                .as_ref()
                .is_some_and(|d| d.page_type_evidence.article_like);
            let (page_type, probabilities, features, neutral) = match doc {
                Some(d) => (
                    serde_json::to_value(d.page_type).unwrap_or(Value::Null),
                    serde_json::to_value(&d.page_type_evidence.probabilities)
                        .unwrap_or(Value::Null),
                    d.page_type_evidence
                        .features
                        .iter()
                        .map(|f| (f.name.clone(), json!(f.value)))
                        .collect::<Map<String, Value>>(),
                    d.page_type_evidence
                        .features
                        .iter()
                        .filter(|f| f.neutral)
                        .map(|f| f.name.clone())
                        .collect::<Vec<String>>(),
                ),
                None => (Value::Null, Value::Null, Map::new(), Vec::new()),
            };
            json!({"id": id, "page_type": page_type, "probabilities": probabilities,
                "features": features, "neutral": neutral, "article_like": article_like})
            .to_string()
        })
        .collect();
    dataset::print_lines(lines);
}
