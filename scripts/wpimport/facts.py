"""Metadata written in a post's own text: bylines, 'posted in / tagged' footers, author bios, sources."""
from __future__ import annotations

import re

from .dates import parse_date
from .rules import fold

_NAME = r"(?:(?:dr|prof|sir|dame|mr|mrs|ms|miss|cllr|rev|lord|lady|baroness)\.? )?[A-Z][\w'’.-]*(?: (?:de |van |von |le |la )?[A-Z][\w'’.-]*){0,4}"
_DATE = r"(?:[^|]*?\b(?:19|20)\d\d(?: at [\d:.]+ ?(?:[ap]\.?m\.?)?)?|[\d./-]{6,10})"

# Each pattern: named groups among cats, tags, date, author. Tried in order; the first whose
# groups all validate wins. Case-insensitive, except names, which are checked by _name().
_FOOTERS = [
    r"(?:categories|category|categorized as|categorised as|filed under|posted in):? (?P<cats>[^|]+?)\.?\s+(?:tags|tagged):? (?P<tags>[^|]+?)\.?",
    r"(?:categorized|categorised) as:? (?P<cats>.+?)\.?",
    rf"this entry was posted(?: in (?P<cats>.+?))?(?: and tagged (?P<tags>.+?))?(?: on ?(?P<date>{_DATE})?)?(?: by ?(?P<author>[^.]*?))?\s*\.?(?:\s*bookmark the permalink\.?)?",
    rf"this entry was posted on (?P<date>{_DATE}),? (?:and is )?filed under (?P<cats>.+?)(?:\.? (?:and )?tagged(?: with)?:? (?P<tags>.+?))?\.(?: .*)?",
    r"posted in (?P<cats>[^|]+?)(?:\s*\|\s*tagged:? (?P<tags>[^|]+?))?(?:\s*\|\s*(?:\d+|no|one) (?:comments?|responses?|replies)|\s*\|\s*leave a (?:comment|reply)|\s*\|\s*comments off(?: on .*)?|\s*\|\s*edit)*\s*\.?(?:\s*bookmark the permalink\.?)?",
    rf"posted in (?P<cats>.+?) (?:on (?P<date>{_DATE}))?(?: by (?P<author>.+?))?\.?",
    r"(?:categories|category|filed under|posted under|posted in categories):? (?P<cats>[^|]+?)(?:\s*\|\s*(?:tags|tagged):? (?P<tags>[^|]+?))?\s*\.?",
    r"(?:tags|tagged|tagged with|tagged as|topics):? (?P<tags>.+?)\.?",
    rf"(?:posted|published|written|last updated)(?: on)?:? (?P<date>{_DATE})(?: by (?P<author>.+?))?(?:\s*[|·•]\s*(?:\d+ min(?:ute)?s? read|leave a comment|\d+ comments?))*",
    rf"(?:posted |written |published )?by:? (?P<author>.+?)(?:,? (?:on )?(?P<date>{_DATE}))?(?: in (?P<cats>.+?))?(?:\s*[|·•]\s*(?:\d+ min(?:ute)?s? read|leave a comment|\d+ comments?))*",
    rf"(?P<date>{_DATE})(?:,? by (?P<author>.+?))?(?:\s*[|·•]\s*(?:\d+ min(?:ute)?s? read|leave a comment|\d+ comments?))*",
    r"(?:author|written by|posted by):? (?P<author>.+?)",
    r"view all posts by (?P<author>.+?)\s*(?:→|»)?",
    r"view all of (?P<author>.+?)[’']s? posts\.?\s*(?:→|»)?",
    r"(?:published|posted|written) by:? (?P<author>.+?)",
]
_FOOTER_RX = [re.compile(p, re.IGNORECASE) for p in _FOOTERS]
_BIO = re.compile(r"about (?:the author:? )?(?P<author>" + _NAME + r")(?:\s*[-–—,:|]\s*(?P<desc>.{1,80}))?", re.IGNORECASE)
_SOURCE_INLINE = re.compile(r"(?:source|sources|via|originally published (?:by|in|on)|first published (?:by|in|on)|from):\s*(?P<src>.+)", re.IGNORECASE)
SOURCE_LABEL = re.compile(r"(?:source|sources|via)\s*:?", re.IGNORECASE)


def _items(value: str | None) -> list[str] | None:
    """Split a footer list; None if it does not look like a list of short names."""
    if value is None:
        return []
    parts = [p.strip(" .") for p in re.split(r"\s*[,·•]\s*|\s*\|\s*", value) if p.strip(" .")]
    if not parts or any(len(p) > 60 or len(p.split()) > 7 for p in parts):
        return None
    return parts


def _name(value: str | None) -> str | None | bool:
    """A person's name, '' for an empty byline ('by .'), False if it is not a name."""
    if value is None:
        return None
    value = value.strip(" .,;:|–—-")
    if not value:
        return ""
    if not re.fullmatch(_NAME, value) or len(value) > 60:
        # Lower-case handles like 'admin' or 'janedoe' are still bylines, just not usable names.
        if re.fullmatch(r"[\w.'’-]{2,30}", value):
            return value
        return False
    return value


