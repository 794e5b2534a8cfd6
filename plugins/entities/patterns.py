"""Names the gazetteer lacks but the NHS's own naming patterns give away.

'<Place> CCG', '<Place> Clinical Commissioning Group', '<Name> NHS (Foundation) Trust', '<Name> Hospital(s)',
'<Place> Integrated Care Board', and people introduced by role or title ('chief executive Katrina Percy',
'Dr Jane Doe').

Speed: the matcher's one Aho–Corasick pass also finds the *anchor* words ('CCG', 'Hospital', 'chief
executive', 'Dr'…); a small anchored expression then reads the name just before or after each anchor.
No expression ever scans a whole post, and there is never one expression per entity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PERSON = r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}"
_BEFORE = 200  # characters before an anchor in which an organisation's name is read (8 words at most)

# Anchor word -> (type, kind). Organisation anchors follow the name; role anchors precede it.
_ORG_ANCHORS = {
    "CCG": "ccg", "Clinical Commissioning Group": "ccg",
    "Integrated Care Board": "icb", "ICB": "icb",
    "NHS Trust": "trust", "NHS Foundation Trust": "trust",
    "Hospital": "hospital", "Hospitals": "hospital", "Infirmary": "hospital",
}
_ROLES = ["chief executive", "chief exec", "chief officer", "chair", "chairman", "chairwoman", "medical director",
          "chief nurse", "director", "health secretary", "secretary of state", "health minister", "minister",
          "councillor", "cllr", "cllr.", "mp", "dr", "dr.", "sir", "dame", "professor", "prof", "prof.", "mr", "mrs", "ms"]


def _case_variants(phrase: str) -> set[str]:
    return {phrase, phrase.capitalize(), phrase.title(), phrase.upper(), phrase.title().replace(" Of ", " of ")}


ANCHORS: dict[str, tuple[str, str]] = {w: ("ORG", k) for w, k in _ORG_ANCHORS.items()}
for _role in _ROLES:
    for _v in _case_variants(_role):
        if _v.lower() not in ("mp",) or _v == "MP":  # 'mp' in lower case is not a title
            ANCHORS.setdefault(_v, ("PERSON", "role"))

_WORD = re.compile(r"[A-Z][\w'’&-]*\Z")  # a capitalised word, at the end of a space-separated token
_LINKS = {"and", "of", "on", "upon", "the", "in", "for", "&"}
_MAX_WORDS = 8
_PERSON_NAME = re.compile(rf"\s+(?P<name>{_PERSON})\b")

# Words that make a capitalised run a sentence opener rather than a name ('The Trust', 'Our CCG').
_OPENERS = {"The", "A", "An", "Our", "Their", "This", "That", "Its", "Your", "My", "His", "Her", "Every", "Each",
            "Local", "New", "Both", "Some", "All", "Many", "Most", "Other", "Any", "No", "In", "At", "By", "For"}
_GENERIC = {"NHS", "The", "Trust", "Hospital", "Hospitals", "CCG", "Royal", "General", "District", "Community",
            "University", "Teaching", "Foundation", "County", "City", "Our"}
_NOT_PEOPLE = {"Health", "Social", "Care", "Act", "Trust", "NHS", "Service", "Services", "Board", "Council",
               "Committee", "England", "Hospital", "Report", "Review", "Group", "Foundation", "Street", "Road"}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    name: str  # the canonical form: 'West Hampshire CCG', 'Southern Health NHS Foundation Trust'
    type: str
    kind: str  # which pattern


def _trim(name: str) -> str:
    words = name.split()
    while words and words[0] in _OPENERS:
        words.pop(0)
    return " ".join(words)


def _generic(name: str) -> bool:
    return all(w in _GENERIC or w.lower() in ("and", "of", "the", "&") for w in name.split())


def at_anchor(text: str, word: str, start: int, end: int) -> Found | None:
    """The name an anchor word at text[start:end] introduces or ends, if there is one."""
    type_, kind = ANCHORS[word]
    if kind == "role":
        m = _PERSON_NAME.match(text, end)
        if not m:
            return None
        name = _trim(m["name"])
        if not name or _generic(name) or set(name.split()) & _NOT_PEOPLE:
            return None
        return Found(m.end("name") - len(name), m.end("name"), name, type_, kind)
    if start < 2 or text[start - 1] != " ":
        return None
    words, nhs = _words_before(text, start - 1)
    name = _trim(" ".join(words))
    if not name or _generic(name):
        return None
    name_start = start - 1 - len(name)
    canonical = {"ccg": f"{name} CCG", "icb": f"{name} Integrated Care Board"}.get(kind, text[name_start:end])
    return Found(name_start - 4 if nhs else name_start, end, canonical, type_, kind)


def _words_before(text: str, stop: int) -> tuple[list[str], bool]:
    """The name ending at text[stop] (a space): up to 8 capitalised words, read right to left, joined by
    'of', 'and', 'the'… only where a capitalised word follows. A leading 'NHS ' is a prefix, not the name
    ('NHS Shropshire CCG' is Shropshire CCG). Names never run across a sentence end or a line."""
    tokens = text[max(0, stop - _BEFORE):stop].split(" ")
    words: list[str] = []
    for token in reversed(tokens):
        if len(words) == _MAX_WORDS:
            break
        if token in _LINKS and words and words[-1] not in _LINKS:
            words.append(token)
            continue
        m = _WORD.search(token)
        if not m or (m.start() and _wordchar(token[m.start() - 1])):
            break
        words.append(m.group())
        if m.start():  # '(West' or '“West' or 'end.\nWest': the name starts inside the token
            break
    while words and words[-1] in _LINKS:
        words.pop()
    words.reverse()
    if len(words) > 1 and words[0] == "NHS":
        return words[1:], True
    return words, False


def _wordchar(c: str) -> bool:
    return c.isalnum() or c == "_"


def resolve(found: list[Found], text: str) -> list[Found]:
    """'Katrina Percy of Southern Health NHS Foundation Trust': the trust's name starts after the person."""
    people = [f for f in found if f.kind == "role"]
    return people + [_after_people(f, people, text) for f in found if f.kind != "role"]


def _after_people(org: Found, people: list[Found], text: str) -> Found:
    for p in people:
        if org.start < p.end <= org.end:
            rest = re.match(r"\s+(?:of|at|from)\s+", text[p.end:org.end])
            if rest:
                start = p.end + rest.end()
                cut = start - org.start
                name = org.name[cut:] if org.kind in ("trust", "hospital") else org.name
                return Found(start, org.end, name, org.type, org.kind)
    return org
