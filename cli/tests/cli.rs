//! The command line, run in-process through the crate's library target: options, exit
//! codes, batch mode with an id → URL table, and WARC files written by warcio.

use dechrome_cli::app;

use std::path::{Path, PathBuf};

/// Runs the command line; returns the exit code, stdout and stderr.
fn run(args: &[&str]) -> (u8, String, String) {
    let mut argv = vec![std::ffi::OsString::from("dechrome")];
    argv.extend(args.iter().map(std::ffi::OsString::from));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = app::run(argv, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).expect("utf-8 out"),
        String::from_utf8(err).expect("utf-8 err"),
    )
}

fn lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/news_sample.html"
);

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dechrome-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn article(topic: &str, link: &str) -> String {
    format!(
        "<html><head><title>{topic}</title></head><body><nav><a href='/'>Home</a></nav>\
         <article><p>The council met on Monday and agreed, after a long debate about {topic}, \
         to open the library on Sundays from next month, <a href='{link}'>the minutes</a> \
         say.</p></article></body></html>"
    )
}

#[test]
fn help_lists_every_option_and_the_exit_codes() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for option in [
        "--jsonl",
        "--warc",
        "--urls",
        "--format",
        "--metadata",
        "--explain",
        "--captions",
        "--favor",
        "--min-words",
        "--charset",
        "--url",
        "--links",
        "--link-targets",
        "--threads",
        "--max-memory",
        "--max-input-bytes",
        "--quiet",
        "--template",
        "--template-memory",
        "--version",
    ] {
        assert!(out.contains(option), "{option} missing from --help");
    }
    assert!(out.contains("Exit codes:"), "{out}");
}