_SURE = re.compile(r"this entry was posted|view all (?:posts by|of)|categori[sz]ed as|(?:published|posted|written) by|"
                   r"(?:categories|category|filed under|tags|tagged|topics|author"
                   r"|posted in categories|posted under):|.*\||.*bookmark the permalink", re.IGNORECASE)


def unmistakable(line: str) -> bool:
    """A footer shape no author writes as prose (a label with a colon, pipes, WordPress's sentence)."""
    return bool(_SURE.match(fold(line)))


_PART_SEP = re.compile(r"\s+[·|/•—–]\s+")
_IGNORABLE_PART = re.compile(r"\d+ min(?:ute)?s? read|leave a (?:comment|reply)|\d+ (?:comments?|responses?|replies)|"
                             r"no comments|edit|(?:updated|last updated)(?: on)? .+", re.IGNORECASE)


def parse_byline(line: str) -> list[tuple[str, object, str]] | None:
    """A byline made of parts joined by '·', '/', '|' or a dash: 'By Sarah Okafor / 8 January 2018',
    'Helen Marsh in CQC, Hospitals · 9 Mar 2018'. Every part must be understood, or it is not a byline."""
    parts = _PART_SEP.split(fold(line))
    if len(parts) < 2 or len(parts) > 5:
        return None
    facts: list[tuple[str, object, str]] = []
    for part in parts:
        date = parse_date(part)
        m = re.fullmatch(r"(?:(?:posted|written|published) )?by:? (.+)", part, re.IGNORECASE)
        inside = re.fullmatch(r"(?:(.+?) )?in (.+)", part, re.IGNORECASE)
        if date:
            facts.append(("date", date.when, date.text))
        elif m and _name(m.group(1)):
            facts.append(("author", _name(m.group(1)), m.group(1)))
        elif inside and (inside.group(1) is None or _name(inside.group(1))) and _items(inside.group(2)):
            if inside.group(1):
                facts.append(("author", _name(inside.group(1)), inside.group(1)))
            facts.append(("categories", _items(inside.group(2)), inside.group(2)))
        elif _IGNORABLE_PART.fullmatch(part):
            continue
        elif _name(part) and re.fullmatch(_NAME, part):
            facts.append(("author", part, part))
        else:
            return None
    return facts if any(f == "date" for f, _, _ in facts) else None


def parse_footer(line: str) -> list[tuple[str, object, str]] | None:
    """Facts in a byline or footer line as (field, value, text it came from); None if not one."""
    s = fold(line)
    if len(s) > 400:
        return None
    parts = parse_byline(s)
    if parts:
        return parts
    for rx in _FOOTER_RX:
        m = rx.fullmatch(s)
        if not m:
            continue
        g = m.groupdict()
        cats, tags = _items(g.get("cats")), _items(g.get("tags"))
        author = _name(g.get("author"))
        date_text = (g.get("date") or "").strip(" ,")
        date = parse_date(date_text) if date_text else None
        if cats is None or tags is None or author is False or (date_text and not date):
            continue
        facts: list[tuple[str, object, str]] = []
        if cats:
            facts.append(("categories", cats, g["cats"]))
        if tags:
            facts.append(("tags", tags, g["tags"]))
        if date:
            facts.append(("date", date.when, date.text))
        if author:
            facts.append(("author", author, author))
        if not facts and not re.search(r" on\s*by\s*\.?$|posted in|tagged|categor", s, re.IGNORECASE):
            continue
        return facts
    return None


FOOTER_LABEL = re.compile(r"(?:categories|category|tags|tagged|tagged with|posted in|filed under|topics|author|"
                          r"posted on|published|post date|date)\s*:?", re.IGNORECASE)


def parse_label_pair(label: str, value: str) -> list[tuple[str, object, str]] | None:
    """'Categories' on one line and 'STP, Campaigns' on the next (a theme's labels without a colon)."""
    if not FOOTER_LABEL.fullmatch(fold(label)):
        return None
    word = fold(label).rstrip(":").lower()
    word = {"post date": "posted on", "date": "posted on", "published": "posted on"}.get(word, word)
    return parse_footer(f"{word}: {fold(value)}" if word != "posted on" else f"posted on {fold(value)}")


def looks_like_name(line: str) -> bool:
    """A line that is only a person's name ('Anne Whitlock'), as bylines print it."""
    s = fold(line)
    return bool(re.fullmatch(_NAME, s)) and 2 <= len(s.split()) <= 4 and not parse_date(s)


def parse_bio(line: str) -> tuple[str, str | None] | None:
    m = _BIO.fullmatch(fold(line))
    if not m or not m["author"][0].isupper():
        return None
    return m["author"], m["desc"]


def parse_source_inline(line: str) -> str | None:
    m = _SOURCE_INLINE.fullmatch(fold(line))
    if m and len(m["src"]) <= 200:
        return m["src"].strip()
    return None
