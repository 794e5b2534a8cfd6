"""Names the gazetteer lacks but the NHS's own naming patterns give away.

'<Place> CCG', '<Place> Clinical Commissioning Group', '<Name> NHS (Foundation) Trust', '<Name> Hospital(s)',
'<Place> Integrated Care Board', and people introduced by role or title ('chief executive Katrina Percy',
'Dr Jane Doe'). A handful of fixed patterns run once over the text: never one expression per entity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_W = r"[A-Z][\w'’&-]*"  # a capitalised word (no '.': a name never runs across a sentence end)
_LINK = r"(?:and|of|on|upon|the|in|for|&)"
_NAME = rf"{_W}(?: (?:{_W}|{_LINK}(?= [A-Z]))){{0,7}}"
_PERSON = r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}"

PATTERNS = [
    ("ORG", "ccg", re.compile(rf"\b(?:NHS )?(?P<name>{_NAME}) (?:CCG|Clinical Commissioning Group)(?!s)\b")),
    ("ORG", "icb", re.compile(rf"\b(?:NHS )?(?P<name>{_NAME}) (?:Integrated Care Board|ICB)(?!s)\b")),
    ("ORG", "trust", re.compile(rf"\b(?P<name>{_NAME}) NHS (?:Foundation )?Trust\b")),
    ("ORG", "hospital", re.compile(rf"\b(?P<name>{_NAME}) (?:Hospitals?|Infirmary)\b")),
    ("PERSON", "role", re.compile(
        r"\b(?i:chief executive|chief exec|chief officer|chair(?:man|woman)?|medical director|chief nurse|"
        r"director|health secretary|secretary of state|health minister|minister|councillor|Cllr\.?|MP|"
        r"dr\.?|sir|dame|professor|prof\.?|mr|mrs|ms)\s+(?P<name>" + _PERSON + r")\b")),
]
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


def find(text: str) -> list[Found]:
    people: list[Found] = []
    orgs: list[Found] = []
    for type_, kind, rx in PATTERNS:
        for m in rx.finditer(text):
            name = _trim(m["name"])
            if not name or all(w in _GENERIC or w.lower() in ("and", "of", "the", "&") for w in name.split()):
                continue
            if kind == "role":
                if not set(name.split()) & _NOT_PEOPLE:
                    people.append(Found(m.end("name") - len(name), m.end("name"), name, type_, kind))
                continue
            start = m.start() + m.group(0).find(name)
            canonical = {"ccg": f"{name} CCG", "icb": f"{name} Integrated Care Board"}.get(kind, text[start:m.end()])
            orgs.append(Found(m.start() if m.group(0).startswith("NHS ") else start, m.end(), canonical, type_, kind))
    return people + [_after_people(o, people, text) for o in orgs]


def _after_people(org: Found, people: list[Found], text: str) -> Found:
    """'Katrina Percy of Southern Health NHS Foundation Trust': the trust's name starts after the person."""
    for p in people:
        if org.start < p.end <= org.end:
            rest = re.match(r"\s+(?:of|at|from)\s+", text[p.end:org.end])
            if rest:
                start = p.end + rest.end()
                cut = start - org.start
                name = org.name[cut:] if org.kind in ("trust", "hospital") else org.name
                return Found(start, org.end, name, org.type, org.kind)
    return org
