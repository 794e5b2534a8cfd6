"""Publishing: the GitHub Pages workflow, and `make publish` as the workflow runs it.

Two real `make publish` builds of a copy of content/ with a sub-path SITEURL (http://127.0.0.1:PORT/blog): one is
served under /blog/ by a small HTTP server and crawled from the home page (every internal link, asset, feed,
sitemap URL and Pagefind file must answer 200 under the prefix, and every #fragment must exist); the two are
compared byte for byte, every file, Pagefind's included (scripts/search_index.py puts the filters Pagefind writes
in hash-map order, its issue #638, into a stable one).
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen
from xml.etree import ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

pytestmark = pytest.mark.build
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
PREFIX = "/blog"
CNAME = "blog.example.org"
MAKE_ENV_DROP = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "SITEURL", "CNAME", "TITLE", "AUTHOR")


def make(*args: str) -> list[str]:
    """A `make` command line in the project that never (re)builds .venv: the tests already run in it."""
    return ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.installed", *args]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in MAKE_ENV_DROP}
    env.update(extra)
    return env


# --- a small CBOR reader, enough for Pagefind's index files ---------------------------------------------------

def cbor(data: bytes):
    value, end = _cbor(data, 0)
    assert end == len(data), f"{len(data) - end} bytes after the CBOR value"
    return value


def _cbor(b: bytes, i: int):
    major, info = b[i] >> 5, b[i] & 31
    i += 1
    if major == 7:
        if info < 24:
            return {20: False, 21: True, 22: None, 23: None}.get(info, info), i
        size = {25: 2, 26: 4, 27: 8}.get(info)
        if info == 24:
            return b[i], i + 1
        if size is None:
            raise ValueError(f"unsupported CBOR simple value {info}")
        fmt = {2: ">e", 4: ">f", 8: ">d"}[size]
        return struct.unpack(fmt, b[i:i + size])[0], i + size
    if info < 24:
        n = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        n = int.from_bytes(b[i:i + size], "big")
        i += size
    else:
        raise ValueError(f"unsupported CBOR length {info}")
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major == 2:
        return b[i:i + n], i + n
    if major == 3:
        return b[i:i + n].decode("utf-8"), i + n
    if major in (4, 5):
        items = []
        for _ in range(n * (2 if major == 5 else 1)):
            item, i = _cbor(b, i)
            items.append(item)
        if major == 4:
            return items, i
        return {_hashable(k): v for k, v in zip(items[::2], items[1::2])}, i
    return _cbor(b, i)  # major 6: a tag; the value follows


def _hashable(v):
    return tuple(v) if isinstance(v, list) else v


def pagefind_file(data: bytes):
    raw = gzip.decompress(data)
    assert raw.startswith(b"pagefind_dcd"), raw[:20]
    return cbor(raw[len(b"pagefind_dcd"):])


def pagefind_meta(entry: dict, read) -> dict:
    """Pagefind's metadata for each language: fragments [(hash, words)], index chunks [(from, to, hash)],
    filters {name: hash}, as pagefind.js reads it (read(name) -> bytes of pagefind/<name>)."""
    out = {}
    for lang, info in entry["languages"].items():
        version, fragments, chunks, filters, *rest = pagefind_file(read(f"pagefind.{info['hash']}.pf_meta"))
        out[lang] = {"version": version, "fragments": fragments, "chunks": chunks,
                     "filters": dict((name, h) for name, h in filters), "rest": rest, "wasm": info["wasm"]}
    return out


# --- the two builds and the server ------------------------------------------------------------------------------

class PrefixHandler(SimpleHTTPRequestHandler):
    """Serves the output folder under PREFIX only, as GitHub Pages serves a project site under /<repo>/."""

    def translate_path(self, path):
        p = urlsplit(path).path
        if p != PREFIX and not p.startswith(PREFIX + "/"):
            return str(Path(self.directory) / ".not-under-the-prefix")
        return super().translate_path(path[len(PREFIX):] or "/")

    def list_directory(self, path):  # a folder without index.html is not a page (no listings on Pages)
        self.send_error(404)
        return None

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("publish")
    out_a, out_b = tmp / "a" / "output", tmp / "b" / "output"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(PrefixHandler, directory=str(out_a)))
    server.daemon_threads = True
    siteurl = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    builds = []
    for name, out, extra in (("a", out_a, {"PYTHONHASHSEED": "1", "TZ": "UTC", "CNAME": CNAME}),
                             ("b", out_b, {"PYTHONHASHSEED": "2", "TZ": "Pacific/Auckland"})):
        content = tmp / name / "content"
        shutil.copytree(ROOT / "content", content)
        if name == "b":  # a different checkout time: nothing may depend on the files' dates
            for f in content.rglob("*"):
                os.utime(f, (1_000_000_000, 1_000_000_000))
        cmd = make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={out}")
        builds.append(subprocess.Popen(cmd, env=clean_env(SITEURL=siteurl, **extra), stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True))
    for b in builds:
        log, _ = b.communicate(timeout=300)
        assert b.returncode == 0, log
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield siteurl, out_a, out_b
    server.shutdown()
    server.server_close()


# --- the workflow -----------------------------------------------------------------------------------------------

def actionlint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("actionlint")
    return subprocess.run([str(exe), "-no-color", "-oneline", "-shellcheck=", "-pyflakes=", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_workflow_passes_actionlint():
    done = actionlint(str(WORKFLOW.relative_to(ROOT)))
    assert done.returncode == 0, done.stdout + done.stderr
    # actionlint really reads it: a wrong output name or input is an error.
    text = WORKFLOW.read_text(encoding="utf-8")
    for wrong in (text.replace("outputs.base_url", "outputs.base_uri"), text.replace("path: output", "paht: output")):
        assert wrong != text
        bad = actionlint("-", stdin=wrong)
        assert bad.returncode == 1, bad.stdout + bad.stderr
        assert "[expression]" in bad.stdout or "[action]" in bad.stdout, bad.stdout


def test_workflow_builds_with_publishconf_and_the_pages_base_url():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    on = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert on["push"]["branches"] == ["main"] and "workflow_dispatch" in on
    assert flow["concurrency"]["group"] and flow["concurrency"]["cancel-in-progress"] is False
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = {s["uses"].split("@")[0]: s for s in build["steps"] if "uses" in s}
    assert uses["actions/setup-python"]["with"]["cache"] == "pip"
    assert uses["actions/setup-python"]["with"]["cache-dependency-path"] == "requirements.txt"
    pages_id = uses["actions/configure-pages"]["id"]
    [run] = [s for s in build["steps"] if "run" in s]
    assert run["run"].strip() == "make publish"
    assert run["env"]["SITEURL"] == "${{ steps.%s.outputs.base_url }}" % pages_id
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "output"
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    # make publish is what the workflow relies on: lint, publishconf.py with warnings fatal, then the search index.
    dry = subprocess.run(make("-n", "publish"), env=clean_env(), capture_output=True, text=True, cwd=ROOT)
    lines = dry.stdout.splitlines()
    pelican = [i for i, l in enumerate(lines) if "pelican" in l and "-s publishconf.py" in l]
    assert pelican and "--fatal warnings" in lines[pelican[0]], dry.stdout
    assert any("lint_content.py" in l for l in lines[:pelican[0]]), dry.stdout
    assert any("scripts/search_index.py" in l for l in lines[pelican[0]:]), dry.stdout


def test_make_github_refuses_to_publish_without_a_siteurl(tmp_path):
    # BIN points nowhere, so that even a broken guard could neither build nor run ghp-import and push
    done = subprocess.run(make("github", f"OUTPUTDIR={tmp_path / 'out'}", f"BIN={tmp_path / 'no-bin'}"),
                          env=clean_env(), capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "make github needs the address the site is served at" in done.stdout + done.stderr
    assert not (tmp_path / "out").exists()  # nothing was built, nothing pushed


# --- the site under a sub-path, over HTTP -----------------------------------------------------------------------

def links_in_html(text: str, base: str) -> list[str]:
    page = BeautifulSoup(text, "html.parser")
    base_tag = page.find("base", href=True)
    base = urljoin(base, base_tag["href"]) if base_tag else base
    found = []
    for tag in page.find_all(True):
        for attr in ("href", "src", "poster", "action", "data-base"):
            if tag.get(attr) is not None:
                found.append(tag[attr])
        if tag.get("srcset"):
            found += [c.strip().split()[0] for c in tag["srcset"].split(",") if c.strip()]
        if tag.name == "meta" and re.fullmatch(r"(og|twitter):(url|image)", tag.get("property") or tag.get("name") or ""):
            found.append(tag.get("content", ""))
        if tag.name == "script" and tag.get("type") == "application/ld+json":
            found += [s for s in json_strings(json.loads(tag.string)) if s.startswith(("http://", "https://"))]
    return [urljoin(base, u.strip()) for u in found if u.strip()]


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)


def links_in_xml(text: str, base: str) -> list[str]:
    """Atom and RSS feeds, the sitemap: link hrefs, <link>/<loc> URLs, and the links inside entries' HTML."""
    found = []
    for el in ET.fromstring(text).iter():
        name = el.tag.rsplit("}", 1)[-1]
        if el.get("href"):
            found.append(urljoin(base, el.get("href")))
        if name in ("loc", "link") and (el.text or "").strip():
            found.append(urljoin(base, el.text.strip()))
        if name in ("content", "summary", "description") and el.text:
            found += links_in_html(el.text, base)
    return found


