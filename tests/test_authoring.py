"""Authoring: `make newpost` (scripts/newpost.py) and `make lint` (scripts/lint_content.py), and that the build
stops on what lint finds. Real make runs, real Pelican builds; each lint problem checked by file and line."""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings
from pelican.utils import slugify

from conftest import ROOT, build_site, fold, soup, split_post

LONDON = ZoneInfo("Europe/London")
DROP = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "SITEURL", "CNAME", "TITLE", "AUTHOR")
PROBLEM = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+): (?P<problem>.+) — (?P<fix>.+)$")


@pytest.fixture
def env(tmp_path):
    """The environment without make's or the user's TITLE/AUTHOR, and with a git user.name of our own."""
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Git Person\n", encoding="utf-8")
    e = {k: v for k, v in os.environ.items() if k not in DROP}
    e.update(GIT_CONFIG_GLOBAL=str(gitconfig), GIT_CONFIG_NOSYSTEM="1")
    return e


def make(*args: str, env: dict, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.installed", *args],
                          env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def lint(content, *extra: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "lint_content.py"), str(content), *extra],
                          cwd=cwd or content.parent, capture_output=True, text=True, timeout=60)


def newpost(content, env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "newpost.py"), "--content", str(content), *args],
                          cwd=content.parent, env=env, capture_output=True, text=True, timeout=60)


