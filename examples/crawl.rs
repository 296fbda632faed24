//! A small, polite crawler: dechrome as a crawler uses it.
//!
//! ```text
//! cargo run --release --example crawl -- [--max-pages N] [--per-host N] SEED_URL... > pages.jsonl
//! ```
//!
//! It starts from the seed URLs and follows links within the seeds' hosts, up to a page
//! limit. It reads each host's robots.txt first and fetches nothing it disallows, honours a
//! `Crawl-delay`, and fetches at most `--per-host` pages of a host at a time. Each HTML
//! response goes to the library with its `Content-Type` header and final URL, extracted on
//! tokio's blocking threads (extraction is CPU-bound and must not stall the runtime). The
//! outlinks of every page, boilerplate included, feed the frontier.
//!
//! One JSON line per URL tried: `{"url", "status", "title", "text", "language",
//! "page_type", "links"}` for a page (`links`: every link of the page, absolute), and
//! `{"url", "skipped"}` for one that was not extracted
//! (disallowed by robots.txt, not HTML, an HTTP error, a fetch or extraction error).

use clap::Parser;
use dechrome::url::Url;
use dechrome::{Extractor, Page};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OnceCell, Semaphore};
use tokio::task::JoinSet;

/// Crawls from seed URLs within their hosts and prints each page's main content as JSON lines.
#[derive(Debug, Parser, Clone)]
struct Config {
    /// Where to start; only these URLs' hosts are crawled.
    #[arg(required = true)]
    seeds: Vec<Url>,
    /// Most URLs to try.
    #[arg(long, default_value_t = 100)]
    max_pages: usize,
    /// Most fetches in flight per host.
    #[arg(long, default_value_t = 2)]
    per_host: usize,
    /// Most fetches in flight in all.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
    /// Largest body read, in bytes.
    #[arg(long, default_value_t = 8 << 20)]
    max_body: usize,
    /// The User-Agent sent, and matched in robots.txt.
    #[arg(long, default_value = "dechrome-crawl-example/0.1")]
    user_agent: String,
}

/// What is known of one host: its robots.txt rules and its fetch slots.
struct Host {
    robots: OnceCell<Option<texting_robots::Robot>>,
    slots: Semaphore,
    /// When the host may next be fetched, for its Crawl-delay.
    next_fetch: Mutex<tokio::time::Instant>,
}

struct Crawler {
    config: Config,
    client: reqwest::Client,
    extractor: Arc<Extractor>,
    hosts: std::sync::Mutex<HashMap<String, Arc<Host>>>,
}

/// What one fetch gives: the line to write and the links to follow.
struct Outcome {
    line: serde_json::Value,
    links: Vec<Url>,
}

impl Crawler {
    fn host(&self, url: &Url) -> Arc<Host> {
        let key = host_key(url);
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(hosts.entry(key).or_insert_with(|| {
            Arc::new(Host {
                robots: OnceCell::new(),
                slots: Semaphore::new(self.config.per_host.max(1)),
                next_fetch: Mutex::new(tokio::time::Instant::now()),
            })
        }))
    }