#[test]
fn exit_codes_say_what_went_wrong() {
    let (code, out, _) = run(&[SAMPLE]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("The Kremlin has expressed confidence"),
        "{out}"
    );
    assert_eq!(run(&["--no-such-option"]).0, 2, "usage error");
    assert_eq!(run(&["--format", "yaml", SAMPLE]).0, 2, "usage error");
    let (code, _, err) = run(&["/nonexistent/page.html"]);
    assert_eq!(code, 3, "unreadable input");
    assert!(err.contains("/nonexistent/page.html"), "{err}");
    let dir = temp_dir("codes");
    let pdf = dir.join("report.html");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").expect("write");
    let (code, _, err) = run(&[pdf.to_str().expect("path")]);
    assert_eq!(code, 1, "a page that cannot be extracted");
    assert!(err.contains("not HTML"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn options_take_their_value_after_an_equals_sign() {
    let (code, md, _) = run(&["--format=markdown", "--min-words=3", SAMPLE]);
    assert_eq!(code, 0);
    let (_, md2, _) = run(&["--format", "markdown", "--min-words", "3", SAMPLE]);
    assert_eq!(md, md2);
    let (_, text, _) = run(&[SAMPLE]);
    assert_ne!(md, text, "the format was applied");
}

#[test]
fn an_unknown_charset_and_an_invalid_url_are_warnings_not_failures() {
    let (code, out, err) = run(&["--charset=klingon", "--url=not a url", SAMPLE]);
    assert_eq!(code, 0);
    assert!(out.starts_with("The Kremlin"), "{out}");
    assert!(
        err.contains("klingon") && err.contains("not a url"),
        "{err}"
    );
    assert!(err.matches("ignored").count() == 2, "{err}");
}

#[test]
fn batch_lines_use_the_url_table_for_links_and_keep_going_past_a_bad_page() {
    let dir = temp_dir("batch");
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).expect("dir");
    std::fs::write(pages.join("a.html"), article("roads", "minutes/roads.pdf")).expect("a");
    std::fs::write(pages.join("b.html"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("b");
    std::fs::write(
        pages.join("c.html"),
        article("schools", "/minutes/schools.pdf"),
    )
    .expect("c");
    let table = dir.join("urls.tsv");
    std::fs::write(
        &table,
        "a\thttps://gazette.example/council/roads\n{\"id\": \"c\", \"url\": \"https://gazette.example/council/schools\"}\n",
    )
    .expect("table");
    let (code, out, err) = run(&[
        "--jsonl",
        pages.to_str().expect("path"),
        "--urls",
        table.to_str().expect("path"),
        "--links",
        "--threads=2",
    ]);
    assert_eq!(code, 0, "{err}");
    let lines = lines(&out);
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(lines[0]["url"], "https://gazette.example/council/roads");
    assert!(lines[0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("debate about roads")));
    let links = lines[0]["links"].as_array().expect("links");
    let urls: Vec<&str> = links
        .iter()
        .map(|l| l["url"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        urls,
        [
            "https://gazette.example/",
            "https://gazette.example/council/minutes/roads.pdf"
        ],
        "relative links resolved against the table's URL, boilerplate too"
    );
    assert_eq!(links[0]["in_content"], false);
    assert_eq!(links[1]["in_content"], true);
    assert!(lines[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("not HTML")));
    assert!(lines[1].get("text").is_none());
    assert_eq!(
        lines[2]["links"][1]["url"],
        "https://gazette.example/minutes/schools.pdf"
    );
    assert!(err.contains("2 pages extracted, 1 failed"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_batch_survives_a_page_over_the_memory_budget() {
    let dir = temp_dir("memory");
    // JSON-LD of many tiny objects: parsed, it would take far more than its text.
    let flood = format!(
        "<html><head><script type=application/ld+json>[{}{{}}]</script></head>\
         <body><p>x</p></body></html>",
        r#"{"a":0},"#.repeat(400_000)
    );
    std::fs::write(dir.join("a.html"), article("roads", "/r")).expect("a");
    std::fs::write(dir.join("b.html"), flood).expect("b");
    std::fs::write(dir.join("c.html"), article("schools", "/s")).expect("c");
    let (code, out, _) = run(&["--jsonl", dir.to_str().expect("path"), "--threads=2"]);
    assert_eq!(code, 0);
    let lines = lines(&out);
    assert_eq!(lines.len(), 3);
    let expected = dechrome::Extractor::default()
        .document(&dechrome::Page::from_text(&article("roads", "/r")))
        .expect("ok")
        .text;
    assert_eq!(lines[0]["text"].as_str(), Some(expected.as_str()));
    assert!(lines[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("memory")));
    assert!(lines[2]["text"]
        .as_str()
        .is_some_and(|t| t.contains("about schools")));
    std::fs::remove_dir_all(&dir).ok();
}

/// The WARC files: written by warcio (`tests/warc/make_warcs.py`). `.ci/run` writes them
/// afresh into the directory `DECHROME_WARC_DIR` names; without it, the copies in the repo.
fn warc(name: &str) -> String {
    let dir = std::env::var("DECHROME_WARC_DIR").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/warc").to_string()
    });
    let path = Path::new(&dir).join(name);
    assert!(path.exists(), "{} missing", path.display());
    path.to_string_lossy().into_owned()
}

#[test]
fn warc_html_responses_are_extracted_and_the_rest_counted() {
    let (code, out, err) = run(&["--warc", &warc("mixed.warc.gz")]);
    assert_eq!(code, 0, "{err}");
    let lines = lines(&out);
    let urls: Vec<&str> = lines
        .iter()
        .map(|l| l["url"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        urls,
        [
            "https://news.example.org/2026/ferry",
            "https://news.example.org/2026/market",
            "https://news.example.org/2026/library",
        ],
        "only the 2xx HTML responses: not the PDF, the 404, the requests or the revisit"
    );
    for line in &lines {
        assert!(line["record_id"]
            .as_str()
            .is_some_and(|id| id.starts_with("<urn:uuid:")));
        assert!(line["date"].as_str().is_some_and(|d| d.starts_with("20")));
        assert_eq!(line["language"], "en");
        assert_eq!(line["metadata"]["title"], line["title"]);
        let text = line["text"].as_str().unwrap_or("");
        assert!(
            !text.contains("Home") && !text.contains("All rights reserved"),
            "{text}"
        );
    }
    assert_eq!(lines[0]["title"], "Ferry returns to the north pier");
    assert!(lines[0]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("The morning ferry returned")));
    // windows-1252 bytes under a header that says UTF-8: decoded right all the same.
    assert_eq!(lines[1]["encoding"], "windows-1252");
    assert!(lines[1]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Café owners on the square")));
    // An unknown charset label is no hint.
    assert!(lines[2]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("From next month the library")));
    for part in [
        "3 records extracted, 0 failed",
        "1 HTTP status not 2xx",
        "1 not HTML",
        "2 request",
        "1 revisit",
        "1 warcinfo",
    ] {
        assert!(err.contains(part), "{part} in {err}");
    }
}

#[test]
fn an_uncompressed_warc_reads_the_same() {
    let (_, gz, _) = run(&["--warc", &warc("mixed.warc.gz")]);
    let (code, plain, err) = run(&["--warc", &warc("plain.warc")]);
    assert_eq!(code, 0, "{err}");
    let (gz, plain) = (lines(&gz), lines(&plain));
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0]["text"], gz[0]["text"]);
    assert_eq!(plain[0]["url"], gz[0]["url"]);
}

#[test]
fn a_truncated_record_fails_alone_and_the_next_file_is_read() {
    let (code, out, err) = run(&["--warc", &warc("truncated.warc.gz"), &warc("plain.warc")]);
    assert_eq!(code, 0, "{err}");
    let lines = lines(&out);
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("The morning ferry")));
    assert_eq!(lines[1]["url"], "https://news.example.org/2026/library");
    assert!(lines[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("truncated")));
    assert_eq!(lines[2]["url"], "https://news.example.org/2026/ferry");
    assert!(
        err.contains("2 records extracted, 1 failed (1 truncated"),
        "{err}"
    );
}

#[test]
fn warc_and_jsonl_give_the_same_text_for_the_same_page() {
    let dir = temp_dir("same");
    let (_, warc_out, _) = run(&["--warc", &warc("plain.warc")]);
    let warc_line = &lines(&warc_out)[0];
    // The same page, as a file with the same URL in the table.
    let (_, page, _) = run(&["--format=html", "--warc", &warc("plain.warc")]);
    assert!(lines(&page)[0]["text"]
        .as_str()
        .is_some_and(|h| h.starts_with("<article>")));
    let url = warc_line["url"].as_str().expect("url");
    std::fs::write(dir.join("urls.txt"), format!("ferry {url}\n")).expect("table");
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).expect("dir");
    let body = std::fs::read(warc("plain.warc")).expect("warc");
    let start = body
        .windows(15)
        .position(|w| w == b"<!doctype html>")
        .expect("the body");
    let end = body
        .windows(7)
        .rposition(|w| w == b"</html>")
        .expect("its end")
        + 7;
    std::fs::write(pages.join("ferry.html"), &body[start..end]).expect("page");
    let (_, out, _) = run(&[
        "--jsonl",
        pages.to_str().expect("path"),
        "--urls",
        dir.join("urls.txt").to_str().expect("path"),
    ]);
    let line = &lines(&out)[0];
    assert_eq!(line["text"], warc_line["text"]);
    assert_eq!(line["url"], warc_line["url"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[path = "../../tests/support/sites.rs"]
mod sites;

#[test]
fn template_learns_a_batch_in_two_passes() {
    // Twelve pages of three generated hosts, with the URL table that tells their hosts.
    let dir = temp_dir("template");
    // Five pages a host: the first four make this batch, the fifth a later one.
    let fresh = sites::sites(3, 5, 21);
    let all: Vec<&[sites::SitePage]> = fresh.iter().map(|s| &s[..4]).collect();
    let mut table = String::new();
    for (i, p) in all.iter().copied().flatten().enumerate() {
        std::fs::write(dir.join(format!("{i:02}.html")), &p.html).expect("write");
        table.push_str(&format!("{i:02} {}\n", p.url));
    }
    let urls = dir.join("urls.txt");
    std::fs::write(&urls, table).expect("write");
    let d = dir.to_str().expect("utf-8 path");
    let u = urls.to_str().expect("utf-8 path");
    let (code, plain, _) = run(&["--jsonl", d, "--urls", u, "--quiet"]);
    assert_eq!(code, 0);
    let (code, templated, err) = run(&["--jsonl", d, "--urls", u, "--template"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("learned the template of 3 hosts from 12 pages"),
        "{err}"
    );
    let (plain, templated) = (lines(&plain), lines(&templated));
    assert_eq!(plain.len(), 12);
    let mut leaked_alone = 0;
    for (i, p) in all.iter().copied().flatten().enumerate() {
        let (a, b) = (&plain[i], &templated[i]);
        assert_eq!(a["id"], b["id"]);
        let (a, b) = (
            a["text"].as_str().unwrap_or(""),
            b["text"].as_str().unwrap_or(""),
        );
        // The notice mostly passes alone, and goes on every page (the first of each host
        // too) once the batch has taught the memory; the article stays whole.
        leaked_alone += usize::from(a.contains(p.notice.as_str()));
        assert!(!b.contains(p.notice.as_str()), "{b}");
        for para in &p.paragraphs {
            assert!(b.contains(para.as_str()));
        }
    }
    assert!(
        leaked_alone >= 9,
        "the notice leaked alone on {leaked_alone} of 12 pages"
    );
    // A saved memory carries over: a second batch of one page per host, with the memory the
    // first one saved, drops the notice although it sees each host once.
    let saved = dir.join("memory.json");
    let s = saved.to_str().expect("utf-8 path");
    let (code, _, err) = run(&[
        "--jsonl",
        d,
        "--urls",
        u,
        "--template",
        "--template-memory",
        s,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(saved.exists());
    let later = temp_dir("template-later");
    let mut table = String::new();
    for (h, site) in fresh.iter().enumerate() {
        std::fs::write(later.join(format!("{h}.html")), &site[4].html).expect("write");
        table.push_str(&format!("{h} {}\n", site[4].url));
    }
    std::fs::write(later.join("urls.txt"), table).expect("write");
    let l = later.to_str().expect("utf-8 path");
    let lu = later.join("urls.txt");
    let lu = lu.to_str().expect("utf-8 path");
    let alone = lines(&run(&["--jsonl", l, "--urls", lu]).1);
    let (code, out, err) = run(&[
        "--jsonl",
        l,
        "--urls",
        lu,
        "--template",
        "--template-memory",
        s,
    ]);
    assert_eq!(code, 0, "{err}");
    for (h, (a, b)) in alone.iter().zip(lines(&out)).enumerate() {
        let notice = fresh[h][4].notice.as_str();
        assert!(a["text"].as_str().unwrap_or("").contains(notice));
        assert!(!b["text"].as_str().unwrap_or("").contains(notice), "{b}");
    }
    std::fs::write(&saved, "not json").expect("write");
    let (code, _, err) = run(&[
        "--jsonl",
        l,
        "--urls",
        lu,
        "--template",
        "--template-memory",
        s,
    ]);
    assert_eq!(code, 3, "{err}");
    std::fs::remove_dir_all(&later).ok();
    // WARC records carry their URLs: the same two passes.
    let file = warc("mixed.warc.gz");
    let (code, out, err) = run(&["--warc", &file, "--template"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("learned the template of"), "{err}");
    assert_eq!(lines(&out).len(), lines(&run(&["--warc", &file]).1).len());
    // It is a batch option.
    let (code, _, err) = run(&["--template", SAMPLE]);
    assert_eq!(code, 2, "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn page_type_reads_every_page_as_the_type_given() {
    let blog = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/blog_comments.html"
    );
    // One page: the type given is the type read, and --explain says it was given.
    let (code, out, _) = run(&["--page-type", "listing", "--explain", SAMPLE]);
    assert_eq!(code, 0);
    assert!(out.contains("# page type: listing"), "{out}");
    assert!(out.contains("given with the page"), "{out}");
    // A blog post read as a forum thread keeps its comments as posts; as an article, not.
    let (_, as_article, _) = run(&["--page-type", "Article", blog]);
    let (_, as_forum, _) = run(&["--page-type", "forum", blog]);
    assert!(
        as_forum.contains("Welcome back! We missed you"),
        "{as_forum}"
    );
    assert!(
        !as_article.contains("Welcome back! We missed you"),
        "{as_article}"
    );
    // Batch lines carry the type given.
    let dir = temp_dir("page-type");
    std::fs::write(dir.join("a.html"), article("roads", "/m")).expect("write");
    let dir_arg = dir.to_string_lossy().into_owned();
    let (code, out, _) = run(&["--jsonl", &dir_arg, "--page-type", "forum", "--quiet"]);
    assert_eq!(code, 0);
    assert_eq!(lines(&out)[0]["page_type"], "forum");
    // An unknown type is a usage error that names the known ones.
    let (code, _, err) = run(&["--page-type", "blog", SAMPLE]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown page type") && err.contains("documentation"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn inputs_are_read_within_their_bound() {
    // The built command, fed an endless stream: it stops one byte past the limit.
    let done = std::process::Command::new(env!("CARGO_BIN_EXE_dechrome"))
        .args(["--max-input-bytes", "1000"])
        .stdin(std::fs::File::open("/dev/zero").expect("/dev/zero"))
        .output()
        .expect("runs");
    assert_eq!(done.status.code(), Some(1));
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(err.contains("exceeds the limit of 1000 bytes"), "{err}");
    // A file over the limit is refused the same way; a device or a FIFO is no page.
    let dir = temp_dir("bounds");
    let big = dir.join("big.html");
    std::fs::write(&big, "<p>words</p>".repeat(1000)).expect("write");
    let (code, _, err) = run(&["--max-input-bytes", "100", big.to_str().expect("path")]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = run(&["/dev/zero"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_fifo_is_passed_over_in_a_directory_and_refused_as_a_table() {
    let dir = temp_dir("fifo");
    std::fs::write(dir.join("a.html"), article("roads", "/m")).expect("write");
    let fifo = dir.join("b.html");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("no mkfifo here: the FIFO case is not run");
        return;
    }
    let dir_arg = dir.to_string_lossy().into_owned();
    // Nothing writes to the FIFO: reading it would block forever.
    let (code, out, err) = run(&["--jsonl", &dir_arg, "--quiet"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(lines(&out).len(), 1);
    assert!(err.contains("1 not a regular file"), "{err}");
    let fifo_arg = fifo.to_string_lossy().into_owned();
    let (code, _, err) = run(&["--jsonl", &dir_arg, "--urls", &fifo_arg]);
    assert_eq!(code, 3, "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_option_of_another_mode_is_a_usage_error() {
    let (code, _, err) = run(&["--threads", "100000", "--jsonl", "."]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--threads"), "{err}");
    for args in [
        &["--urls", "/dev/null", SAMPLE][..],
        &["--threads", "2", SAMPLE],
        &["--explain", "--format", "markdown", SAMPLE],
        &["--template", SAMPLE],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
}

#[test]
fn every_jsonl_line_has_the_same_keys_and_a_bad_table_line_is_named() {
    let dir = temp_dir("keys");
    std::fs::write(dir.join("a.html"), article("roads", "/m")).expect("write");
    std::fs::write(dir.join("b.html"), article("schools", "/n")).expect("write");
    let table = dir.join("urls.tsv");
    std::fs::write(&table, "a https://e.org/a\n").expect("write");
    let dir_arg = dir.to_string_lossy().into_owned();
    let table_arg = table.to_string_lossy().into_owned();
    let (code, out, _) = run(&["--jsonl", &dir_arg, "--urls", &table_arg, "--quiet"]);
    assert_eq!(code, 0);
    let got = lines(&out);
    assert_eq!(got[0]["url"], "https://e.org/a");
    assert!(
        got[1]["url"].is_null(),
        "url is null, not missing: {}",
        got[1]
    );
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&got[0]), keys(&got[1]));
    std::fs::write(&table, "a https://e.org/a\nthis-line-has-no-url\n").expect("write");
    let (code, _, err) = run(&["--jsonl", &dir_arg, "--urls", &table_arg]);
    assert_eq!(code, 2);
    assert!(err.contains("urls.tsv:2"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_or_non_warc_file_cannot_be_read() {
    let (code, _, err) = run(&["--warc", "/nonexistent/crawl.warc.gz"]);
    assert_eq!(code, 3, "{err}");
    let dir = temp_dir("notwarc");
    let page = dir.join("page.warc");
    std::fs::write(&page, article("roads", "/m")).expect("write");
    let (code, _, err) = run(&["--warc", &page.to_string_lossy()]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("not a WARC file"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn output_past_its_bound_is_an_error() {
    // Twenty thousand one-word paragraphs: their whole Document, as JSON, is far more than
    // 8 bytes per byte of page.
    let dir = temp_dir("output");
    let page = dir.join("tiny.html");
    std::fs::write(&page, "<p>x</p>".repeat(20_000)).expect("write");
    let page_arg = page.to_string_lossy().into_owned();
    let (code, out, err) = run(&["--format", "json", &page_arg]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("output over the limit"), "{err}");
    assert!(out.len() <= 8 * 160_000 + (1 << 20));
    // The text of the same page is well within it.
    assert_eq!(run(&[&page_arg]).0, 0);
    std::fs::remove_dir_all(&dir).ok();
}