def write(path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


# --- make newpost -----------------------------------------------------------------------------------------------

# Dates in forms Pelican reads (pelican.utils.get_date): lint must accept them, and the build below proves Pelican does.
PELICAN_DATES = ["2015-12-18", "2015-12-18 10:00", "18 December 2015", "2015-12-18T10:00:00+00:00", "2015/12/18 9:30",
                 "December 18, 2015"]


@pytest.mark.build
def test_newpost_writes_a_post_that_lints_and_builds(tmp_path, env):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for n, date in enumerate(PELICAN_DATES):
        write(content / "posts" / f"date-{n}.md", f"Title: Date form {n}\nDate: {date}\n\nA post dated {date}.\n")
    title = 'Why the "CCG" merger matters: it\'s £5m & more'
    before = datetime.now(LONDON).replace(second=0, microsecond=0, tzinfo=None)
    done = make("newpost", f"INPUTDIR={content}", f"TITLE={title}", env=env)
    after = datetime.now(LONDON).replace(tzinfo=None)
    assert done.returncode == 0, done.stdout + done.stderr
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    slug = slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    path = content / "posts" / f"{slug}.md"
    assert path.is_file(), sorted(p.name for p in (content / "posts").iterdir())
    assert f"{slug}.md" in done.stdout
    meta, body = split_post(path)
    assert list(meta) == ["title", "date", "author", "category", "tags", "summary", "slug"]
    assert meta["title"] == title and meta["slug"] == slug
    assert before <= datetime.strptime(meta["date"], "%Y-%m-%d %H:%M") <= after  # now, in Europe/London
    assert meta["author"] == "Git Person"  # no AUTHOR=: git config user.name
    assert meta["category"] == settings["DEFAULT_CATEGORY"] and meta["tags"] == meta["summary"] == ""
    assert body.strip()

    checked = lint(content)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    out = tmp_path / "out"
    built = build_site(content, out)
    assert built.returncode == 0, built.stdout + built.stderr
    page = soup(out / "posts" / f"{slug}.html")
    assert fold(page.find("article").find("h1").get_text()) == title
    for n in range(len(PELICAN_DATES)):
        assert (out / "posts" / f"date-form-{n}.html").is_file()


def test_newpost_author_from_AUTHOR_else_git_else_the_site(tmp_path, env):
    content = tmp_path / "content"
    done = make("newpost", f"INPUTDIR={content}", "TITLE=First", "AUTHOR=Jane Doe", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert split_post(content / "posts" / "first.md")[0]["author"] == "Jane Doe"

    assert newpost(content, env, "--title", "Second").returncode == 0
    assert split_post(content / "posts" / "second.md")[0]["author"] == "Git Person"

    (tmp_path / "gitconfig").write_text("", encoding="utf-8")  # no user.name anywhere
    assert newpost(content, env, "--title", "Third").returncode == 0
    site_author = read_settings(str(ROOT / "pelicanconf.py"))["AUTHOR"]
    assert split_post(content / "posts" / "third.md")[0]["author"] == site_author


def test_newpost_never_overwrites(tmp_path, env):
    content = tmp_path / "content"
    assert newpost(content, env, "--title", "Same title").returncode == 0
    path = content / "posts" / "same-title.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe author's words.\n", encoding="utf-8")
    kept = path.read_bytes()
    again = make("newpost", f"INPUTDIR={content}", "TITLE=Same  title", env=env)
    assert again.returncode != 0
    assert "same-title.md already exists" in again.stderr and "left as it is" in again.stderr
    assert path.read_bytes() == kept
    direct = newpost(content, env, "--title", "Same title")
    assert direct.returncode == 1 and "already exists" in direct.stderr


def test_newpost_needs_a_title(tmp_path, env):
    done = newpost(tmp_path / "content", env)
    assert done.returncode == 1 and 'make newpost TITLE="' in done.stderr
    assert not (tmp_path / "content").exists()
    assert newpost(tmp_path / "content", env, "--title", "!!!").returncode == 1


# --- make lint --------------------------------------------------------------------------------------------------

GOOD = "Title: Good\nDate: 2020-01-01\n\nSee [about]({filename}/pages/about.md) and [bad date]({filename}bad-date.md).\n"
BAD = {
    "posts/good.md": GOOD,
    "posts/draft.md": "Title: A draft\nStatus: draft\n\nNo date yet, which is fine for a draft.\n",
    "posts/no-title.md": "Date: 2020-01-01\n\nA body.\n",
    "posts/empty-title.md": "Title:\nDate: 2020-01-01\n\nA body.\n",
    "posts/no-date.md": "Title: No date\nCategory: X\n\nA body.\n",
    "posts/bad-date.md": "Title: Bad date\nCategory: X\nDate: 31st of Smarch\n\nA body.\n",
    "posts/bad-modified.md": "Title: Bad modified\nDate: 2020-01-01\nModified: 2020-02-30\n\nA body.\n",
    "posts/twice.md": "Title: Twice\nDate: 2020-01-01\nCategory: A\nCategory: B\n\nA body.\n",
    "posts/hello-1.md": "Title: Hello, World!\nDate: 2020-01-01\n\nA body.\n",
    "posts/hello-2.md": "Title: Hello World\nDate: 2020-01-02\n\nA body.\n",
    "posts/hello-3.md": "Title: Something else\nSlug: hello-world\nDate: 2020-01-03\n\nA body.\n",
    "posts/hello-fr.md": "Title: Hello World\nLang: fr\nDate: 2020-01-03\n\nA translation: same slug, another language.\n",
    "posts/links.md": ("Title: Links\nDate: 2020-01-01\n\nFirst paragraph.\n\n"
                       "See [gone]({filename}/posts/gone.md#part), [ok]({filename}good.md) and "
                       "[up]({filename}../pages/about.md).\n\n"
                       "Code is not a link: `{filename}/posts/code.md`.\n\n```\n[x]({filename}/posts/fenced.md)\n```\n\n"
                       "An image ![x]({static}/images/none.png \"title\").\n"),
    "posts/latin1.md": "Title: Café\nDate: 2020-01-01\n\nA body.\n".encode("latin-1"),
    "posts/empty.md": "Title: Empty\nDate: 2020-01-01\n\n  \n\n",
    "posts/header-only.md": "Title: Header only\nDate: 2020-01-01",
    "pages/about.md": "Title: About\n\nA page needs no date.\n",
    "pages/hello-world.md": "Title: Hello World\n\nA page may share a post's slug: pages live at another URL.\n",
    "posts/notes.txt": "Not a post: Pelican does not read .txt files.\n",
}
EXPECTED = {
    ("posts/no-title.md", 1, "missing Title"),
    ("posts/empty-title.md", 1, "empty Title"),
    ("posts/no-date.md", 1, "missing Date"),
    ("posts/bad-date.md", 3, "Date '31st of Smarch' is not a date"),
    ("posts/bad-modified.md", 3, "Modified '2020-02-30' is not a date"),
    ("posts/twice.md", 4, "Category is defined twice"),
    ("posts/hello-2.md", 1, "slug 'hello-world' (the slug of its Title) is already used by posts/hello-1.md:1"),
    ("posts/hello-3.md", 2, "slug 'hello-world' (its Slug:) is already used by posts/hello-1.md:1"),
    ("posts/links.md", 6, "{filename}/posts/gone.md#part links to posts/gone.md, which does not exist"),
    ("posts/links.md", 14, "{static}/images/none.png links to images/none.png, which does not exist"),
    ("posts/latin1.md", 1, "not valid UTF-8"),
    ("posts/empty.md", 4, "empty body"),
    ("posts/header-only.md", 3, "empty body"),
}


def lint_problems(stdout: str) -> set[tuple[str, int, str]]:
    found = set()
    for line in stdout.splitlines():
        m = PROBLEM.match(line)
        assert m, f"not `file:line: problem — how to fix`: {line!r}"
        assert len(m.group("fix")) > 10
        found.add((m.group("file"), int(m.group("line")), m.group("problem")))
    return found


def test_lint_reports_every_problem_with_its_file_line_and_fix(tmp_path):
    content = tmp_path / "content"
    for name, text in BAD.items():
        write(content / name, text)
    done = lint(content, cwd=content)
    assert done.returncode == 1, done.stdout + done.stderr
    found = lint_problems(done.stdout)
    got = {(f, n, p) for f, n, p in found for ef, en, ep in EXPECTED if (f, n) == (ef, en) and p.startswith(ep)}
    assert got == found, f"unexpected: {sorted(found - got)}"
    assert {(f, n) for f, n, _ in got} == {(f, n) for f, n, _ in EXPECTED}, f"missed: {sorted(EXPECTED)}\n{done.stdout}"
    assert "Entities:/Related:" in done.stderr and "13 problem(s)" in done.stderr
    # paths are shown relative to where lint runs
    assert "content/posts/no-title.md:1: missing Title" in lint(content, cwd=tmp_path).stdout


def test_lint_help_says_the_build_checks_entities_and_related():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "lint_content.py"), "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "Entities:" in done.stdout and "Related:" in done.stdout and "plugins/entities" in done.stdout


