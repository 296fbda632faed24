"""The README's Python section, run as a reader would paste it.

Every ```python block of the README runs as it is written, from the repository's root, in
a namespace of its own; the Spark command of its ```sh blocks runs too when pyspark, pyarrow
and Java are there (`.ci/run` sets DECHROME_REQUIRE_SPARK=1, so that it always runs there).
"""

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str):
    return re.findall(r"^```" + lang + r"\n(.*?)^```", README, flags=re.M | re.S)


PYTHON = blocks("python")


def test_the_readme_has_python_snippets():
    # The import, the WARC example and the trafilatura switch at least.
    assert len(PYTHON) >= 3
    assert any("extract_warc" in b for b in PYTHON)
    assert any("dechrome.compat" in b for b in PYTHON)


@pytest.mark.parametrize("snippet", PYTHON, ids=[f"block{i}" for i in range(len(PYTHON))])
def test_python_snippet_runs_as_pasted(snippet, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(snippet, "README.md", "exec"), {"__name__": "__readme__"})


def spark_commands():
    return [
        line.strip()
        for block in blocks("sh")
        for line in block.splitlines()
        if line.strip().startswith("python python/examples/spark_warc.py")
    ]


def test_the_spark_command_runs_as_pasted(tmp_path):
    commands = spark_commands()
    assert len(commands) == 1, commands
    missing = [m for m in ("pyspark", "pyarrow") if importlib.util.find_spec(m) is None]
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("java")
    if missing:
        if os.environ.get("DECHROME_REQUIRE_SPARK") == "1":
            pytest.fail(f"missing: {missing}")
        pytest.skip(f"the Spark command needs {', '.join(missing)}")
    argv = shlex.split(commands[0])
    argv[0] = sys.executable
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    # The README's WARC holds three articles among nine records.
    assert "3 pages written" in done.stdout, done.stdout
    assert "2 skipped: request" in done.stdout, done.stdout
