//! Scores dechrome (or a predictions file) on a labelled dataset laid out like
//! `../shared/eval/<set>/`: `truth.jsonl` plus `pages/<id>.html`.
//!
//! ```text
//! cargo run --release --example evaluate -- ../shared/eval/scrapinghub
//! cargo run --release --example evaluate -- ../shared/eval/trafilatura --favor precision
//! cargo run --release --example evaluate -- DATASET --preds preds.jsonl   # score a file instead
//! cargo run --release --example evaluate -- DATASET --json                 # one JSON object
//! cargo run --release --example evaluate -- DATASET --min-f1 0.94          # exit 1 below the floor
//! cargo run --release --example evaluate -- DATASET --max-not-article 3     # exit 1 if more than 3% of an
//!                                                                           # article set reads as another type
//! cargo run --release --example evaluate -- DATASET --output markdown      # score the Markdown, markup stripped
//! cargo run --release --example evaluate -- DATASET --page-type article     # every page read as one type
//! cargo run --release --example evaluate -- target/eval/wcxb-dev --page-type truth   # each page as its true type
//! cargo run --release --example evaluate -- target/eval/wcxb-dev \
//!     --peer trafilatura=target/eval/wcxb-dev/peers/trafilatura.jsonl       # per page type, beside a peer
//! ```
//!
//! For a set whose truth gives each page's `page_type` (wcxb-dev), token F1 is the primary
//! figure and it is also printed per page type; each `--peer NAME=FILE` adds a column with
//! that predictions file scored the same way (`--table` prints that table in Markdown).
//!
//! The metrics follow the definitions of `score.py` beside the datasets: the shingle metric
//! (4-grams of `\w+` tokens, per-document tp/fp/fn normalised, precision averaged over
//! documents with output) and bag-of-words token F1 for full-text truth; the snippet metric
//! (whitespace-collapsed substring tests summed over the corpus) for `with`/`without` truth.
use dechrome::{Extractor, Favor};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let mut dataset: Option<PathBuf> = None;
    let mut preds_path: Option<PathBuf> = None;
    let mut json = false;
    let mut favor = Favor::Balanced;
    let mut min_f1: Option<f64> = None;
    let mut per_doc: Option<PathBuf> = None;
    let mut markdown = false;
    let mut peers: Vec<(String, PathBuf)> = Vec::new();
    let mut table = false;
    let mut given: Option<Given> = None;
    let mut max_not_article: Option<f64> = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--preds" => preds_path = it.next().map(PathBuf::from),
            "--json" => json = true,
            "--table" => table = true,
            "--peer" => {
                let spec = it.next().ok_or("--peer needs NAME=FILE")?;
                let (name, file) = spec.split_once('=').ok_or("--peer needs NAME=FILE")?;
                peers.push((name.to_string(), PathBuf::from(file)));
            }
            "--per-doc" => per_doc = it.next().map(PathBuf::from),
            "--max-not-article" => {
                max_not_article = Some(
                    it.next()
                        .and_then(|v| v.parse().ok())
                        .ok_or("--max-not-article needs a percentage")?,
                )
            }
            "--page-type" => {
                let v = it.next().ok_or("--page-type needs a type or `truth`")?;
                given = Some(if v == "truth" {
                    Given::Truth
                } else {
                    Given::Type(v.parse().map_err(|e| format!("--page-type: {e}"))?)
                });
            }
            "--output" => {
                markdown = match it.next().as_deref() {
                    Some("markdown") => true,
                    Some("text") => false,
                    _ => return Err("--output text|markdown".into()),
                }
            }
            "--min-f1" => {
                min_f1 = Some(
                    it.next()
                        .and_then(|v| v.parse().ok())
                        .ok_or("--min-f1 needs a number")?,
                )
            }
            "--favor" => {
                favor = match it.next().as_deref() {
                    Some("precision") => Favor::Precision,
                    Some("recall") => Favor::Recall,
                    Some("balanced") => Favor::Balanced,
                    _ => return Err("--favor precision|balanced|recall".into()),
                }
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => dataset = Some(PathBuf::from(s)),
        }
    }
    let dataset = dataset
        .ok_or("usage: evaluate DATASET_DIR [--preds FILE] [--json] [--favor F] [--min-f1 X]")?;
    let truth = read_jsonl(&dataset.join("truth.jsonl"))?;
    let (preds, read): (HashMap<String, String>, HashMap<String, String>) = match preds_path {
        Some(p) => (read_preds(&p)?, HashMap::new()),
        None => predict(&dataset, &truth, favor, markdown, given),
    };
    let mut report = score(&truth, &preds);
    for row in &mut report.per_doc {
        if let Some(t) = row["id"].as_str().and_then(|id| read.get(id)) {
            row["read_as"] = Value::from(t.as_str());
        }
    }
    let peer_reports: Vec<(String, Report)> = peers
        .iter()
        .map(|(name, path)| Ok((name.clone(), score(&truth, &read_preds(path)?))))
        .collect::<Result<_, String>>()?;
    if let Some(path) = per_doc {
        let lines: Vec<String> = report.per_doc.iter().map(Value::to_string).collect();
        std::fs::write(&path, lines.join("\n") + "\n")
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let name = dataset
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if json {
        println!("{}", report.to_json(&name));
    } else if table {
        print_type_table(&report, &peer_reports, true);
    } else {
        report.print(&name);
        print_read_as(&read);
        if !report.by_type.is_empty() {
            println!();
            print_type_table(&report, &peer_reports, false);
        }
    }
    if let Some(max) = max_not_article {
        let not_article = read.values().filter(|t| t.as_str() != "article").count();
        let share = 100.0 * not_article as f64 / read.len().max(1) as f64;
        if read.is_empty() || share > max {
            eprintln!(
                "evaluate: {share:.1}% of the pages read as another type than article, over {max}%"
            );
            return Ok(ExitCode::FAILURE);
        }
        eprintln!(
            "evaluate: {share:.1}% of the pages read as another type than article, within {max}%"
        );
    }
    let primary = report.primary_f1();
    if let Some(floor) = min_f1 {
        if primary < floor {
            eprintln!("evaluate: F1 {primary:.4} is below the floor {floor:.4}");
            return Ok(ExitCode::FAILURE);
        }
        eprintln!("evaluate: F1 {primary:.4} meets the floor {floor:.4}");
    }
    Ok(ExitCode::SUCCESS)
}

