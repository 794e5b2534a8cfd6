"""Shared fixtures: the real seeds, an in-process importer, Pelican's own Markdown, real site builds."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
WXR = ROOT.parent / "shared" / "wordpress" / "wordpressexport.xml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RAW = FIXTURES / "raw"

sys.path.insert(0, str(ROOT))
import pelicanconf  # noqa: E402

from wpimport import readers  # noqa: E402
from wpimport.cli import main as import_main  # noqa: E402
from wpimport.metadata import Settings  # noqa: E402
from wpimport.pipeline import convert  # noqa: E402


def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    assert files, f"no seeds in {SEEDS}: ../shared must sit beside the project"
    return files


def to_html(md_text: str) -> str:
    """A post body -> HTML as the site's pelicanconf.MARKDOWN renders it (less `meta`, which reads the header)."""
    cfg = {k: v for k, v in pelicanconf.MARKDOWN["extension_configs"].items() if not k.endswith(".meta")}
    return markdown.Markdown(extensions=list(cfg), extension_configs=cfg, output_format="html5").convert(md_text)


def fold(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


def body_text(md_text: str) -> str:
    return fold(BeautifulSoup(to_html(md_text), "html.parser").get_text(" "))


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def contains_words(haystack: list[str], needle: list[str]) -> bool:
    """True if `needle` occurs as a contiguous run of words in `haystack`."""
    if not needle:
        return True
    n = len(needle)
    first = needle[0]
    return any(haystack[i:i + n] == needle for i, w in enumerate(haystack) if w == first)


def split_post(path: Path) -> tuple[dict[str, str], str]:
    """A written Markdown post -> (header dict with lower-case keys, body Markdown)."""
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    meta = {}
    for line in head.split("\n"):
        key, _, value = line.partition(":")
        meta[key.strip().lower()] = value.strip()
    return meta, body


def convert_file(path: Path, settings: Settings | None = None):
    """Read and convert one input in-process: [(RawPost, ImportedPost)]."""
    return [(raw, convert(raw, settings or Settings())) for raw in readers.read(path)]


@pytest.fixture
def run_import(tmp_path, capsys):
    """Run the real CLI; return (exit code, JSON report, stdout, stderr)."""
    def run(*args: str | Path, output: Path | None = None):
        out = output or tmp_path / "content"
        report = tmp_path / f"report-{len(list(tmp_path.glob('report-*.json')))}.json"
        code = import_main([str(a) for a in args] + ["--output", str(out), "--report", str(report)])
        captured = capsys.readouterr()
        return code, json.loads(report.read_text(encoding="utf-8")), captured.out, captured.err
    return run


def build_site(content: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    """A real `pelican` build with the project's settings and theme, warnings fatal."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
         "--fatal", "warnings", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=300)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def foreign_scripts(page: BeautifulSoup) -> list:
    """Scripts on a page that the theme did not put there. The theme's own are JSON-LD data (which must
    parse, and so cannot smuggle markup) and its search script, loaded from the site itself."""
    out = []
    for s in page.find_all("script"):
        if s.get("type") == "application/ld+json":
            try:
                json.loads(s.string or "")
            except ValueError:
                out.append(s)
        elif not (s.get("src") and not s.get("src").startswith(("http:", "https:", "//", "data:", "javascript:"))
                  and not (s.string or "").strip()):
            out.append(s)
    return out


def assert_nothing_lost(raw, post) -> None:
    """Every non-blank input line is in the body, a comment, the metadata or the stripped list."""
    body = words(body_text(post.body))
    by_line = {no: c for c in post.comments for no in c.lines}
    meta_values = [words(str(f.value)) for f in post.meta.fields.values()]
    meta_words = [w for v in meta_values for w in v]
    stripped = {(s["line"], s["text"]) for s in post.stripped}
    for line in raw.lines:
        if line.blank:
            continue
        where = f"{raw.label} line {line.no}: {line.text.strip()[:80]!r}"
        assert line.fate in ("body", "comment", "metadata", "stripped"), f"{where} has no fate"
        w = words(line.text)
        if line.fate == "body":
            w = words(re.sub(r"^\s*\d{1,3}[.)]\s+", "", line.text))  # an <ol> numbers its items itself
            assert contains_words(body, w), f"{where} is missing from the body"
        elif line.fate == "comment":
            c = by_line.get(line.no)
            assert c is not None, f"{where} is not attached to a comment"
            in_text = contains_words(words(c.text), w)
            is_header = line.no == c.lines[0] and set(words(c.author)) <= set(w)
            is_date = c.date_text is not None and contains_words(w, words(c.date_text))
            assert in_text or is_header or is_date, f"{where} is missing from its comment"
        elif line.fate == "stripped":
            assert (line.no, line.text.strip()) in stripped and line.rule, f"{where} not in the stripped list"
        elif line.rule not in ("source-attribution (label)", "author-bio"):
            found = contains_words(meta_words, w) or any(v and contains_words(w, v) for v in meta_values)
            assert found or line.rule.split(" ")[0] in ("footer", "byline"), f"{where} not in the metadata"
