"""A WordPress export (WXR): posts, pages, drafts and approved comments; attachments are reported."""
from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..dates import parse_date
from ..inline import html_to_blocks
from ..model import Comment, Fact, ImportError_, Line, RawPost

NS = {"wp": "http://wordpress.org/export/1.1/", "content": "http://purl.org/rss/1.0/modules/content/",
      "excerpt": "http://wordpress.org/export/1.1/excerpt/", "dc": "http://purl.org/dc/elements/1.1/"}
_STATUS = {"publish": None, "draft": "draft", "pending": "draft", "future": "draft", "private": "hidden"}
_BLOCK_START = re.compile(r"^\s*<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|iframe|hr|dl|address|form|script|style)\b", re.I)


def read(path: Path, raw: bytes) -> list[RawPost]:
    try:
        root = fromstring(raw)
    except ParseError as err:
        line, col = err.position
        raise ImportError_(f"{path}: line {line}, column {col}: not a well-formed WordPress export ({err.msg}); "
                           "export it again from WordPress (Tools → Export)", line) from err
    except DefusedXmlException as err:
        raise ImportError_(f"{path}: refused an unsafe XML construct ({err}); export it again from WordPress") from err
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportError_(f"{path}: this XML file is not a WordPress export (no <rss><channel>); "
                           "use Tools → Export in WordPress")
    # WXR 1.0, 1.1 and 1.2 differ only in the namespace version.
    wp = next((ns for ns in (f"http://wordpress.org/export/1.{v}/" for v in (2, 1, 0)) if root.find(f".//{{{ns}}}post_type") is not None), NS["wp"])
    ns = dict(NS, wp=wp)
    authors = {(a.findtext("wp:author_login", "", ns) or "").lower(): a.findtext("wp:author_display_name", "", ns)
               for a in channel.findall("wp:author", ns)}
    posts, seen = [], set()
    for n, item in enumerate(channel.findall("item"), start=1):
        post = _item(path, raw, item, n, ns, authors)
        if post.label in seen:  # exports merged by hand can repeat an ID; keep both, in file order
            post.warnings.append(f"item {n}: ID already used in this export; imported as {post.label}~{n}")
            post.label = f"{post.label}~{n}"
        seen.add(post.label)
        posts.append(post)
    return posts


def _text(item: Element, tag: str, ns: dict) -> str:
    return (item.findtext(tag, "", ns) or "").strip()


def _item(path: Path, raw: bytes, item: Element, n: int, ns: dict, authors: dict) -> RawPost:
    ptype, status = _text(item, "wp:post_type", ns) or "post", _text(item, "wp:status", ns) or "publish"
    pid = _text(item, "wp:post_id", ns) or str(n)
    label = f"{path.name}#{ptype}-{pid}"
    post = RawPost(source=str(path), label=label, raw=b"", lines=[], needs_cleaning=False,
                   kind="page" if ptype == "page" else "article", status=_STATUS.get(status, "draft"))
    if ptype in ("attachment", "nav_menu_item", "revision", "wp_block", "wp_navigation", "custom_css") or status in ("trash", "inherit", "auto-draft"):
        post.status = "skip"
        post.notes.append(f"skipped: a WordPress {ptype} ({status}), not a post")
    elif ptype not in ("post", "page"):
        post.notes.append(f"custom post type '{ptype}' imported as an article")
    if status in ("pending", "future", "private"):
        post.notes.append(f"WordPress status '{status}' imported as Status: {post.status}")
    post.raw = tostring(item, encoding="utf-8")

    def fact(field: str, value, origin: str) -> None:
        post.facts.append(Fact(field, value, f"WXR {origin}", None, 5))

    title = htmllib.unescape(_text(item, "title", ns))
    if title:
        fact("title", title, "<title>")
    for tag in ("wp:post_date", "wp:post_date_gmt"):
        d = parse_date(_text(item, tag, ns))
        if d:
            fact("date", d.when, f"<{tag}>")
            break
    login = _text(item, "dc:creator", ns)
    if login:
        fact("author", authors.get(login.lower()) or login, "<dc:creator>")
    slug = _text(item, "wp:post_name", ns)
    if slug:
        fact("slug", slug, "<wp:post_name>")
    cats = [htmllib.unescape(c.text or "").strip() for c in item.findall("category") if c.get("domain") == "category"]
    tags = [htmllib.unescape(c.text or "").strip() for c in item.findall("category") if c.get("domain") == "post_tag"]
    if cats:
        fact("categories", cats, "<category domain=category>")
    if tags:
        fact("tags", tags, "<category domain=post_tag>")
    excerpt = _text(item, "excerpt:encoded", ns)
    if excerpt:
        fact("summary", " ".join(excerpt.split()), "<excerpt:encoded>")
    conv = html_to_blocks(autop(shortcodes(item.findtext("content:encoded", "", ns) or "")))
    for gone in conv.removed:
        post.skipped.append({"line": None, "text": gone, "rule": "unsafe-html"})
        post.warnings.append(f"removed unsafe HTML {gone[:80]}")
    for k, (hint, txt, md, depth) in enumerate(conv.blocks, start=1):
        post.lines += [Line(k, txt, md=md, hint=hint, depth=depth), Line(k, "")]
    for c in item.findall("wp:comment", ns):
        approved = _text(c, "wp:comment_approved", ns)
        text = "\n\n".join(b[1] for b in html_to_blocks(autop(c.findtext("wp:comment_content", "", ns) or "")).blocks)
        who = _text(c, "wp:comment_author", ns) or "Anonymous"
        if approved != "1":
            post.skipped.append({"line": None, "text": f"{who}: {text}"[:500],
                                 "rule": f"comment not approved in WordPress ({approved or 'unknown'})"})
            continue
        d = parse_date(_text(c, "wp:comment_date", ns))
        post.comments.append(Comment(author=who, text=text, date=d.when if d else None,
                                     date_text=_text(c, "wp:comment_date", ns) or None,
                                     kind=_text(c, "wp:comment_type", ns) or "comment",
                                     depth=1 if _text(c, "wp:comment_parent", ns) not in ("", "0") else 0))
    return post


_CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S | re.I)
_EMBED = re.compile(r"\[(?:embed|youtube|video|audio)[^\]]*?(?:\](?P<inner>.*?)\[/(?:embed|youtube|video|audio)\]|\s(?P<url>https?://\S+?)\s*\])", re.S | re.I)


def shortcodes(content: str) -> str:
    """WordPress shortcodes that carry content: [caption] keeps image and caption, [embed] keeps the URL."""
    def caption(m: re.Match) -> str:
        inner = m.group(1)
        img_end = inner.rfind(">")
        return f"<figure>{inner[:img_end + 1]}<p>{inner[img_end + 1:].strip()}</p></figure>\n\n"

    content = _CAPTION.sub(caption, content)
    content = _EMBED.sub(lambda m: f"\n\n{(m['inner'] or m['url'] or '').strip()}\n\n", content)
    return content


def autop(content: str) -> str:
    """WordPress stores paragraphs as blank lines and line breaks as newlines (wpautop adds the tags)."""
    out = []
    for chunk in re.split(r"\n\s*\n", content.replace("\r\n", "\n")):
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)
