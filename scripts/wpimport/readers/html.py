"""A WordPress post page saved from the browser (.html): metadata and comments from the markup."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ..dates import parse_date
from ..decode import decode
from ..inline import html_to_blocks
from ..model import Comment, Fact, Line, RawPost

# Where themes put things (Twenty-Ten to Twenty-Twenty-Four, Jetpack, most WordPress.com themes).
CONTENT = [".entry-content", "[itemprop=articleBody]", ".post-content", ".post-entry", "article", "main", "#content"]
TITLE = ["h1.entry-title", ".entry-title", "h1.post-title", "article h1", "h1"]
COMMENTS = ["ol.comment-list", "ol.commentlist", "#comments ol", ".comment-list"]
# Boilerplate blocks, removed before the body is read; their text goes to the report.
CLUTTER = ["#respond", ".comment-respond", "#comments", ".comments-area", ".sharedaddy", ".jp-relatedposts",
           "#jp-post-flair", ".wpcnt", ".wordads-ad-wrapper", ".post-navigation", ".navigation", ".nav-links",
           ".author-info", ".author-bio", ".entry-author", ".entry-meta", ".entry-footer", "footer.entry-meta",
           ".entry-utility", ".post-meta", ".byline", ".posted-on", ".cat-links", ".tags-links", ".edit-link",
           "nav", "header.site-header", "#masthead", "footer.site-footer", "#colophon", "#secondary",
           ".widget-area", ".sidebar", "form", ".screen-reader-text", ".skip-link", "#cookie-law-info-bar",
           ".widget_eu_cookie_law_widget", ".likes-widget-placeholder", ".sd-like", "#actionbar"]


def _first(root: Tag, selectors: list[str]) -> Tag | None:
    for sel in selectors:
        found = root.select_one(sel)
        if found is not None:
            return found
    return None


def read(path: Path, raw: bytes) -> list[RawPost]:
    text, notes = decode(raw, str(path))
    soup = BeautifulSoup(text, "html.parser")
    post = RawPost(source=str(path), label=path.name, raw=raw, lines=[], notes=notes)
    article = _first(soup, ["article", ".post", ".hentry", "main", "body"]) or soup
    _facts(soup, article, post)
    _comments(soup, post)
    for sel in CLUTTER:
        for el in soup.select(sel):
            _remove(el, f"html-clutter ({sel})", post)
    for aside in soup.find_all("aside"):  # sidebars; a pull quote inside the post's content stays
        if not aside.find_parent(class_="entry-content"):
            _remove(aside, "html-clutter (aside)", post)
    content = _first(article, CONTENT) or article
    if content is not article:  # a standfirst or postscript outside .entry-content is reported, not lost
        inside = " ".join(content.get_text(" ").split())
        for block in html_to_blocks(article).blocks:
            if block[1] and block[1] not in inside:
                post.skipped.append({"line": None, "text": block[1][:2000], "rule": "html-outside-content"})
    title_el = _first(article, TITLE)
    if title_el is not None and any(p is content for p in title_el.parents):
        title_el.decompose()  # the title is metadata, not the first line of the body
    conv = html_to_blocks(content)
    for gone in conv.removed:
        post.skipped.append({"line": None, "text": gone, "rule": "unsafe-html"})
        post.warnings.append(f"removed unsafe HTML {gone[:80]}")
    for n, (hint, txt, md, depth) in enumerate(conv.blocks, start=1):
        post.lines.append(Line(n, txt, md=md, hint=hint, depth=depth))
        post.lines.append(Line(n, ""))
    return [post]


def _remove(el: Tag, rule: str, post: RawPost) -> None:
    """Take a clutter element out of the page, keeping its text in the report."""
    if el.decomposed:  # already gone with an enclosing element
        return
    gist = " ".join(el.get_text(" ").split())
    if gist:
        post.skipped.append({"line": None, "text": gist[:2000], "rule": rule})
    el.decompose()


def _facts(soup: BeautifulSoup, article: Tag, post: RawPost) -> None:
    def add(field: str, value, origin: str) -> None:
        post.facts.append(Fact(field, value, f"page markup {origin}", None, 4))

    title = _first(article, TITLE)
    if title is not None and title.get_text(strip=True):
        add("title", " ".join(title.get_text(" ").split()), "<h1 class=entry-title>")
    elif soup.title and soup.title.get_text(strip=True):
        add("title", soup.title.get_text(strip=True).split(" | ")[0].split(" – ")[0].strip(), "<title>")
    for sel, field in (("time.entry-date[datetime], time.published[datetime]", "date"),
                       ("meta[property='article:published_time']", "date"),
                       ("time.updated[datetime]", "modified"), ("meta[property='article:modified_time']", "modified")):
        el = soup.select_one(sel)
        if el is not None and not any(f.field == field for f in post.facts):
            d = parse_date((el.get("datetime") or el.get("content") or "")[:16].replace("T", " "))
            if d:
                add(field, d.when, f"<{el.name} {sel.split('[')[0]}>")
    author = _first(article, [".entry-meta .author .fn", ".byline .author", ".author .fn", "a[rel~=author]"]) or \
        soup.select_one("meta[name=author]")
    if author is not None:
        name = (author.get("content") or author.get_text(" ")).strip()
        if name:
            add("author", " ".join(name.split()), "author link")
    cats = [a.get_text(" ", strip=True) for a in article.select("a[rel~=category]")]
    tags = [a.get_text(" ", strip=True) for a in article.select("a[rel=tag]") if "category" not in (a.get("rel") or [])]
    if cats:
        add("categories", list(dict.fromkeys(cats)), "category links")
    if tags:
        add("tags", list(dict.fromkeys(tags)), "tag links")


def _comments(soup: BeautifulSoup, post: RawPost) -> None:
    root = _first(soup, COMMENTS)
    if root is None:
        return
    for li in root.select("li.comment, li.pingback, li.trackback"):
        for widget in li.select(".comment-likes, .reply, .says, .screen-reader-text"):
            widget.decompose()
        body = _first(li, [".comment-content", ".comment-text", ".comment-body > p"]) or li
        who = _first(li, [".comment-author .fn", ".fn", ".comment-author cite", "cite"])
        when = _first(li, [".comment-metadata time", "time", ".comment-meta a"])
        # the comment's own text, not that of nested replies
        own = [p for p in body.find_all(["p", "blockquote", "li"]) if p.find_parent("li") is li] or [body]
        text = "\n\n".join(" ".join(p.get_text(" ").split()) for p in own if p.get_text(strip=True))
        stamp = (when.get("datetime") or when.get_text(" ")).strip() if when is not None else None
        d = parse_date(stamp.replace("T", " ")[:16]) if stamp and "T" in stamp else (parse_date(stamp) if stamp else None)
        classes = li.get("class") or []
        kind = "pingback" if "pingback" in classes else "trackback" if "trackback" in classes else "comment"
        post.comments.append(Comment(author=" ".join(who.get_text(" ").split()) if who else "Anonymous",
                                     text=text, date=d.when if d else None, date_text=stamp, kind=kind,
                                     depth=len(li.find_parents("li"))))
