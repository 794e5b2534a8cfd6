"""Inputs chosen to break the importer: markup that tries to reach a page, files that tried to crash a
run, prose that looks like page furniture. Each was a real failure once."""
import json

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, body_text, convert_file, foreign_scripts, soup, to_html
from wpimport.metadata import Settings, load_overrides

BODY = "A body paragraph that is certainly long enough to be prose, about the hospital."


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize("title", ['" onmouseover="alert(1)" x="', "&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
                                   "</title><script>alert(3)</script>"])
def test_hostile_titles_stay_text_in_a_built_page(tmp_path, run_import, title):
    src = write(tmp_path, "post.txt", f"{title}\n\n{BODY}\n")
    code, report, _, _ = run_import(src, output=tmp_path / "content")
    assert code == 0
    done = build_site(tmp_path / "content", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    for page in (tmp_path / "out").rglob("*.html"):
        doc = soup(page)
        assert foreign_scripts(doc) == [], page
        assert not [el for el in doc.find_all(True) if any(a.startswith("on") for a in el.attrs)], page


@pytest.mark.parametrize("html", [
    '<img src="https://x.org/a.png>)<script>alert(1)</script>">',
    '<iframe src="https://x.org/v>)<img src=x onerror=alert(2)>"></iframe>',
    '<a href="https://x.org/a>)<script>alert(3)</script>">x</a>',
    "<pre>~~~\n~~~~\n&lt;script&gt;alert(4)&lt;/script&gt;</pre>",
])
def test_markup_in_links_images_and_code_never_becomes_html(tmp_path, html):
    [(_, post)] = convert_file(write(tmp_path, "p.html", f"<html><body><article><h1 class='entry-title'>T</h1>"
                                                          f"<div class='entry-content'><p>{BODY}</p>{html}</div></article></body></html>"))
    page = BeautifulSoup(to_html(post.body), "html.parser")
    assert page.find_all(["script", "img", "iframe"]) == []
    assert not [el for el in page.find_all(True) if any(a.startswith("on") for a in el.attrs)]


def test_br_lines_are_escaped_at_their_start(tmp_path):
    [(_, post)] = convert_file(write(tmp_path, "p.html", "<article><h1 class='entry-title'>T</h1><div class='entry-content'>"
                                                         "<p>First line<br># 1 keep the ward open<br>===</p></div></article>"))
    page = BeautifulSoup(to_html(post.body), "html.parser")
    assert page.find_all(["h1", "h2"]) == []
    assert page.find("p").get_text() == "First line\n# 1 keep the ward open\n==="


def test_slug_override_cannot_escape_the_output_folder(tmp_path, run_import):
    src = write(tmp_path, "post.txt", f"A title\n\n{BODY}\n")
    overrides = write(tmp_path, "o.toml", '["post.txt"]\nslug = "../../escaped\\n\\n<script>x</script>"\n')
    code, report, _, _ = run_import(src, "--overrides", overrides, output=tmp_path / "content")
    assert code == 0
    out = report["inputs"][0]["output"]
    assert out.startswith(str(tmp_path / "content" / "posts")) and "<" not in out and ".." not in out


@pytest.mark.parametrize("name, raw", [
    ("deep.html", "<html><body>" + "<font>" * 3000 + "text" + "</body></html>"),
    ("utf16.txt", "A title\n\nBody text here.".encode("utf-16")[:-1]),
    ("scripts.txt", "A title\n\n" + "<script> mentioned\n" * 20000),
])
def test_odd_files_never_stop_the_run(tmp_path, run_import, name, raw):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, name, raw)
    write(folder, "zz-good.txt", f"A good title\n\n{BODY}\n")
    code, report, _, _ = run_import(folder, output=tmp_path / "content")
    statuses = {e["source"].rsplit("/", 1)[-1]: e["status"] for e in report["inputs"]}
    assert statuses["zz-good.txt"] == "written"
    assert statuses[name] in ("written", "error")


def test_timezone_in_an_override_date(tmp_path):
    path = write(tmp_path, "o.toml", '["post.txt"]\ndate = 2017-03-23T10:00:00+01:00\n')
    post_path = write(tmp_path, "post.txt", f"A title\n\n{BODY}\n\nUpdate 3 April 2017\n\n{BODY}\n")
    [(_, post)] = convert_file(post_path, Settings(overrides=load_overrides(path), overrides_file=str(path)))
    assert post.meta.get("date").isoformat() == "2017-03-23T10:00:00"


def test_output_is_a_file_or_inside_the_source(tmp_path, run_import):
    a_file = write(tmp_path, "content", "not a folder")
    code, _, _, _ = (lambda: (None, None, None, None))()
    from wpimport.cli import main
    assert main([str(tmp_path), "--output", str(a_file)]) == 1
    src = tmp_path / "src"
    src.mkdir()
    write(src, "post.txt", f"A title\n\n{BODY}\n")
    run_import(src, output=src / "content")
    code, report, _, _ = run_import(src, output=src / "content")
    assert [e["status"] for e in report["inputs"]] == ["unchanged"]  # its own output is not re-imported


def test_a_hand_written_post_without_a_slug_line_is_never_overwritten(tmp_path, run_import):
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    mine = write(posts, "better-title.md", "Title: Better title\nDate: 2020-01-01\n\nMine.\n")
    src = write(tmp_path, "post.txt", f"A title\n\n{BODY}\n")
    run_import(src, output=tmp_path / "content")
    overrides = write(tmp_path, "o.toml", '["post.txt"]\ntitle = "Better title"\n')
    code, report, _, _ = run_import(src, "--overrides", overrides, output=tmp_path / "content")
    assert mine.read_text() == "Title: Better title\nDate: 2020-01-01\n\nMine.\n"
    assert report["inputs"][0]["output"].endswith("better-title-2.md")


def test_a_page_and_a_post_with_one_slug_keep_separate_comment_archives(tmp_path, run_import):
    src = tmp_path / "in"
    src.mkdir()
    comments = "\n\n2 Comments\n\nMary Smith\n\nMarch 24, 2017 at 9:14 am\n\nWell said.\n\nReply\n\nLeave a Reply\n"
    write(src, "a.txt", f"Contact\n\n{BODY}{comments}")
    (src / "b.html").write_text("<html><body><article class='page'><h1 class='entry-title'>Contact</h1><div class='entry-content'>"
                                f"<p>{BODY}</p></div></article></body></html>")
    run_import(src, output=tmp_path / "content")
    code, report, _, _ = run_import(src, output=tmp_path / "content")
    assert code == 0 and {e["status"] for e in report["inputs"]} == {"unchanged"}


@pytest.mark.parametrize("line", ["Three responses to the consultation came from GPs.", "Three responses",
                                  "Posted in full, unedited"])
def test_prose_that_looks_like_furniture_stays_in_the_body(tmp_path, line):
    text = f"A title\n\n{BODY}\n\n{line}\n\nThe next paragraph of the post goes on to say a great deal more about it.\n\nLeave a Reply\n"
    [(_, post)] = convert_file(write(tmp_path, "post.txt", text))
    assert "The next paragraph of the post goes on" in body_text(post.body)
    assert post.comments == [] and post.meta.get("category") == "Uncategorised"


def test_unclosed_tag_in_prose_loses_nothing(tmp_path):
    text = f"A title\n\nWe wrote to the health <select committee, which replied.\n\n{BODY}\n\nAnother paragraph > this one.\n"
    [(_, post)] = convert_file(write(tmp_path, "post.txt", text))
    assert "which replied." in body_text(post.body) and BODY in body_text(post.body)