def test_the_committed_content_passes_lint():
    done = lint(ROOT / "content", cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "posts and pages OK" in done.stdout


@pytest.mark.parametrize("target", ["html", "publish"])
def test_the_build_stops_on_a_lint_problem_before_pelican_runs(tmp_path, env, target):
    content = tmp_path / "content"
    write(content / "posts" / "good.md", GOOD.replace(" and [bad date]({filename}bad-date.md)", ""))
    write(content / "pages" / "about.md", BAD["pages/about.md"])
    write(content / "posts" / "no-date.md", BAD["posts/no-date.md"])
    out = tmp_path / "out"
    done = make(target, f"INPUTDIR={content}", f"OUTPUTDIR={out}", "SITEURL=https://example.org/blog", env=env)
    assert done.returncode != 0
    assert re.search(r"^\S*posts/no-date\.md:1: missing Date — ", done.stdout, re.M), done.stdout + done.stderr
    assert not out.exists()  # Pelican never ran


@pytest.mark.build
def test_publish_fails_on_a_pelican_warning_that_lint_lets_through(tmp_path, env):
    """`--fatal warnings`: linking an image with {filename} (not {static}) is only a warning for Pelican."""
    content = tmp_path / "content"
    write(content / "pages" / "about.md", BAD["pages/about.md"])
    write(content / "images" / "chart.png", b"\x89PNG\r\n\x1a\n")
    write(content / "posts" / "chart.md", "Title: Chart\nDate: 2020-01-01\n\n![A chart]({filename}/images/chart.png)\n")
    assert lint(content).returncode == 0
    out = tmp_path / "out"
    done = make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={out}", "SITEURL=https://example.org/blog", env=env)
    assert done.returncode != 0
    assert "Use {static} instead" in done.stdout + done.stderr
    assert not (out / "pagefind").exists()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, ""
    except OSError:
        return 0, ""


def _wait_for(url: str, seconds: float, ok=lambda status, body: status == 200) -> tuple[int, str]:
    deadline = time.monotonic() + seconds
    status, body = 0, ""
    while time.monotonic() < deadline:
        status, body = _get(url)
        if ok(status, body):
            break
        time.sleep(0.5)
    return status, body


def test_devserver_serves_rebuilds_on_save_and_reloads_the_page(tmp_path, env):
    content, out = tmp_path / "content", tmp_path / "output"
    shutil.copytree(ROOT / "content", content)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path / "devserver.log").open("w")
    proc = subprocess.Popen(["make", "--no-print-directory", "-o", ".venv/.installed", "devserver",
                             f"INPUTDIR={content}", f"OUTPUTDIR={out}", f"PORT={port}"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        status, home = _wait_for(base, 180)
        assert status == 200, f"devserver did not answer on {base}: " + (tmp_path / "devserver.log").read_text()
        page = soup_of(home)
        assert page.find("h1") or page.find("main")
        assert any("livereload.js" in s.get_text() for s in page.find_all("script"))  # the reload hook
        assert _get(base + "livereload.js")[0] == 200
        assert "livereload" not in (out / "index.html").read_text(encoding="utf-8")  # added when served only
        write(content / "posts" / "preview-me.md", "Title: Preview me\nDate: 2024-05-01\n\nA brand new post.\n")
        status, body = _wait_for(base + "posts/preview-me.html", 120)
        assert status == 200 and "A brand new post." in soup_of(body).find("article").get_text()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")