    /// The host's robots.txt, fetched once. A missing one (4xx) allows everything; one
    /// that cannot be fetched (5xx, network error) allows nothing, as the robots.txt
    /// standard asks.
    async fn robots<'h>(&self, url: &Url, host: &'h Host) -> &'h Option<texting_robots::Robot> {
        host.robots
            .get_or_init(|| async {
                let mut robots_url = url.clone();
                robots_url.set_path("/robots.txt");
                robots_url.set_query(None);
                robots_url.set_fragment(None);
                let agent = self.config.user_agent.as_str();
                match self.client.get(robots_url).send().await {
                    Ok(r) if r.status().is_success() => {
                        let body = r.bytes().await.unwrap_or_default();
                        texting_robots::Robot::new(agent, &body).ok()
                    }
                    Ok(r) if r.status().is_client_error() => {
                        texting_robots::Robot::new(agent, b"").ok()
                    }
                    _ => texting_robots::Robot::new(agent, b"User-agent: *\nDisallow: /\n").ok(),
                }
            })
            .await
    }

    async fn visit(self: Arc<Self>, url: Url) -> Outcome {
        let skipped = |why: String| Outcome {
            line: serde_json::json!({"url": url.as_str(), "skipped": why}),
            links: Vec::new(),
        };
        let host = self.host(&url);
        let robots = self.robots(&url, &host).await;
        if !robots.as_ref().is_some_and(|r| r.allowed(url.as_str())) {
            return skipped("disallowed by robots.txt".into());
        }
        let Ok(_slot) = host.slots.acquire().await else {
            return skipped("host closed".into());
        };
        if let Some(delay) = robots.as_ref().and_then(|r| r.delay) {
            let mut next = host.next_fetch.lock().await;
            tokio::time::sleep_until(*next).await;
            *next = tokio::time::Instant::now() + Duration::from_secs_f32(delay.clamp(0.0, 60.0));
        }
        let response = match self.client.get(url.clone()).send().await {
            Ok(r) => r,
            Err(e) => return skipped(format!("fetch failed: {e}")),
        };
        let status = response.status();
        if !status.is_success() {
            return skipped(format!("HTTP {}", status.as_u16()));
        }
        let final_url = response.url().clone();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let media = content_type
            .as_deref()
            .and_then(|c| c.split(';').next())
            .map(|m| m.trim().to_ascii_lowercase());
        if media
            .as_deref()
            .is_some_and(|m| m != "text/html" && m != "application/xhtml+xml")
        {
            return skipped(format!("not HTML ({})", media.unwrap_or_default()));
        }
        let body = match read_body(response, self.config.max_body).await {
            Ok(b) => b,
            Err(why) => return skipped(why),
        };
        // Extraction is CPU-bound: off the async threads.
        let extractor = Arc::clone(&self.extractor);
        let page_url = final_url.clone();
        let extracted = tokio::task::spawn_blocking(move || {
            let mut page = Page::new(&body).url(&page_url);
            if let Some(c) = &content_type {
                page = page.content_type(c);
            }
            extractor.extract(&page)
        })
        .await;
        let result = match extracted {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => return skipped(format!("not extracted: {e}")),
            Err(e) => return skipped(format!("extraction task failed: {e}")),
        };
        let links: Vec<Url> = result
            .links
            .iter()
            .filter_map(|l| Url::parse(&l.url).ok())
            .collect();
        Outcome {
            line: serde_json::json!({
                "url": final_url.as_str(),
                "status": status.as_u16(),
                "title": result.metadata.title,
                "text": result.text,
                "language": result.metadata.language,
                "page_type": result.page_type.as_str(),
                "links": links.iter().map(Url::as_str).collect::<Vec<_>>(),
            }),
            links,
        }
    }
}

