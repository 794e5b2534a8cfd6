"""One pass over a document's text with one Aho–Corasick automaton of every name and alias.

The same automaton holds the naming patterns' anchor words ('CCG', 'NHS Trust', 'chief executive'…), so
the pass that finds listed names also says where an unlisted one may be (see patterns.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from . import patterns
from .gazetteer import Gazetteer

_SENTENCE_END = re.compile(r"(?:^|[.!?:]['\"’”)\]]*|\n)\s*['\"‘“(\[]*$")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entity: str  # id, or the canonical name of a pattern-found entity ('pattern:ORG:West Hampshire CCG')
    ambiguous: bool = False


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


_WORDCHAR = re.compile(r"\w").match  # the same test, without a Python call per character

class Matcher:
    def __init__(self, gazetteer: Gazetteer, use_patterns: bool = True):
        self.gazetteer = gazetteer
        self.use_patterns = use_patterns
        # key -> (entity id or None, ambiguous, anchor word or None, length): a name can be both.
        words: dict[str, list] = {}
        for e in gazetteer:
            for name in e.names:
                words[name] = [e.id, name in e.ambiguous, None, len(name)]
        if use_patterns:
            for word in patterns.ANCHORS:
                words.setdefault(word, [None, False, None, len(word)])[2] = word
        self.automaton = ahocorasick.Automaton()
        for key, value in words.items():
            self.automaton.add_word(key, tuple(value))
        if len(self.automaton):
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Whole-word, case-sensitive, leftmost-longest mentions; ambiguous names only with support."""
        # Candidates as (start, -length, ambiguous, end, entity) tuples: sorting them gives leftmost-longest.
        cands, found = [], []
        n_text = len(text)
        if len(self.automaton):
            for end, (eid, amb, anchor, n) in self.automaton.iter(text):
                start = end - n + 1
                if (start and _WORDCHAR(text[start - 1])) or (end + 1 < n_text and _WORDCHAR(text[end + 1])):
                    continue
                if eid is not None:
                    cands.append((start, -n, amb, end + 1, eid))
                if anchor is not None:
                    f = patterns.at_anchor(text, anchor, start, end + 1)
                    if f is not None:
                        found.append(f)
        for f in patterns.resolve(list(dict.fromkeys(found)), text):
            known = self.gazetteer.find(f.name)
            cands.append((f.start, f.start - f.end, False, f.end, known.id if known else f"pattern:{f.type}:{f.name}"))
        cands.sort()
        chosen, last = [], -1
        for c in cands:
            if c[0] >= last:
                chosen.append(c)
                last = c[3]
        supported = {c[4] for c in chosen if not c[2]}
        return [Hit(c[0], c[3], c[4], c[2]) for c in chosen
                if not c[2] or c[4] in supported or not _SENTENCE_END.search(text, max(0, c[0] - 40), c[0])]
