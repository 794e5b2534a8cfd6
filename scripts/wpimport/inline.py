"""Text and HTML -> safe inline Markdown.

Everything the importer writes into a body passes through here, so this is where hostile HTML
stops: text is escaped (no raw HTML survives Python-Markdown), links are only http(s) and mailto,
and script-like elements are removed (and reported).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment as HtmlComment, NavigableString, Tag

URL = re.compile(r"(?<![\w@/])(?:https?://|www\.)[^\s<>\"'“”‘’]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\"”’…"
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
_TAG = re.compile(
    r"</?(a|abbr|b|big|blockquote|br|center|cite|code|del|div|em|embed|font|form|h[1-6]|hr|i|iframe|img|input|"
    r"ins|li|link|meta|noscript|object|ol|p|pre|s|script|small|span|strike|strong|style|sub|sup|svg|table|"
    r"tbody|td|th|thead|tr|u|ul|video|audio|source|button|textarea|select|base|frame|frameset|math)\b[^>]*>",
    re.IGNORECASE,
)
UNSAFE_TAGS = ("script", "style", "iframe", "object", "embed", "noscript", "form", "input", "button",
               "textarea", "select", "link", "meta", "base", "frame", "frameset", "svg", "math", "template")
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def safe_href(url: str) -> str | None:
    """A link target that can be written into Markdown and HTML as it is: http(s) or mailto, nothing that
    could close the link or the attribute. None means: keep the text, drop the link."""
    url = (url or "").strip()
    if not url.lower().startswith(SAFE_SCHEMES) or re.search(r"[\s<>\"'`\\]", url):
        return None
    return url


def has_html(text: str) -> bool:
    return bool(_TAG.search(text))


def escape(text: str) -> str:
    """Escape text so Python-Markdown renders exactly these characters and no markup."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([`*_\[\]{}])", r"\\\1", text)
    text = _ENTITY.sub(lambda m: "&amp;" + m.group(0)[1:], text)
    return text.replace("<", "&lt;")


def escape_line_start(md: str) -> str:
    """Stop a paragraph's first characters reading as block syntax (#, >, list markers, rules)."""
    md = re.sub(r"^(\s*)([#>+])", r"\1\\\2", md)
    md = re.sub(r"^(\s*)([=|:])", lambda m: f"{m[1]}&#{ord(m[2])};", md)  # not escapable with a backslash
    md = re.sub(r"^(\s*)(-)(?=\s|-|$)", r"\1\\\2", md)
    md = re.sub(r"^(\s*\d+)([.)])(?=\s|$)", r"\1\\\2", md)
    return md


def split_url(candidate: str) -> tuple[str, str]:
    """Peel sentence punctuation off the end of a bare URL; keep balanced brackets."""
    url, tail = candidate, ""
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url, tail = url[:-1], url[-1] + tail
    return url, tail


def text_to_md(text: str) -> str:
    """Plain text -> inline Markdown: escaped, with bare URLs as links."""
    out, pos = [], 0
    for m in URL.finditer(text):
        url, tail = split_url(m.group(0))
        if not re.search(r"\.\w", url):
            continue
        out.append(escape(text[pos:m.start()]))
        href = url if url.lower().startswith("http") else "https://" + url
        out.append(f"[{escape(url)}](<{href}>)" if href != url else f"<{url}>")
        pos = m.start() + len(url)
    out.append(escape(text[pos:]))
    return "".join(out)


@dataclass
class Converted:
    """An HTML fragment as Markdown blocks, plus what was removed for safety."""

    blocks: list[tuple[str, str, str, int]] = field(default_factory=list)  # (hint, text, md, depth)
    removed: list[str] = field(default_factory=list)


_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "ul", "ol", "table",
          "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dl", "dt", "dd",
          "address", "main", "aside", "nav", "center"}


def html_to_blocks(html: str | Tag) -> Converted:
    """Convert an HTML fragment (or element) into blocks of safe inline Markdown."""
    root = html if isinstance(html, Tag) else BeautifulSoup(html, "html.parser")
    conv = Converted()
    buf: list = []
    _walk(root, conv, hint="p", depth=0, buf=buf)
    _flush(conv, buf, "p", 0)
    return conv