/// Reads a body up to `limit` bytes; a longer one is skipped, not cut.
async fn read_body(mut response: reqwest::Response, limit: usize) -> Result<Vec<u8>, String> {
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(format!("larger than {limit} bytes"));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| format!("fetch failed: {e}"))?
    {
        if body.len() + chunk.len() > limit {
            return Err(format!("larger than {limit} bytes"));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn host_key(url: &Url) -> String {
    format!(
        "{}://{}:{}",
        url.scheme(),
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// The URL as the frontier keeps it: http(s) only, without its fragment.
fn normalise(mut url: Url) -> Option<Url> {
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.set_fragment(None);
    Some(url)
}

/// Crawls from the seeds; calls `emit` with each line as it comes.
async fn crawl(config: Config, mut emit: impl FnMut(serde_json::Value)) -> Result<(), String> {
    let client = reqwest::Client::builder()
        .user_agent(config.user_agent.clone())
        .timeout(Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::limited(5))
        .build()
        .map_err(|e| e.to_string())?;
    let allowed: HashSet<String> = config.seeds.iter().map(host_key).collect();
    let crawler = Arc::new(Crawler {
        client,
        extractor: Arc::new(Extractor::builder().keep_links(true).build()),
        hosts: std::sync::Mutex::new(HashMap::new()),
        config: config.clone(),
    });
    let mut seen = HashSet::new();
    let mut frontier = VecDeque::new();
    for seed in config.seeds.iter().cloned().filter_map(normalise) {
        if seen.insert(seed.to_string()) {
            frontier.push_back(seed);
        }
    }
    let mut tried = 0;
    let mut running = JoinSet::new();
    loop {
        while running.len() < config.concurrency.max(1) && tried < config.max_pages {
            let Some(url) = frontier.pop_front() else {
                break;
            };
            tried += 1;
            running.spawn(Arc::clone(&crawler).visit(url));
        }
        let Some(done) = running.join_next().await else {
            break;
        };
        let outcome = done.map_err(|e| e.to_string())?;
        emit(outcome.line);
        for link in outcome.links.into_iter().filter_map(normalise) {
            if allowed.contains(&host_key(&link)) && seen.insert(link.to_string()) {
                frontier.push_back(link);
            }
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let config = Config::parse();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = crawl(config, |line| {
        use std::io::Write;
        let _ = writeln!(out, "{line}");
    })
    .await;
    drop(out);
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crawl: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    fn article(title: &str, body: &str, links: &str) -> String {
        format!(
            "<html><head><title>{title} | Harbour Gazette</title></head><body>\
             <nav><a href='/'>Home</a> <a href='/a'>Ferry</a> <a href='/b'>Market</a></nav>\
             <article><h1>{title}</h1><p>{body}</p><p>{links}</p></article>\
             <footer>Copyright 2026 Harbour Gazette. All rights reserved.</footer></body></html>"
        )
    }

    /// The site: path → (status, content type, body).
    fn site() -> HashMap<&'static str, (u16, &'static str, Vec<u8>)> {
        let mut s: HashMap<&'static str, (u16, &'static str, Vec<u8>)> = HashMap::new();
        let html = "text/html; charset=utf-8";
        s.insert(
            "/robots.txt",
            (
                200,
                "text/plain",
                b"User-agent: *\nDisallow: /private/\n".to_vec(),
            ),
        );
        s.insert(
            "/",
            (
                200,
                html,
                article(
                    "Harbour Gazette",
                    "News from the harbour and the streets around it, written by people who \
                     live there and know the tides, the traders and the ferry timetable.",
                    "<a href='/a'>Ferry returns</a> <a href='/b#top'>Market moves</a> \
                     <a href='/private/drafts'>Drafts</a> <a href='/report.pdf'>Report</a> \
                     <a href='/gone'>Old story</a> <a href='http://elsewhere.invalid/x'>Partner</a> \
                     <a href='mailto:desk@harbour.example'>Write to us</a>",
                )
                .into_bytes(),
            ),
        );
        s.insert(
            "/a",
            (
                200,
                html,
                article(
                    "Ferry returns to the north pier",
                    "The morning ferry returned to the north pier on Monday, three months \
                     after storms damaged the landing stage and forced crossings south.",
                    "Read also <a href='/c'>the café story</a>.",
                )
                .into_bytes(),
            ),
        );
        s.insert(
            "/b",
            (
                200,
                html,
                article(
                    "Market moves indoors",
                    "The Saturday market will move into the old fish hall from November, so \
                     that stallholders and shoppers can stay dry through the winter.",
                    "",
                )
                .into_bytes(),
            ),
        );
        // windows-1252, said so only in the header.
        let cafe = article(
            "Café reopens",
            "The café on the square reopened on Friday with a new terrace and a menu of \
             crème brûlée, soups and fresh bread baked every morning before seven.",
            "",
        );
        let (cafe, _, _) = encoding_rs::WINDOWS_1252.encode(&cafe);
        s.insert(
            "/c",
            (200, "text/html; charset=ISO-8859-1", cafe.into_owned()),
        );
        s.insert(
            "/report.pdf",
            (200, "application/pdf", b"%PDF-1.7\n1 0 obj".to_vec()),
        );
        s.insert(
            "/private/drafts",
            (
                200,
                html,
                article("Draft", "Not for crawlers.", "").into_bytes(),
            ),
        );
        s
    }

    /// Serves `site` on 127.0.0.1 and records every path requested.
    async fn serve(
        site: HashMap<&'static str, (u16, &'static str, Vec<u8>)>,
    ) -> (Url, Arc<std::sync::Mutex<Vec<String>>>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("address");
        let requested = Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = Arc::clone(&requested);
        let site = Arc::new(site);
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let site = Arc::clone(&site);
                let log = Arc::clone(&log);
                tokio::spawn(async move {
                    let mut request = Vec::new();
                    let mut buf = [0u8; 4096];
                    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                        match socket.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => request.extend_from_slice(&buf[..n]),
                        }
                    }
                    let text = String::from_utf8_lossy(&request);
                    let path = text.split_whitespace().nth(1).unwrap_or("/").to_string();
                    log.lock().expect("log").push(path.clone());
                    let (status, ctype, body) = site.get(path.as_str()).cloned().unwrap_or((
                        404,
                        "text/html",
                        b"<p>Not found</p>".to_vec(),
                    ));
                    let head = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = socket.write_all(head.as_bytes()).await;
                    let _ = socket.write_all(&body).await;
                    let _ = socket.shutdown().await;
                });
            }
        });
        let base = Url::parse(&format!("http://{addr}/")).expect("url");
        (base, requested)
    }

    fn config(seed: &Url, max_pages: usize) -> Config {
        Config {
            seeds: vec![seed.clone()],
            max_pages,
            per_host: 2,
            concurrency: 4,
            max_body: 1 << 20,
            user_agent: "dechrome-test".into(),
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn crawls_a_loopback_site_politely_and_extracts_its_pages() {
        let (base, requested) = serve(site()).await;
        let mut lines = Vec::new();
        crawl(config(&base, 50), |l| lines.push(l))
            .await
            .expect("crawls");
        let by_path: HashMap<String, serde_json::Value> = lines
            .into_iter()
            .map(|l| {
                let url = Url::parse(l["url"].as_str().expect("url")).expect("a URL");
                (url.path().to_string(), l)
            })
            .collect();
        let mut paths: Vec<&str> = by_path.keys().map(String::as_str).collect();
        paths.sort_unstable();
        assert_eq!(
            paths,
            [
                "/",
                "/a",
                "/b",
                "/c",
                "/gone",
                "/private/drafts",
                "/report.pdf"
            ],
            "every same-host link once (fragment dropped); not mailto: or the other host"
        );
        let ferry = &by_path["/a"];
        assert_eq!(ferry["title"], "Ferry returns to the north pier");
        // The page's links, absolute, its menu's included: what the frontier was fed.
        let links: Vec<String> = ferry["links"]
            .as_array()
            .expect("links are a list")
            .iter()
            .map(|l| {
                Url::parse(l.as_str().expect("a string"))
                    .expect("absolute")
                    .path()
                    .to_string()
            })
            .collect();
        assert!(
            ["/", "/a", "/b"]
                .iter()
                .all(|p| links.iter().any(|l| l == p)),
            "{links:?}"
        );
        let text = ferry["text"].as_str().expect("text");
        assert!(text.starts_with("The morning ferry returned"), "{text}");
        assert!(
            !text.contains("All rights reserved") && !text.contains("Home"),
            "{text}"
        );
        assert!(by_path["/c"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("The café on the square") && t.contains("crème brûlée")));
        assert_eq!(
            by_path["/private/drafts"]["skipped"],
            "disallowed by robots.txt"
        );
        assert_eq!(
            by_path["/report.pdf"]["skipped"],
            "not HTML (application/pdf)"
        );
        assert_eq!(by_path["/gone"]["skipped"], "HTTP 404");
        let requested = requested.lock().expect("log").clone();
        assert_eq!(
            requested.iter().filter(|p| *p == "/robots.txt").count(),
            1,
            "robots.txt read once: {requested:?}"
        );
        assert_eq!(requested.first().map(String::as_str), Some("/robots.txt"));
        assert!(!requested.iter().any(|p| p.starts_with("/private/")));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn stops_at_the_page_limit() {
        let (base, _) = serve(site()).await;
        let mut lines = Vec::new();
        crawl(config(&base, 2), |l| lines.push(l))
            .await
            .expect("crawls");
        assert_eq!(lines.len(), 2);
    }
}
