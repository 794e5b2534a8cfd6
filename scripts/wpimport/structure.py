"""Body lines -> Markdown: paragraphs, headings, lists, quotes, dated updates, image notes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import find_dates, parse_date
from .inline import escape, escape_line_start, text_to_md
from .model import Fact, Line

_BULLET = re.compile(r"^\s*(?P<mark>[•·▪◦●○■□‣⁃–—*+-]|(?P<num>\d{1,3})[.)])\s+(?P<text>\S.*)$")
_UPDATE = re.compile(r"^(?P<label>(?:continued|update[sd]?|updated on|postscript|p\.?\s?s\.?|addendum|later|edit(?:ed)?|"
                     r"stop press|further update|latest)\b[^:!?–—]{0,40}?)\s*(?:(?:[:–—]|\s-)\s*(?P<rest>.*))?$", re.IGNORECASE)
_IMAGE = re.compile(
    r"\S+\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic)|(?:img|dsc|dscn|dcim|pic|photo|image)[_-]?\d+\S*|"
    r"(?:screen ?shot|screenshot)[ _-]\d{4}-\d\d-\d\d.{0,30}|_*[a-z0-9]+(?:_+[a-z0-9]+)+_*", re.IGNORECASE)
# A short line opening with a conjunction continues a thought ("And it continues in 2017 see here").
_CONJUNCTION = re.compile(r"^(and|but|or|so|yet|because|then|also|while|which|plus|nor)\b", re.I)
_QUOTE_MARKS = "\"'“”‘’«»"


@dataclass
class Block:
    kind: str  # paragraph, heading, update, list, quote, code, image-note
    md: str
    text: str
    lines: list[int] = field(default_factory=list)
    date: object = None


@dataclass
class Structured:
    markdown: str
    blocks: list[Block]
    facts: list[Fact]
    notes: list[str]


def _groups(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines; a line known from markup (HTML) is always a run of its own."""
    groups, cur = [], []
    for line in lines:
        if line.blank and line.md is None:
            if cur:
                groups.append(cur)
            cur = []
        elif line.hint is not None or line.md is not None:
            if cur:
                groups.append(cur)
            groups.append([line])
            cur = []
        else:
            cur.append(line)
    if cur:
        groups.append(cur)
    return groups


def is_image_remnant(s: str) -> bool:
    """A lone image file name left behind by copy-paste: 'IMG_0345', '__nhs_structure27_624', 'x.jpg'."""
    s = s.strip()
    if " " in s and not s.lower().startswith(("screen shot", "screenshot")):
        return False
    return bool(_IMAGE.fullmatch(s)) and "@" not in s and not s.lower().startswith(("http", "www."))


def update_heading(s: str) -> tuple[str, str | None] | None:
    """'Continued 18.12.15' / 'Update (5 May 2017): text' -> (heading as written, text after it)."""
    s = s.strip()
    m = _UPDATE.match(s)
    if not m or len(s) > 400:
        return None
    label, rest = m["label"].strip(), (m["rest"] or "").strip() or None
    if rest and parse_date(rest):
        label, rest = s, None  # 'Update: 3 April 2017' is all heading
    if rest is None and len(s) <= 60 and (find_dates(label) or len(label.split()) <= 2):
        return s, None
    if rest is not None and len(label) <= 40 and (find_dates(label) or label.lower().startswith(("update", "postscript", "p"))):
        return s[: len(s) - len(m["rest"])].strip(), rest
    return None


def _is_heading(text: str, nxt: list[Line] | None) -> bool:
    """A short line standing alone, followed by longer prose or a list: a section title."""
    s = " ".join(text.split())
    words = s.split()
    if not words or len(words) > 10 or len(s) > 80 or nxt is None:
        return False
    if s[-1] in ".,;:…" or s[0] in _QUOTE_MARKS or s[0] == "(" or not (s[0].isupper() or s[0].isdigit()):
        return False
    if s[-1] in "?!" and len(words) > 7:
        return False  # a long question is a paragraph ("What effectively is the function of CCGs now?")
    if _CONJUNCTION.match(s) or "http" in s or "www." in s or _BULLET.match(s):
        return False
    if _BULLET.match(nxt[0].text):
        return True  # "What you can do" above a list
    nxt_text = " ".join(l.text.strip() for l in nxt)
    if nxt_text.endswith(":") and len(nxt_text.split()) >= 3:
        return True  # "What the inspectors found" / "The inspectors found that:" / a list
    return len(nxt_text) > len(s) + 10 and len(nxt_text.split()) >= 6 and not _is_heading_like_next(nxt_text)