def links_in_css(text: str, base: str) -> list[str]:
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
    return [urljoin(base, u) for u in urls if not u.startswith("data:")]


def pagefind_files(base: str, fetch) -> list[str]:
    """Every file pagefind.js loads for a search, from the index's own entry and metadata files."""
    entry = json.loads(fetch(base + "pagefind-entry.json"))
    meta = pagefind_meta(entry, lambda name: fetch(base + name))
    urls = [base + "pagefind.js", base + "pagefind-worker.js", base + "pagefind-entry.json"]
    for lang, m in meta.items():
        urls.append(f"{base}pagefind.{entry['languages'][lang]['hash']}.pf_meta")
        urls.append(f"{base}wasm.{m['wasm']}.pagefind")
        urls += [f"{base}index/{h}.pf_index" for *_, h in m["chunks"]]
        urls += [f"{base}filter/{h}.pf_filter" for h in m["filters"].values()]
        urls += [f"{base}fragment/{h}.pf_fragment" for h, *_ in m["fragments"]]
        assert len(m["fragments"]) == entry["languages"][lang]["page_count"] > 0
    return urls


def test_every_internal_link_asset_feed_and_search_file_resolves_under_the_sub_path(published):
    siteurl, out, _ = published
    origin = siteurl[:-len(PREFIX)]
    cache: dict[str, tuple[int, str, bytes]] = {}

    def get(url):
        if url not in cache:
            try:
                with urlopen(url, timeout=10) as r:
                    cache[url] = (r.status, r.geturl(), r.read())
            except HTTPError as e:
                cache[url] = (e.code, url, b"")
        return cache[url]

    def fetch(url):
        status, _, body = get(url)
        assert status == 200, f"{url}: {status}"
        return body

    broken: list[str] = []
    fragments: list[tuple[str, str, str]] = []  # (page, fragment, linked from)
    queue = [(siteurl + "/", "the home page"), (siteurl + "/robots.txt", "robots.txt"), (siteurl + "/404.html", "404")]
    seen = set()
    pagefind_bases = set()
    while queue:
        url, source = queue.pop()
        url, frag = urldefrag(url)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            continue
        host = parts.hostname or ""
        local = host in ("127.0.0.1", "localhost", "0.0.0.0", "::1") or host.endswith(".localhost")
        if not local:
            continue  # another host: not this site's business here
        if not url.startswith(origin + "/") or not (parts.path == PREFIX or parts.path.startswith(PREFIX + "/")):
            broken.append(f"{url} (from {source}): outside {siteurl}/")
            continue
        if frag:
            fragments.append((url, frag, source))
        if url in seen:
            continue
        seen.add(url)
        status, final, body = get(url)
        if status != 200:
            broken.append(f"{url} (from {source}): HTTP {status}")
            continue
        path = urlsplit(final).path
        new: list[str] = []
        if path.endswith("/") or path.endswith(".html"):
            text = body.decode("utf-8")
            new = links_in_html(text, final)
            for el in BeautifulSoup(text, "html.parser").find_all(attrs={"data-pagefind": True}):
                pagefind_bases.add(urljoin(final, el["data-pagefind"]))
        elif path.endswith(".xml"):
            new = links_in_xml(body.decode("utf-8"), final)
        elif path.endswith(".css"):
            new = links_in_css(body.decode("utf-8"), final)
        elif path.endswith("robots.txt"):
            new = [urljoin(final, m) for m in re.findall(r"(?im)^sitemap:\s*(\S+)", body.decode("utf-8"))]
        queue += [(u, url) for u in new]

    assert pagefind_bases == {siteurl + "/pagefind/"}, pagefind_bases
    for base in pagefind_bases:
        for u in pagefind_files(base, fetch):
            if get(u)[0] != 200:
                broken.append(f"{u} (Pagefind): HTTP {get(u)[0]}")
        meta = pagefind_meta(json.loads(fetch(base + "pagefind-entry.json")), lambda n: fetch(base + n))
        for h, *_ in (f for m in meta.values() for f in m["fragments"]):
            record = json.loads(gzip.decompress(fetch(f"{base}fragment/{h}.pf_fragment")).removeprefix(b"pagefind_dcd"))
            page = urljoin(siteurl + "/", record["url"].lstrip("/"))  # pagefind.js prefixes the form's data-base
            if get(page)[0] != 200:
                broken.append(f"{page} (search result {h}): HTTP {get(page)[0]}")

    ids: dict[str, set[str]] = {}
    for page, frag, source in fragments:
        status, _, body = get(page)
        if status == 200 and urlsplit(page).path.endswith(("/", ".html")):
            if page not in ids:
                ids[page] = {el["id"] for el in BeautifulSoup(body.decode("utf-8"), "html.parser").find_all(id=True)}
            if frag not in ids[page]:
                broken.append(f"{page}#{frag} (from {source}): no element with that id")

    assert not broken, f"{len(broken)} broken:\n" + "\n".join(sorted(set(broken))[:50])
    kinds = {urlsplit(u).path.rsplit(".", 1)[-1] if "." in urlsplit(u).path.rsplit("/", 1)[-1] else "page" for u in seen}
    assert {"page", "css", "js", "xml"} <= kinds, kinds
    assert any(u.endswith("/feeds/all.atom.xml") for u in seen) and any(u.endswith("/feeds/all.rss.xml") for u in seen)
    assert any(u.endswith("/sitemap.xml") for u in seen)
    # and it reached every page and feed the build wrote: none is an orphan
    reached = {urlsplit(u).path for u in seen}
    written = {f"{PREFIX}/{p.relative_to(out).as_posix()}" for p in out.rglob("*")
               if p.suffix in (".html", ".xml") and "pagefind" not in p.parts}
    assert not {p for p in written if p not in reached and p.removesuffix("index.html") not in reached}
    posts = len(list((ROOT / "content" / "posts").glob("*.md")))
    assert sum("/posts/" in u for u in seen) >= posts
    # the server really is strict about the prefix: the same file outside /blog/ is not there
    assert get(origin + "/index.html")[0] == 404 and get(siteurl + "/index.html")[0] == 200


