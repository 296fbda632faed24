"""The graph of dechrome's top-level modules, and its cycles.

    python3 tools/module_graph.py          # prints each module and the modules it uses

A module uses another when its code names `crate::other` or a type the crate re-exports
from it (`crate::Document`, read from the `pub use` lines of src/lib.rs). Comments are left
out. The exit code is 1 when the graph has a cycle, so that CI can keep it without one.
"""

import os
import re
import sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def reexports():
    lib = open(os.path.join(SRC, "lib.rs"), encoding="utf-8").read()
    names = {}
    for path, items in re.findall(r"pub use ([a-z_:]+)::\{?([^;]*?)\}?;", lib, flags=re.S):
        module = path.split("::")[0]
        for item in re.split(r"[\s,]+", items):
            if item and item[0].isupper():
                names[item] = module
    return names


def graph():
    names = reexports()
    uses = {}
    for root, _, files in os.walk(SRC):
        for f in files:
            if not f.endswith(".rs"):
                continue
            path = os.path.join(root, f)
            top = os.path.relpath(path, SRC)[:-3].split(os.sep)[0]
            if top == "lib":
                continue
            code = re.sub(r"//[^\n]*", "", open(path, encoding="utf-8").read())
            refs = set(re.findall(r"crate::([a-z_]+)", code))
            refs |= {names[n] for n in re.findall(r"crate::([A-Z][A-Za-z]+)", code) if n in names}
            uses.setdefault(top, set()).update(r for r in refs if r != top)
    modules = set(uses)
    return {m: {r for r in rs if r in modules} for m, rs in uses.items()}


def cycles(g):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in g.get(v, ()):
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


if __name__ == "__main__":
    g = graph()
    for m in sorted(g):
        print(f"{m:10} -> {', '.join(sorted(g[m])) or '(nothing)'}")
    found = cycles(g)
    print("cycles:", found or "none")
    sys.exit(1 if found else 0)