def _is_heading_like_next(text: str) -> bool:
    return len(text.split()) <= 10 and not text.rstrip().endswith((".", "?", "!", "”", '"', ":"))


def _md(line: Line) -> str:
    return line.md if line.md is not None else text_to_md(line.text.strip())


def structure(lines: list[Line]) -> Structured:
    groups = _groups(lines)
    blocks: list[Block] = []
    facts: list[Fact] = []
    notes: list[str] = []
    for gi, group in enumerate(groups):
        nxt = groups[gi + 1] if gi + 1 < len(groups) else None
        nos = [l.no for l in group]
        first = group[0]
        text = " ".join(l.text.strip() for l in group)
        if first.hint in ("h2", "h3", "h4"):
            blocks.append(Block("heading", f"{'#' * int(first.hint[1])} {_md(first)}", text, nos))
            continue
        if first.hint in ("ul", "ol"):
            marker = "-" if first.hint == "ul" else "1."
            blocks.append(Block("list", f"{'    ' * first.depth}{marker} {_md(first)}", text, nos))
            continue
        if first.hint == "quote":
            blocks.append(Block("quote", "\n".join("> " + l for l in _md(first).split("\n")), text, nos))
            continue
        if first.hint == "pre":
            longest = max((len(run) for run in re.findall(r"~+", first.text)), default=0)
            fence = "~" * max(3, longest + 1)  # longer than any run of ~ inside, so the text cannot close it
            blocks.append(Block("code", f"{fence}\n{first.text}\n{fence}", text, nos))
            continue
        if len(group) == 1 and first.md is None:
            s = first.text.strip()
            upd = update_heading(s)
            if upd:
                label, rest = upd
                dates = find_dates(label)
                blocks.append(Block("update", f"## {text_to_md(label)}", label, nos, dates[0].when if dates else None))
                if dates:
                    facts.append(Fact("updated", dates[0].when, f"dated update '{label}' (line {first.no})", first.no, 1))
                if rest:
                    blocks.append(Block("paragraph", escape_line_start(text_to_md(rest)), rest, nos))
                continue
            if is_image_remnant(s):
                blocks.append(Block("image-note", f"*Image not preserved: {escape(s)}*\n{{: .image-note }}", s, nos))
                notes.append(f"line {first.no}: image file name '{s}' turned into a visible note")
                continue
            if _is_heading(s, nxt if nxt and nxt[0].hint is None else None):
                blocks.append(Block("heading", f"## {text_to_md(s)}", s, nos))
                continue
        # Lists, quotes and paragraphs, line by line within the run.
        para: list[Line] = []

        def flush_para() -> None:
            if para:
                md = "  \n".join(escape_line_start(_md(l)) for l in para)
                blocks.append(Block("paragraph", md, " ".join(l.text.strip() for l in para), [l.no for l in para]))
                para.clear()

        for line in group:
            m = _BULLET.match(line.text) if line.md is None else None
            raw = line.text
            if m:
                flush_para()
                depth = 1 if len(raw) - len(raw.lstrip()) >= 6 else 0
                marker = f"{m['num']}." if m["num"] else "-"
                blocks.append(Block("list", f"{'    ' * depth}{marker} {text_to_md(m['text'].strip())}", m["text"].strip(), [line.no]))
            elif line.md is None and (raw.lstrip().startswith(">") or raw.startswith(("    ", "\t"))):
                flush_para()
                inner = raw.lstrip()[1:].strip() if raw.lstrip().startswith(">") else raw.strip()
                blocks.append(Block("quote", "> " + escape_line_start(text_to_md(inner)), inner, [line.no]))
            else:
                para.append(line)
        flush_para()
    return Structured(_join(blocks), blocks, facts, notes)


def _join(blocks: list[Block]) -> str:
    """Blocks -> Markdown text; consecutive list items and quote lines stay one list / one quote."""
    out: list[str] = []
    prev = None
    for b in blocks:
        if prev is not None:
            same = (b.kind == prev.kind == "list" and b.md.lstrip()[0].isdigit() == prev.md.lstrip()[0].isdigit()) or \
                   (b.kind == prev.kind == "quote")
            out.append("\n" if same and b.kind == "list" else ("\n>\n" if same else "\n\n"))
        out.append(b.md)
        prev = b
    return "".join(out).strip() + "\n"
