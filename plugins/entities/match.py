"""One pass over a document's text with one Aho–Corasick automaton of every name and alias."""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from . import patterns
from .gazetteer import Entity, Gazetteer

_SENTENCE_END = re.compile(r"(?:^|[.!?:]['\"’”)\]]*|\n)\s*['\"‘“(\[]*$")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entity: str  # id, or the canonical name of a pattern-found entity ('pattern:West Hampshire CCG')
    ambiguous: bool = False


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


class Matcher:
    def __init__(self, gazetteer: Gazetteer, use_patterns: bool = True):
        self.gazetteer = gazetteer
        self.use_patterns = use_patterns
        self.automaton = ahocorasick.Automaton()
        for e in gazetteer:
            for name in e.names:
                self.automaton.add_word(name, (e.id, name in e.ambiguous, len(name)))
        if len(self.automaton):
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Whole-word, case-sensitive, leftmost-longest mentions; ambiguous names only with support."""
        hits = []
        if len(self.automaton):
            for end, (eid, amb, n) in self.automaton.iter(text):
                start = end - n + 1
                if (start and _word(text[start - 1])) or (end + 1 < len(text) and _word(text[end + 1])):
                    continue
                hits.append(Hit(start, end + 1, eid, amb))
        if self.use_patterns:
            for f in patterns.find(text):
                known = self.gazetteer.find(f.name)
                hits.append(Hit(f.start, f.end, known.id if known else f"pattern:{f.type}:{f.name}"))
        chosen, last = [], -1
        for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), h.ambiguous)):
            if h.start >= last:
                chosen.append(h)
                last = h.end
        supported = {h.entity for h in chosen if not h.ambiguous}
        return [h for h in chosen if not h.ambiguous or h.entity in supported or not _SENTENCE_END.search(text[max(0, h.start - 40):h.start])]