/// What the pages are read as: a type given to every page, or each page's true type.
#[derive(Clone, Copy)]
enum Given {
    Type(dechrome::PageType),
    Truth,
}

/// How many pages were read as each type, most first.
fn print_read_as(read: &HashMap<String, String>) {
    if read.is_empty() {
        return;
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for t in read.values() {
        *counts.entry(t.as_str()).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let n = read.len().max(1) as f64;
    let not_article = read.values().filter(|t| t.as_str() != "article").count();
    let list: Vec<String> = counts.iter().map(|(t, c)| format!("{t} {c}")).collect();
    println!(
        "read as:                 {}  (not article: {not_article}, {:.1}%)",
        list.join(", "),
        100.0 * not_article as f64 / n
    );
}

fn id_of(r: &Value) -> Option<String> {
    match r.get("id")? {
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// A predictions file: one `{"id", "text"}` per line (a null text counts as empty).
fn read_preds(path: &Path) -> Result<HashMap<String, String>, String> {
    Ok(read_jsonl(path)?
        .into_iter()
        .filter_map(|r| {
            let text = r.get("text").and_then(Value::as_str).unwrap_or("");
            Some((id_of(&r)?, text.to_string()))
        })
        .collect())
}

/// Token F1 per page type (and all pages), dechrome beside each peer; Markdown with `md`.
fn print_type_table(report: &Report, peers: &[(String, Report)], md: bool) {
    let mut header = vec!["page type (pages)".to_string(), "dechrome".to_string()];
    header.extend(peers.iter().map(|(n, _)| n.clone()));
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut types: Vec<&TypeScore> = report.by_type.iter().collect();
    types.sort_by(|a, b| b.n.cmp(&a.n).then(a.name.cmp(&b.name)));
    let all = TypeScore {
        name: "all".into(),
        n: report.docs,
        f1: report.token.map_or(0.0, |t| t.2),
        ..TypeScore::default()
    };
    for t in types.into_iter().chain(std::iter::once(&all)) {
        let mut row = vec![format!("{} ({})", t.name, t.n)];
        let peer_f1 = |r: &Report| {
            if t.name == "all" {
                r.token.map_or(0.0, |x| x.2)
            } else {
                r.by_type
                    .iter()
                    .find(|x| x.name == t.name)
                    .map_or(0.0, |x| x.f1)
            }
        };
        let best = peers.iter().map(|(_, r)| peer_f1(r)).fold(t.f1, f64::max);
        let cell = |f: f64| {
            if md && format!("{f:.3}") == format!("{best:.3}") {
                format!("**{f:.3}**")
            } else {
                format!("{f:.3}")
            }
        };
        row.push(cell(t.f1));
        row.extend(peers.iter().map(|(_, r)| cell(peer_f1(r))));
        rows.push(row);
    }
    if md {
        println!("| {} |", header.join(" | "));
        println!("|{}", "---|".repeat(header.len()));
        for r in rows {
            println!("| {} |", r.join(" | "));
        }
    } else {
        println!("token F1 by page type");
        let line = |cells: &[String]| {
            let mut s = format!("  {:<24}", cells[0]);
            for c in &cells[1..] {
                s.push_str(&format!("{c:>16}"));
            }
            s
        };
        println!("{}", line(&header));
        for r in rows {
            println!("{}", line(&r));
        }
    }
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

fn predict(
    dataset: &Path,
    truth: &[Value],
    favor: Favor,
    markdown: bool,
    given: Option<Given>,
) -> (HashMap<String, String>, HashMap<String, String>) {
    let extractor = Extractor::builder().favor(favor).build();
    let results: Vec<(String, String, String)> = truth
        .par_iter()
        .filter_map(|r| {
            let id = id_of(r)?;
            let bytes = std::fs::read(dataset.join("pages").join(format!("{id}.html"))).ok()?;
            let mut page = dechrome::Page::new(&bytes);
            match given {
                Some(Given::Type(t)) => page = page.page_type(t),
                Some(Given::Truth) => {
                    if let Some(t) = r
                        .get("page_type")
                        .and_then(Value::as_str)
                        .and_then(|t| t.parse().ok())
                    {
                        page = page.page_type(t);
                    }
                }
                None => {}
            }
            let (text, read) = extractor
                .document(&page)
                .map(|d| {
                    let text = if markdown {
                        strip_markdown(&d.to_markdown())
                    } else {
                        d.text
                    };
                    (text, d.page_type.as_str().to_string())
                })
                .unwrap_or_default();
            Some((id, text, read))
        })
        .collect();
    let mut texts = HashMap::new();
    let mut read = HashMap::new();
    for (id, text, t) in results {
        if !t.is_empty() {
            read.insert(id.clone(), t);
        }
        texts.insert(id, text);
    }
    (texts, read)
}

/// The text of a Markdown document, markup removed (blocks on lines of their own).
fn strip_markdown(md: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let mut out = String::new();
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push_str("\n\n"),
            _ => {}
        }
    }
    out
}

// ------------------------------------------------------------------ metrics

/// Python's `\w`: alphanumeric (letters of category L*, numbers) or underscore.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn word_tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, i64> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < 4 {
        out.insert(tokens.to_vec(), 1);
        return out;
    }
    for w in tokens.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Normalised (tp, fp, fn) of one document.
fn shingle_counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (tt, pt) = (word_tokens(truth), word_tokens(pred));
    let (t, p) = (shingles(&tt), shingles(&pt));
    let (mut tp, mut fp, mut fn_) = (0i64, 0i64, 0i64);
    for (k, &a) in &t {
        let b = p.get(k).copied().unwrap_or(0);
        tp += a.min(b);
        fn_ += (a - b).max(0);
    }
    for (k, &b) in &p {
        let a = t.get(k).copied().unwrap_or(0);
        fp += (b - a).max(0);
    }
    let s = (tp + fp + fn_) as f64;
    if s > 0.0 {
        (tp as f64 / s, fp as f64 / s, fn_ as f64 / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

fn ratio(tp: f64, other: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && other == 0.0 {
        0.0
    } else {
        tp / (tp + other)
    }
}

fn token_prf(truth: &str, pred: &str) -> (f64, f64, f64) {
    let count = |s: &str| {
        let mut m: HashMap<String, i64> = HashMap::new();
        for t in word_tokens(s) {
            *m.entry(t.to_lowercase()).or_insert(0) += 1;
        }
        m
    };
    let (t, p) = (count(truth), count(pred));
    if t.is_empty() {
        return if p.is_empty() {
            (1.0, 1.0, 1.0)
        } else {
            (0.0, 1.0, 0.0)
        };
    }
    if p.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let overlap: i64 = t
        .iter()
        .map(|(k, &a)| a.min(p.get(k).copied().unwrap_or(0)))
        .sum();
    let (ts, ps): (i64, i64) = (t.values().sum(), p.values().sum());
    let (prec, rec) = (overlap as f64 / ps as f64, overlap as f64 / ts as f64);
    let f = if prec + rec > 0.0 {
        2.0 * prec * rec / (prec + rec)
    } else {
        0.0
    };
    (prec, rec, f)
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    }
}

#[derive(Default)]
struct Report {
    docs: usize,
    missing: usize,
    shingle: Option<(f64, f64, f64)>,
    token: Option<(f64, f64, f64)>,
    snippets: Option<[usize; 4]>,
    /// Mean token P, R and F1 per page type, for truth that gives `page_type`.
    by_type: Vec<TypeScore>,
    per_doc: Vec<Value>,
}

/// Mean token precision, recall and F1 over the pages of one type.
#[derive(Default, Clone)]
struct TypeScore {
    name: String,
    n: usize,
    p: f64,
    r: f64,
    f1: f64,
}

fn score(truth: &[Value], preds: &HashMap<String, String>) -> Report {
    let mut r = Report {
        docs: truth.len(),
        ..Report::default()
    };
    let (mut triples, mut toks, mut snip) = (Vec::new(), Vec::new(), [0usize; 4]);
    let mut has_snippets = false;
    let mut typed: HashMap<String, Vec<(f64, f64, f64)>> = HashMap::new();
    for rec in truth {
        let id = id_of(rec).unwrap_or_default();
        let pred = preds.get(&id).map(String::as_str);
        r.missing += usize::from(pred.is_none());
        let pred = pred.unwrap_or("");
        let mut row = serde_json::json!({"id": id});
        if let Some(t) = rec.get("text").and_then(Value::as_str) {
            let c = shingle_counts(t, pred);
            let tk = token_prf(t, pred);
            row["shingle_p"] = serde_json::json!(ratio(c.0, c.1, c.1, c.2));
            row["shingle_r"] = serde_json::json!(ratio(c.0, c.2, c.1, c.2));
            row["token_f1"] = serde_json::json!(tk.2);
            if let Some(pt) = rec.get("page_type").and_then(Value::as_str) {
                typed.entry(pt.to_string()).or_default().push(tk);
                row["page_type"] = serde_json::json!(pt);
            }
            triples.push(c);
            toks.push(tk);
        }
        if rec.get("with").is_some() || rec.get("without").is_some() {
            has_snippets = true;
            let res = collapse_ws(pred);
            let list = |k: &str| -> Vec<String> {
                rec.get(k)
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(collapse_ws)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let (withs, withouts) = (list("with"), list("without"));
            let found = |s: &String| !pred.is_empty() && res.contains(s.as_str());
            let missed: Vec<&String> = withs.iter().filter(|w| !found(w)).collect();
            let leaked: Vec<&String> = withouts.iter().filter(|w| found(w)).collect();
            let tp = withs.len() - missed.len();
            snip[0] += tp;
            snip[1] += leaked.len();
            snip[2] += missed.len();
            snip[3] += withouts.len() - leaked.len();
            row["missed"] = serde_json::json!(missed);
            row["leaked"] = serde_json::json!(leaked);
        }
        r.per_doc.push(row);
    }
    if !triples.is_empty() {
        let precs: Vec<f64> = triples
            .iter()
            .filter(|c| c.0 + c.1 > 0.0)
            .map(|c| ratio(c.0, c.1, c.1, c.2))
            .collect();
        let recs: Vec<f64> = triples
            .iter()
            .filter(|c| c.0 + c.2 > 0.0)
            .map(|c| ratio(c.0, c.2, c.1, c.2))
            .collect();
        let (p, rc) = (mean(&precs), mean(&recs));
        let f = if p + rc > 0.0 {
            2.0 * p * rc / (p + rc)
        } else {
            0.0
        };
        r.shingle = Some((p, rc, f));
        let col = |i: usize| {
            mean(
                &toks
                    .iter()
                    .map(|t: &(f64, f64, f64)| [t.0, t.1, t.2][i])
                    .collect::<Vec<_>>(),
            )
        };
        r.token = Some((col(0), col(1), col(2)));
    }
    if has_snippets {
        r.snippets = Some(snip);
    }
    r.by_type = typed
        .into_iter()
        .map(|(name, v)| {
            let col = |i: usize| mean(&v.iter().map(|t| [t.0, t.1, t.2][i]).collect::<Vec<_>>());
            TypeScore {
                name,
                n: v.len(),
                p: col(0),
                r: col(1),
                f1: col(2),
            }
        })
        .collect();
    r.by_type.sort_by(|a, b| a.name.cmp(&b.name));
    r
}

fn snippet_prf(s: [usize; 4]) -> (f64, f64, f64) {
    let [tp, fp, fn_, _] = s.map(|x| x as f64);
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if 2.0 * tp + fp + fn_ > 0.0 {
        2.0 * tp / (2.0 * tp + fp + fn_)
    } else {
        0.0
    };
    (p, r, f)
}

impl Report {
    /// Token F1 on a set with page types (its benchmark's metric), else shingle F1 on a
    /// full-text set, else snippet F1.
    fn primary_f1(&self) -> f64 {
        if !self.by_type.is_empty() {
            return self.token.map_or(0.0, |t| t.2);
        }
        self.shingle
            .map(|s| s.2)
            .or(self.snippets.map(|s| snippet_prf(s).2))
            .unwrap_or(0.0)
    }

    fn print(&self, name: &str) {
        println!(
            "dataset: {name}   docs: {}   missing predictions: {}",
            self.docs, self.missing
        );
        if let Some((p, r, f)) = self.shingle {
            println!("shingle (4-gram):        P {p:.3}  R {r:.3}  F1 {f:.3}");
        }
        if let Some((p, r, f)) = self.token {
            println!("token bag-of-words:      P {p:.3}  R {r:.3}  F1 {f:.3}");
        }
        if let Some(s) = self.snippets {
            let (p, r, f) = snippet_prf(s);
            println!(
                "snippets:                P {p:.3}  R {r:.3}  F1 {f:.3}  (tp {} fp {} fn {} tn {})",
                s[0], s[1], s[2], s[3]
            );
        }
    }

    fn to_json(&self, name: &str) -> Value {
        let mut v = serde_json::json!({"dataset": name, "docs": self.docs, "missing_predictions": self.missing});
        if let Some((p, r, f)) = self.shingle {
            v["shingle"] = serde_json::json!({"precision": p, "recall": r, "f1": f});
        }
        if let Some((p, r, f)) = self.token {
            v["token"] = serde_json::json!({"precision": p, "recall": r, "f1": f});
        }
        if let Some(s) = self.snippets {
            let (p, r, f) = snippet_prf(s);
            v["snippets"] = serde_json::json!({"precision": p, "recall": r, "f1": f, "tp": s[0], "fp": s[1], "fn": s[2], "tn": s[3]});
        }
        if !self.by_type.is_empty() {
            let types: serde_json::Map<String, Value> = self
                .by_type
                .iter()
                .map(|t| {
                    (
                        t.name.clone(),
                        serde_json::json!({"docs": t.n, "precision": t.p, "recall": t.r, "f1": t.f1}),
                    )
                })
                .collect();
            v["token_by_page_type"] = Value::Object(types);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_counts_match_the_reference_example() {
        // score.py's self-test: 6 true tokens, 8 predicted -> 3 of 5 shingles right.
        let (tp, fp, fn_) = shingle_counts(
            "one two three four five six",
            "one two three four five six seven eight",
        );
        assert!((tp - 0.6).abs() < 1e-12 && (fp - 0.4).abs() < 1e-12 && fn_ == 0.0);
        assert_eq!(shingle_counts("a b", "a b"), (1.0, 0.0, 0.0));
    }

    #[test]
    fn token_prf_matches_the_reference_example() {
        let (p, r, f) = token_prf(
            "one two three four five six",
            "one two three four five six seven eight",
        );
        assert_eq!((p, r), (0.75, 1.0));
        assert!((f - 2.0 * 0.75 / 1.75).abs() < 1e-12);
    }

    #[test]
    fn snippets_count_found_and_leaked() {
        let truth: Vec<Value> = vec![
            serde_json::json!({"id": "a", "with": ["quick  brown fox"], "without": ["Cookie policy"]}),
            serde_json::json!({"id": "b", "with": ["gamma delta"], "without": ["Editors' Picks"]}),
        ];
        let preds: HashMap<String, String> = [
            (
                "a".to_string(),
                "The quick brown\nfox. Cookie policy".to_string(),
            ),
            ("b".to_string(), String::new()),
        ]
        .into();
        assert_eq!(score(&truth, &preds).snippets, Some([1, 1, 1, 1]));
    }

    #[test]
    fn token_f1_is_averaged_per_page_type() {
        let truth: Vec<Value> = vec![
            serde_json::json!({"id": "a", "text": "one two", "page_type": "forum"}),
            serde_json::json!({"id": "b", "text": "three four", "page_type": "forum"}),
            serde_json::json!({"id": "c", "text": "five six", "page_type": "product"}),
        ];
        let preds: HashMap<String, String> = [
            ("a".to_string(), "one two".to_string()),
            ("c".to_string(), "five".to_string()),
        ]
        .into();
        let r = score(&truth, &preds);
        let f1 = |name: &str| {
            r.by_type
                .iter()
                .find(|t| t.name == name)
                .map(|t| (t.n, t.f1))
        };
        assert_eq!(f1("forum"), Some((2, 0.5)));
        let (n, f) = f1("product").expect("product");
        assert!(n == 1 && (f - 2.0 / 3.0).abs() < 1e-12);
        // The primary figure of a typed set is its token F1, the mean over all pages.
        assert!((r.primary_f1() - (1.0 + 0.0 + 2.0 / 3.0) / 3.0).abs() < 1e-12);
    }
}