def _flush(conv: Converted, buf: list, hint: str, depth: int) -> None:
    text = "".join(t for t, _ in buf)
    md = "".join(m for _, m in buf)
    buf.clear()
    if text.strip() or "![" in md:
        lines_t, lines_m = text.split("\n"), md.split("\n")
        if hint == "pre":
            conv.blocks.append((hint, text.strip("\n"), text.strip("\n"), depth))
        else:
            conv.blocks.append((hint, " ".join(" ".join(lines_t).split()),
                                "  \n".join(escape_line_start(l.strip()) for l in lines_m if l.strip()), depth))


def _walk(node: Tag, conv: Converted, hint: str, depth: int, buf: list) -> None:
    for child in list(node.children):
        if isinstance(child, HtmlComment):
            continue
        if isinstance(child, NavigableString):
            s = str(child)
            if hint != "pre":
                s = re.sub(r"[ \t\r\n]+", " ", s)
            buf.append((s, s if hint == "pre" else text_to_md(s)))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name in UNSAFE_TAGS:
            gist = " ".join(child.get_text(" ").split())[:200]
            src = (child.get("src") or child.get("data") or "").strip()
            conv.removed.append(f"<{name}>{(' ' + gist) if gist else ''}{(' src=' + src) if src else ''}")
            if name in ("iframe", "embed", "object") and safe_href(src) and not src.lower().startswith("mailto:"):
                # Embedded media (a video, a map) becomes a plain link: nothing lost, nothing loaded.
                _flush(conv, buf, hint, depth)
                conv.blocks.append(("p", f"Embedded media: {src}", f"{escape('Embedded media:')} [{escape(src)}](<{src}>)", depth))
            continue
        if name == "br":
            buf.append(("\n", "\n"))
        elif name == "img":
            alt = (child.get("alt") or "").strip()
            src = (child.get("src") or "").strip()
            label = alt or src.rsplit("/", 1)[-1] or "image"
            note = f"Image not preserved: {label}"
            md = f"*{escape(note)}*"
            if safe_href(src) and not src.lower().startswith("mailto:"):
                md = f"*{escape('Image not preserved:')} [{escape(label)}](<{src}>)*"
            buf.append((f" {note} ", f" {md} "))
        elif name == "a":
            inner = Converted()
            sub: list = []
            _walk(child, inner, hint, depth, sub)
            conv.removed.extend(inner.removed)
            text = "".join(t for t, _ in sub)
            md = "".join(m for _, m in sub)
            href = (child.get("href") or "").strip()
            if safe_href(href) and text.strip():
                buf.append((text, f"[{md.strip()}](<{href}>)"))
            else:
                if href and not href.lower().startswith(SAFE_SCHEMES + ("#", "/")):
                    conv.removed.append(f'link target "{href[:120]}" (not http, https or mailto)')
                buf.append((text, md))
        elif name in ("b", "strong", "i", "em"):
            sub = []
            _walk(child, conv, hint, depth, sub)
            text = "".join(t for t, _ in sub)
            md = "".join(m for _, m in sub)
            mark = "**" if name in ("b", "strong") else "*"
            core = md.strip()
            buf.append((text, f"{md[:len(md) - len(md.lstrip())]}{mark}{core}{mark}{md[len(md.rstrip()):]}"
                        if core else md))
        elif name in _BLOCK:
            _flush(conv, buf, hint, depth)
            if name in ("ul", "ol"):
                for li in child.find_all("li", recursive=False):
                    item: list = []
                    level = depth + (1 if hint in ("ul", "ol") else 0)
                    _walk(li, conv, name, level, item)
                    _flush(conv, item, name, level)
                # loose text between items is still kept
                rest = [c for c in child.children if not (isinstance(c, Tag) and c.name == "li")]
                for c in rest:
                    if isinstance(c, Tag):
                        loose: list = []
                        _walk(c, conv, "p", depth, loose)
                        _flush(conv, loose, "p", depth)
                    elif str(c).strip():
                        conv.blocks.append(("p", str(c).strip(), text_to_md(str(c).strip()), depth))
                continue
            sub_hint = {"blockquote": "quote", "pre": "pre", "li": hint, "hr": "p"}.get(name)
            if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                sub_hint = "h" + str(max(2, min(int(name[1]) + (1 if name == "h1" else 0), 4)))
            if sub_hint is None:
                sub_hint = "quote" if hint == "quote" else ("p" if hint not in ("ul", "ol") else hint)
            inner: list = []
            _walk(child, conv, sub_hint, depth, inner)
            _flush(conv, inner, sub_hint, depth)
        else:  # span, font, u, sup, code, abbr, unknown tags: keep the text
            _walk(child, conv, hint, depth, buf)
