//! Shared by the examples: the pages of a dataset or a folder named on the command line,
//! and the JSON lines written for them.

use std::io::Write;
use std::path::PathBuf;

/// The `pages/*.html` files of the dataset folder given as the first argument, sorted; exits
/// with a usage line when there is none.
pub fn pages(tool: &str, usage: &str) -> Vec<PathBuf> {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: {tool} {usage}");
        std::process::exit(2);
    };
    html_files(tool, &dir.join("pages"))
}

/// The `*.html` files of `dir`, sorted; exits with a message when it cannot be read.
pub fn html_files(tool: &str, dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("{tool}: {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    files.retain(|p| p.extension().is_some_and(|x| x == "html"));
    files.sort();
    files
}

/// A page's id: its file name without `.html`.
pub fn id(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Writes the lines to stdout, stopping quietly when the reader goes away.
pub fn print_lines(lines: Vec<String>) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for l in lines {
        if writeln!(out, "{l}").is_err() {
            break;
        }
    }
}