def test_nojekyll_and_cname(published):
    _, out_a, out_b = published
    assert (out_a / ".nojekyll").is_file() and (out_b / ".nojekyll").is_file()
    assert (out_a / "CNAME").read_text(encoding="utf-8") == CNAME + "\n"
    assert not (out_b / "CNAME").exists()  # CNAME = None: no file


# --- deterministic builds ---------------------------------------------------------------------------------------

def files(out: Path) -> dict[str, Path]:
    return {p.relative_to(out).as_posix(): p for p in sorted(out.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_content_are_identical(published):
    _, out_a, out_b = published
    a, b = files(out_a), files(out_b)
    assert "CNAME" in a and "CNAME" not in b  # the one setting that differs on purpose
    a.pop("CNAME")
    assert len(a) > 100 and any(k.startswith("pagefind/filter/") for k in a)
    assert sorted(a) == sorted(b)
    different = [k for k in a if a[k].read_bytes() != b[k].read_bytes()]
    assert not different, "not byte-identical: " + ", ".join(different[:20])


def test_search_filters_keep_every_value_and_page_in_a_stable_order(published):
    """scripts/search_index.py rewrites Pagefind's filters sorted; nothing may be lost on the way."""
    _, out, _ = published
    base = out / "pagefind"
    entry = json.loads((base / "pagefind-entry.json").read_text(encoding="utf-8"))
    [meta] = pagefind_meta(entry, lambda name: (base / name).read_bytes()).values()
    assert set(meta["filters"]) == {"entity", "type", "category", "year"}
    doc = json.loads((out / "entities.json").read_text(encoding="utf-8"))
    for name, h in meta["filters"].items():
        fname, values = pagefind_file((base / "filter" / f"{h}.pf_filter").read_bytes())
        assert fname == name and [v for v, _ in values] == sorted(v for v, _ in values)
        assert all(ids == sorted(ids) and ids for _, ids in values)
        if name == "year":
            assert {v for v, _ in values} == {a["date"][:4] for a in doc["articles"]}
            assert sum(len(ids) for _, ids in values) == len(doc["articles"])  # every post in one year
