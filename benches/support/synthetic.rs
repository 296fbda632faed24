//! Synthetic article pages of a chosen size: a header menu, an article of paragraphs with a
//! list and a table in it, a teaser list and a footer, repeated sections for large sizes.
//! Shared by `benches/scaling.rs` and `examples/synthetic.rs`.

/// A page of about `bytes` bytes (never less).
pub fn page(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    s.push_str(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Harbour report | Gazette</title>\
         <script>var tracking = {id: 42};</script></head><body>\
         <header><nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>\
         <li><a href=/sport>Sport</a></li></ul></nav></header><main><article><h1>Harbour report</h1>",
    );
    let mut n = 0usize;
    while s.len() < bytes {
        n += 1;
        s.push_str(&format!(
            "<h2>Section {n}</h2><p>The committee met again on Thursday and agreed, after a long \
             and careful debate, to publish part {n} of its report on the state of the harbour \
             before the end of the month.</p><p>Members said the <a href=/r/{n}>earlier findings</a> \
             had been confirmed by two independent surveys, and that repairs would start soon.</p>\
             <ul><li>Quay wall, north side</li><li>Crane rails</li></ul>\
             <table><tr><td>Item</td><td>Cost</td></tr><tr><td>Repairs {n}</td><td>{}</td></tr></table>\n",
            n * 1000
        ));
    }
    s.push_str(
        "</article><aside><h3>Most read</h3><ul><li><a href=/a>Ferry times</a></li>\
         <li><a href=/b>Bus lanes</a></li></ul></aside></main><footer>© Gazette</footer></body></html>",
    );
    s
}
