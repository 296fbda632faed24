#!/usr/bin/env python3
"""Effect of the template memory on the hosts of a labelled set with several pages.

Runs the CLI over SET/pages with the set's URLs, once alone and once with --template (two
passes: learn every page, then extract), scores both with ../shared/eval/score.py
--per-doc, and reports mean token precision, recall and F1 over the pages of hosts with at
least --min-pages pages, with and without the memory.

    cargo build --release
    python3 tools/template_hosts.py target/eval/wcxb-dev
"""
import argparse, collections, json, os, subprocess, sys, tempfile
from urllib.parse import urlparse

ap = argparse.ArgumentParser()
ap.add_argument("set")
ap.add_argument("--min-pages", type=int, default=3)
ap.add_argument("--bin", default="target/release/dechrome")
ap.add_argument("--score", default="../shared/eval/score.py")
ap.add_argument("--show", type=int, default=0, help="list the N pages that changed most")
a = ap.parse_args()

truth = [json.loads(l) for l in open(os.path.join(a.set, "truth.jsonl"))]
host = {d["id"]: urlparse(d.get("url") or "").hostname for d in truth}
count = collections.Counter(h for h in host.values() if h)
ids = {i for i, h in host.items() if h and count[h] >= a.min_pages}

def run(extra, tmp, name):
    preds = os.path.join(tmp, name + ".jsonl")
    per_doc = os.path.join(tmp, name + "_doc.jsonl")
    with open(preds, "w") as out:
        subprocess.run([a.bin, "--jsonl", os.path.join(a.set, "pages"), "--quiet",
                        "--urls", os.path.join(a.set, "truth.jsonl")] + extra,
                       stdout=out, stderr=subprocess.DEVNULL, check=True)
    subprocess.run([sys.executable, a.score, a.set, preds, "--per-doc", per_doc],
                   stdout=subprocess.DEVNULL, check=True)
    return {d["id"]: d for d in map(json.loads, open(per_doc))}

with tempfile.TemporaryDirectory() as tmp:
    alone = run([], tmp, "alone")
    memory = run(["--template"], tmp, "template")

def mean(docs, key):
    return sum(docs[i][key] for i in ids) / max(len(ids), 1)

print(f"{len(ids)} pages of {sum(1 for h in count if count[h] >= a.min_pages)} hosts "
      f"with {a.min_pages}+ pages")
print(f"{'':16}{'precision':>10}{'recall':>10}{'F1':>10}")
for name, docs in [("alone", alone), ("with memory", memory)]:
    print(f"{name:16}" + "".join(f"{mean(docs, k):>10.4f}" for k in ["token_p", "token_r", "token_f1"]))
changed = sorted((memory[i]["token_f1"] - alone[i]["token_f1"], i) for i in ids)
print(f"pages changed: {sum(1 for d, _ in changed if abs(d) > 1e-9)}; "
      f"all {len(alone)} pages' mean F1 {sum(d['token_f1'] for d in alone.values()) / len(alone):.4f} "
      f"-> {sum(d['token_f1'] for d in memory.values()) / len(memory):.4f}")
for d, i in changed[:a.show] + changed[-a.show:] if a.show else []:
    print(f"  {d:+.3f} {i} {host[i]} {alone[i]['page_type']}")
