"""One pass over a document's text with one Aho–Corasick automaton of every name and alias.

The same automaton holds the naming patterns' anchor words ('CCG', 'NHS Trust', 'chief executive'…), so
the pass that finds listed names also says where an unlisted one may be (see patterns.py).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

import ahocorasick_rs

from . import patterns
from .gazetteer import Gazetteer

_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w.]*) \Z")
_CAPITAL_AFTER = re.compile(r" ([A-Z][a-z][\w'’-]*)").match
_CAPITAL_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z][\w'’-]*) \Z")


class Hit(NamedTuple):
    start: int
    end: int
    entity: str  # id, or the canonical name of a pattern-found entity ('pattern:ORG:West Hampshire CCG')
    ambiguous: bool = False
    weak: bool = False  # an ambiguous name at a sentence start, counted only because the post names it elsewhere


_WORDCHAR = re.compile(r"\w").match  # _WORDCHAR(text, i): is text[i] a word character, without slicing
# After a name, what an ordinary word at a sentence start is never followed by: a possessive ('Unison’s'), a
# comma ('Unison, which represents…'), a verb in the past ('Monitor authorised', 'Circle said', 'Mind has
# said'; but not 'Reform is needed'), or one that says what a body says or wants ('Unison says', 'Unison is
# also concerned'). ('… and Unite', another body, is looked at in find.)
_PROPER_AFTER = re.compile(r"['’]s\b|,| (?:said|says|told|wrote|warned|took|gave|became|[a-z]+ed)\b"
                           r"| (?:has|have|had|also) (?:said|told|written|warned|called|argued|published"
                           r"|been [a-z]+ing|[a-z]+ed)\b"
                           r"| (?:calls|wants|urges|argues|believes|claims|insists|welcomes|agrees|represents)\b"
                           r"| (?:is|are|was|were) (?:also |now |still )?(?:calling|concerned|demanding|warning|"
                           r"campaigning|balloting|urging|asking|pressing|fighting|opposed)\b").match


def _whole_words(text: str, word: str):
    """Where `word` stands in the text as a whole word (str.find, in C; no expression per name)."""
    at = text.find(word)
    while at >= 0:
        stop = at + len(word)
        if (not at or not _WORDCHAR(text, at - 1)) and (stop >= len(text) or not _WORDCHAR(text, stop)):
            yield at
        at = text.find(word, stop)


def _named_again(text: str, start: int, end: int) -> bool:
    """'Grace Otieno was dismissed…' opens a sentence, where 'Grace' might be a word; but a post that goes on
    to say 'Otieno', or 'Grace' in mid-sentence, is talking about a person."""
    words = text[start:end].split()
    return any(not start <= at < end for at in _whole_words(text, words[-1])) or \
        any(not start <= at < end and not patterns.sentence_start(text, at) for at in _whole_words(text, words[0]))


class _Named(NamedTuple):  # a name made here rather than by a pattern, for Matcher.key
    name: str
    type: str = "ORG"


def _name_before(text: str, start: int) -> str | None:
    """The capitalised word just before text[start], unless it only opens a sentence: a name running on."""
    before = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
    return before.group(1) if before and not patterns.sentence_start(text, before.start(1)) else None


def _standing_alone(text: str, start: int, end: int) -> bool:
    """A word with no other capitalised word before it (but at a sentence start) or after it: 'at Pinderfields
    in Wakefield', not 'the Norman Conquest', 'Mr Freeman' or 'Pinderfields Road'."""
    return not _name_before(text, start) and not _CAPITAL_AFTER(text, end)


def _ending(name: str, endings: tuple) -> str | None:
    """The first of `endings` (longest first) that `name` ends with."""
    return next((x for x in endings if name.endswith(x)), None)


def _outermost(found: list) -> list:
    """Drop a pattern name inside a longer one ('Severn Vale Hospitals' in 'Severn Vale Hospitals NHS Trust'),
    so that only the longer lends its short form to the rest of the post."""
    return [f for f in found if not any(g is not f and g.start <= f.start and f.end <= g.end and
                                        g.end - g.start > f.end - f.start for g in found)]


_COMPANY_ENDINGS = (" Ltd", " Limited", " plc", " PLC", " LLP")
_ACT_OF_YEAR = re.compile(r"(.+) Act \d{4}")
_CAPITALS = re.compile(r"(?<![\w'’-])[A-Z]{3,8}(?![\w'’-])")  # 'BRI', 'OUH': perhaps a body named in full
_INITIAL_WORDS = re.compile(r"(?<![\w'’])[A-Z]")  # the capital opening each word ('of', 'and' have none)
_TRUST_ENDINGS = (" NHS Foundation Trust", " NHS Trust", " Foundation Trust")
_NOT_ABBREVIATED = ("surname:", "pattern:PERSON:", "pattern:PLACE:")
_NOT_SHORT_NAMES = {"Princess Royal"}  # a person too
_NOT_SHORT_OPENERS = {"St", "St.", "Saint", "Queen", "King", "Prince", "Princess", "Lord", "Lady", "Sir", "Dame",
                      "Duchess", "Duke", "Countess", "Mount", "Holy", "Christ"}
# A listed person's surname alone, in a post that never names them in full, is taken to be them after a title
# ('Lord Ribeiro') or where a person's words follow ('Dilnot proposed', 'Lansley’s plans', 'to Lansley asking');
# not as a place ('in Milton', 'from Berwick to…', '— Terry Hembrow, Milton') or an eponym ('the Dilnot cap').
_PERSON_NEXT = re.compile(r"['’]s\b| [a-z]").match
# 'Dr Kirby', 'Cllr Smith': a local doctor or councillor the post calls so, not a listed MP of that surname.
_LOCAL_TITLE = re.compile(r"(?<![\w'’-])(?:Dr\.?|Prof\.?|Professor|Cllr\.?|Councillor) \Z")
_NOT_PERSON_BEFORE = re.compile(r"(?<![\w'’-])(?:[Tt]he|in|at|near|outside|around|across|towards|into|through"
                                r"|from) \Z")
_TOWN_ON = re.compile(r"([A-Z][a-z]+)[- ](?:on|upon|in|le|by|under|super|next)[- ]")  # 'Stoke' of Stoke-on-Trent
_PARTY_ADJECTIVES = {"Green": "Green Party", "Reform": "Reform UK"}  # where the gazetteer's names are no help
_PARTY_ROLE = re.compile(r" (?:MPs?|MEPs?|[Cc]ouncill?ors?|[Cc]andidates?|[Pp]eers?|[Ll]eaders?|co-leaders?|"
                         r"[Mm]embers?|group|voters?|vote|councils?|administration|government|manifesto)\b").match
_PAPER_DAYS = {"Evening", "Daily", "Weekly", "Sunday", "Free"}
_LISTED_SUFFIXES = (" University Hospital", " University Hospitals", " Hospital", " Hospitals", " NHS Trust",
                    " NHS Foundation Trust")  # longest first: 'James Cook' of James Cook University Hospital


def _hospital_short_names(gazetteer: Gazetteer) -> dict[str, str]:
    """'Leicester General', 'Royal Oldham', 'King’s Mill', 'Pinderfields', 'the Conquest': a listed hospital
    without its last word, as people call it, where that short form belongs to one hospital only and is not
    a name of its own (a town, a person's given name or title, a generic word). Two words or more: with
    'General', 'Central' or 'Royal' at an end, or not opening with a given name ('John Radcliffe' may be
    the man). One word: the matcher counts it only standing alone, outside a longer name."""
    shorts = defaultdict(set)
    for e in gazetteer:
        if e.type != "ORG" or e.generic or not e.name.endswith(" Hospital"):
            continue
        short = e.name[:-len(" Hospital")]
        words = short.split()
        if len(words) >= 2 and (words[-1] in ("General", "Central") or "Royal" in (words[0], words[-1])):
            shorts[short].add(e.id)
        elif 1 <= len(words) <= 2 and words[0] not in patterns.first_names() and words[0] not in _NOT_SHORT_OPENERS \
                and words[0] not in patterns.COMPASS_BEFORE and len(short) > 3 \
                and not any(patterns.generic_word(w) or w in gazetteer.by_name for w in words):
            shorts[short].add(e.id)
            shorts[short.replace("'", "’")].add(e.id)  # as pasted text spells "King's Mill"
    return {short: next(iter(ids)) for short, ids in shorts.items()
            if len(ids) == 1 and short not in gazetteer.by_name and short not in _NOT_SHORT_NAMES}


class Matcher:
    def __init__(self, gazetteer: Gazetteer, use_patterns: bool = True):
        self.gazetteer = gazetteer
        self.use_patterns = use_patterns
        # key -> (entity id or None, ambiguous, anchor or None, length, not a place): a name can be both.
        words: dict[str, list] = {}
        # 'the Environment Bill' is the Environment Act 2021, where one listed Act has that name (the Mental
        # Health Acts of 1983 and 2007 share theirs: which one a Bill became is for the gazetteer to say).
        acts: dict[str, str | None] = {}
        for e in gazetteer:
            if e.generic:  # a kind of body is not a named entity: 'CCGs' stays untagged
                continue
            for name in e.names:
                words[name] = [e.id, name in e.ambiguous, None, len(name), e.type != "PLACE"]
            for name in e.names:  # "King's Cross" as pasted text spells it, "King’s Cross", where no name is so
                curly = name.replace("'", "’")
                if curly != name and curly not in gazetteer.by_name:
                    words.setdefault(curly, [e.id, name in e.ambiguous, None, len(name), e.type != "PLACE"])
                act = _ACT_OF_YEAR.fullmatch(name) if e.type == "LAW" else None
                if act:
                    acts[act[1]] = e.id if acts.get(act[1], e.id) == e.id else None
        for base, eid in acts.items():
            if eid is not None and base + " Bill" not in gazetteer.by_name:
                words.setdefault(base + " Bill", [eid, False, None, len(base) + 5, True])
        self.lone_shorts = set()  # one-word short names of hospitals: only where they stand alone
        for short, eid in _hospital_short_names(gazetteer).items():
            if short not in words:
                words[short] = [eid, " " not in short, None, len(short), True]
                if " " not in short:
                    self.lone_shorts.add(short)
        # Surname -> the one listed person of that surname (None where several share it), for 'Lansley said'.
        self.surnames: dict[str, str | None] = {}
        if use_patterns:
            table = patterns.anchors()
            for word, anchor in table.items():
                words.setdefault(word, [None, False, None, len(word), False])[2] = anchor
            # A listed street or landmark ends in an anchor word, which the longest match would otherwise hide:
            # 'Horton Grange Road' is a street of its own, not Horton and the listed Grange Road.
            for key, value in words.items():
                last = key.rsplit(" ", 1)[-1]
                if value[0] is not None and value[2] is None and last != key and last in table \
                        and table[last].kind in patterns.PLACE_KINDS:
                    value[2] = table[last]
                    value.append(len(last))
            for e in gazetteer:
                last = patterns.surname_of(e.name) if e.type == "PERSON" and not e.generic else None
                if last and (last not in words or last in self.surnames):
                    self.surnames[last] = None if last in self.surnames else e.id
                    words[last] = [None, False, patterns.SURNAME, len(last), False]
        self.places = {e.id for e in gazetteer if e.type == "PLACE"}
        self.parties = {word: gazetteer.by_name[party].id for word, party in _PARTY_ADJECTIVES.items()
                        if party in gazetteer.by_name}
        self.people = {e.id for e in gazetteer if e.type == "PERSON"}
        self._initials: dict[str, tuple[str, ...]] = {}  # a name -> the abbreviations it may have, as met
        # Every occurrence of every key, overlapping, in one pass (the Rust aho-corasick crate). Its leftmost-longest
        # mode is not used: the longest name at a place may not be a whole word ('Care Act' in 'Care Action'),
        # and then a shorter one there is wanted. (pyahocorasick's iter_long, used before, drops names that
        # begin inside a longer key's prefix: its issue #133.)
        self._values = [tuple(v) if len(v) == 6 else (*v, v[3]) for v in words.values()]
        self.automaton = ahocorasick_rs.AhoCorasick(list(words), matchkind=ahocorasick_rs.MatchKind.Standard) \
            if words else None

    def _matches(self, text: str) -> list[tuple[int, tuple]]:
        """Whole-word matches, leftmost-longest and not overlapping, as (index of the last character, value):
        of the whole-word names found, from the left, the longest at each place ('NHS England South East', not
        'NHS England'), skipping what it covers. A key that is not a whole word ('NHS England' in 'NHS
        Englandish') leaves the whole words inside it ('NHS') to be found."""
        n_text = len(text)
        wordchar = _WORDCHAR
        found = [(s, -e, k) for k, s, e in self.automaton.find_matches_as_indexes(text, overlapping=True)
                 if not ((s and wordchar(text, s - 1)) or (e < n_text and wordchar(text, e)))]
        found.sort()  # leftmost, then longest
        values, out, last = self._values, [], 0
        for s, neg_end, k in found:
            if s >= last:
                out.append((-neg_end - 1, values[k]))
                last = -neg_end
        return out

    def _places_in_context(self, text: str, chosen: list) -> list:
        """Listed places read with the words around them. After a title a town is a surname ('Mr Heywood');
        after 'NHS' it names a body ('NHS Fife'); and one that runs straight on into another capitalised word
        is part of a longer name the gazetteer does not know ('Kirkby' in 'Kirkby Morland', 'Wells' in
        'Tenbury Wells', 'Manchester' in 'Manchester United'): better no entity than the wrong one."""
        starts, ends = {c[0] for c in chosen}, {c[4] for c in chosen}
        out = []
        for c in chosen:
            if c[5] in self.places:
                word = _WORD_BEFORE.search(text, max(0, c[0] - 12), c[0])
                if word and word.group(1) in patterns.TITLES:
                    continue  # 'Mr Heywood', 'Professor Atherton': a surname, not the town
                nhs = word.start(1) if word and word.group(1) == "NHS" else None
                if nhs is not None and not (out and out[-1][0] < nhs < out[-1][4]):  # 'SOS NHS Cornwall': not here
                    name = text[nhs:c[4]]
                    if out and out[-1][0] == nhs:
                        out.pop()  # the 'NHS' on its own
                    out.append((nhs, nhs - c[4], False, 2, c[4], self.key(_Named(name))))
                    continue
                after = _CAPITAL_AFTER(text, c[4])
                if after and c[4] + 1 not in starts and after.group(1) in patterns.COMPASS_AFTER \
                        and not _CAPITAL_AFTER(text, after.end()):  # 'Leicester South', 'Hull East'
                    out.append((c[0], c[0] - after.end(), False, 2, after.end(),
                                self.key(_Named(text[c[0]:after.end()], "PLACE"))))
                    continue
                if after and c[4] + 1 not in starts and after.group(1) not in patterns.NOT_NAME_WORDS:
                    continue
                before = _CAPITAL_BEFORE.search(text, max(0, c[0] - 30), c[0])
                if before and before.end() - 1 not in ends and before.group(1) in patterns.COMPASS_BEFORE \
                        and not (out and out[-1][4] > before.start(1)):  # 'South Thanet', 'Mid Sussex'
                    start = before.start(1)
                    out.append((start, start - c[4], False, 2, c[4], self.key(_Named(text[start:c[4]], "PLACE"))))
                    continue
                if before and before.end() - 1 not in ends and before.group(1) not in patterns.NOT_NAME_WORDS \
                        and not before.group(1).endswith(("’s", "'s")) \
                        and not patterns.sentence_start(text, before.start(1)):
                    continue  # (but a possessive ends the name before: 'the RCN’s East Midlands office')
            out.append(c)
        return out

    def _not_surnames(self, text: str, chosen: list) -> list:
        """A place, or a hospital's one-word name, that is the surname of someone the post names ('Hartley
        said', after 'Owen Hartley'; 'Corbett', after 'Hannah Corbett') is that person, not the town or the
        Corbett Hospital."""
        surnames = {text[c[0]:c[4]].rsplit(" ", 1)[-1] for c in chosen
                    if (c[5] in self.people or c[5].startswith("pattern:PERSON:")) and " " in text[c[0]:c[4]]}
        if not surnames:
            return chosen
        return [c for c in chosen if text[c[0]:c[4]] not in surnames
                or (c[5] not in self.places and text[c[0]:c[4]] not in self.lone_shorts)]

    def _given_alone(self, text: str, chosen: list) -> list:
        """A given name on its own ('Julie said') is the post's person of that given name ('Julie Bailey') or
        surname ('Francis', after 'Robert Francis'), else a person known by it alone ('Toby'). A surname on
        its own ('Hunt said', 'Lord Ribeiro') is the post's person of that surname, else the one listed
        person who has it, else no one."""
        alone = [i for i, c in enumerate(chosen) if c[5].startswith(("pattern:PERSON:", "surname:"))
                 and " " not in c[5]]
        if not alone:
            return chosen
        people = {}
        for c in chosen:
            if c[5] in self.people or c[5].startswith("pattern:PERSON:"):
                name = text[c[0]:c[4]]
                if " " in name:
                    first, _, last = name.partition(" ")
                    people.setdefault(first, c[5])
                    people.setdefault(last.rsplit(" ", 1)[-1], c[5])
        for i in alone:
            c = chosen[i]
            person = people.get(text[c[0]:c[4]])
            if c[5].startswith("surname:"):
                before = text[max(0, c[0] - 12):c[0]]
                if person is None and not _LOCAL_TITLE.search(before) and \
                        (c[3] < 0 or (_PERSON_NEXT(text, c[4]) and not _NOT_PERSON_BEFORE.search(before))):
                    person = self.surnames.get(c[5][len("surname:"):])
                chosen[i] = c[:5] + (person,) if person else None
            elif person is not None:
                chosen[i] = c[:5] + (person,)
        return [c for c in chosen if c is not None]

    def key(self, f) -> str:
        """A pattern-found name's entity: the gazetteer's, under any of its spellings, or its own."""
        bare = f.name.rsplit(" ", 1)[0] if f.name.endswith(_COMPANY_ENDINGS) else None  # 'NHS Property Services Ltd'
        for name in (f.name, *patterns.aliases(f.name), *((bare, "NHS " + bare) if bare else ())):
            known = self.gazetteer.find(name)
            if known is not None and not known.generic:
                return known.id
        return f"pattern:{f.type}:{f.name.replace(chr(39), '’')}"  # "St Mary's" and "St Mary’s" are one

    @staticmethod
    def _and_another(text: str, c: tuple, starts: dict) -> bool:
        """'Unison and Unite say…', 'Monitor and the NHS Trust Development Authority': a name paired with
        another, certain name is a name too."""
        for link in (" and the ", " and ", " or ", " & "):
            if text.startswith(link, c[4]):
                other = starts.get(c[4] + len(link))
                return other is not None and not other[2] and other[5] != c[5]
        return False

    @staticmethod
    def _surname_alone(text: str, start: int, end: int) -> bool:
        """'Lansley said', 'Lord Ribeiro': a surname standing alone, not the end of another name ('Zara Hunt') or
        the start of one ('Hunt Review')."""
        before = _name_before(text, start)
        if before and before not in patterns.TITLES:
            return False
        after = _CAPITAL_AFTER(text, end)
        if text.startswith(" of ", end) and _CAPITAL_AFTER(text, end + 3):
            return False  # 'the Bishop of Liverpool', 'the Duke of York': an office, not a surname
        return not after or after.group(1) in patterns.NOT_NAME_WORDS

    def _listed_place(self, name: str) -> bool:
        place = self.gazetteer.by_name.get(name)
        return place is not None and place.type == "PLACE"

    def _place_surname(self, text: str, start: int, end: int) -> bool:
        """Whether the last word of the name at text[start:end] is a listed place ('Will Oldham, one of…?')."""
        return self._listed_place(text[start:end].rsplit(" ", 1)[-1])

    def _person_named_again(self, text: str, start: int, end: int) -> bool:
        """As `_named_again`, but a surname that is a listed place is no support: 'Will Stamford and Rutland
        Hospital…?' then 'in Stamford' names the town twice, not a person. (Nor is a comma after it:
        'Will Oldham, one of the poorest boroughs, get a fair share?')"""
        return not self._place_surname(text, start, end) and _named_again(text, start, end)

    def _local_paper(self, text: str, f) -> bool:
        """A paper named after a place: the words before 'Guardian', 'Telegraph', 'Mail'… are a listed place,
        perhaps then 'Evening', 'Daily' or 'Weekly' ('Northamptonshire Telegraph', 'Hull Daily Mail')."""
        words = text[f.start:f.name_end].split()
        while words and words[-1] in _PAPER_DAYS:
            words.pop()
        return bool(words) and self._listed_place(" ".join(words))

    def _party_adjectives(self, text: str) -> list[tuple]:
        """'the Green MP', 'Reform councillors': a party named by its adjective before one of its people."""
        return [(at, -len(word), False, 0, at + len(word), eid) for word, eid in self.parties.items()
                for at in _whole_words(text, word) if _PARTY_ROLE(text, at + len(word))]

    def _town_short_names(self, text: str, listed: list) -> list[tuple]:
        """A post that names Stoke-on-Trent, Weston-super-Mare or Burton upon Trent may go on to say 'Stoke',
        'Weston' or 'Burton': there, that is the town named in full, not a village of that name elsewhere."""
        shorts: dict[str, set] = defaultdict(set)
        for c in listed:
            if c[5] in self.places:
                m = _TOWN_ON.match(text, c[0], c[4])
                if m:
                    shorts[m.group(1)].add(c[5])
        return [(at, -len(short), False, -1, at + len(short), next(iter(ids)))
                for short, ids in shorts.items() if len(ids) == 1 for at in _whole_words(text, short)
                if not text.startswith(("-", " upon ", " on ", " under ", " in "), at + len(short))]

    def _titles(self, text: str, titles) -> list[tuple]:
        """A title set in italics ('*One Hampshire: Commissioning for the Future*') names a report, or a paper."""
        out = []
        for start, end in titles:
            f = patterns.title(text, start, end)
            if f is not None:
                out.append((f.start, f.start - f.end, False, 2, f.end, self.key(f)))
        return out

    def _short_names(self, text: str, found: list, listed: list) -> list[tuple]:
        """A post that names 'North Wessex NHS Foundation Trust' or 'West Cumberland Hospital' may go on to
        call it 'North Wessex' or 'West Cumberland': within that post, the name without its 'NHS Trust' or
        'Hospital' stands for the same body (if it is two words or more and not itself a name the gazetteer
        knows). A hospital goes by one word too ('Leighton' for Leighton Hospital), and 'the Glenfield' is the
        hospital even where Glenfield is also a place, as 'the Horton' is Horton General Hospital. `found` are
        pattern names; `listed` the gazetteer's candidates."""
        shorts = []  # (short name, entity key or pattern name, 'hospital' or 'company' where it may be one word)
        for f in found:
            if f.kind in ("trust", "hospital", "company") and f.name_end >= 0:
                short = text[f.start:f.name_end]
                shorts.append((short, f, f.kind if f.kind != "trust" else None))
                suffix = _ending(short, _LISTED_SUFFIXES[:4])
                if suffix:  # 'Severn Vale' of Severn Vale Hospitals NHS Trust
                    shorts.append((short[:-len(suffix)], f, None))
        for c in listed:
            name = text[c[0]:c[4]]
            suffix = _ending(name, _LISTED_SUFFIXES)
            if suffix and c[5] not in self.places:
                short = name[:-len(suffix)]
                shorts.append((short, c[5], "hospital" if suffix in _LISTED_SUFFIXES[:4] else None))
                if short.endswith(" General") and suffix in _LISTED_SUFFIXES[:4]:
                    shorts.append((short[:-len(" General")], c[5], "hospital"))  # 'the Horton'
                inner = _ending(short, _LISTED_SUFFIXES[:4])
                if inner:  # 'Calder Valley' of Calder Valley Hospitals NHS Foundation Trust
                    shorts.append((short[:-len(inner)], c[5], None))
        out = []
        for short, of, kind in shorts:
            one_word = " " not in short
            if one_word and not (kind and len(short) > 2 and not patterns.generic_word(short)):
                continue
            known = short in self.gazetteer.by_name  # a town's, or another body's, name: theirs
            if known and not one_word:
                continue
            key = of if isinstance(of, str) else self.key(of)
            for at in _whole_words(text, short):
                if one_word and patterns.THE_BEFORE.search(text, max(0, at - 4), at):
                    out.append((at, -len(short), False, -1, at + len(short), key))  # 'the Glenfield'
                elif not known and (kind != "company" or not one_word or _standing_alone(text, at, at + len(short))):
                    # a company's one word ('Symphony' of Symphony Healthcare Services) opening a sentence
                    # needs support
                    out.append((at, -len(short), kind == "company" and one_word, 1, at + len(short), key))
        return out

    def _initials_of(self, name: str) -> tuple[str, ...]:
        """What 'Oxford University Hospitals NHS Foundation Trust' may be shortened to (OUHNFT, OUH), once per name."""
        variants = {name, name.replace(" NHS ", " ")}
        variants.update(name[:-len(x)] for x in _TRUST_ENDINGS if name.endswith(x))
        out = self._initials[name] = tuple({"".join(_INITIAL_WORDS.findall(v)) for v in variants})
        return out

    def _abbreviations(self, text: str, cands: list) -> list[tuple]:
        """'the BRI' after 'Bradford Royal Infirmary', 'OUH' after 'Oxford University Hospitals NHS Foundation
        Trust': in a post that names a body in full, the capitals of its name stand for it, even where the
        gazetteer gives them to another body ('BRI', Bristol's) that the post does not name otherwise."""
        caps = set(_CAPITALS.findall(text))
        if not caps:
            return []
        defined: dict[str, str] = {}
        for c in cands:
            name = text[c[0]:c[4]]
            if name.count(" ") < 2:  # three capitals need three words
                continue
            key = c[5]
            if key in self.places or key in self.people or key.startswith(_NOT_ABBREVIATED):
                continue
            for abbr in self._initials.get(name) or self._initials_of(name):
                if abbr in caps:
                    defined.setdefault(abbr, key)
        out = []
        for abbr, key in defined.items():
            owner = self.gazetteer.by_name.get(abbr)
            if owner is not None and (owner.id == key or any(c[5] == owner.id and text[c[0]:c[4]] != abbr
                                                             for c in cands)):
                continue  # the gazetteer's body of that name is this post's too
            out += [(at, -len(abbr), False, -1, at + len(abbr), key) for at in _whole_words(text, abbr)]
        return out

    def _weak(self, text: str, c: tuple, starts: dict) -> bool:
        """An ambiguous name at a sentence start that nothing shows to be a name: not what follows ('Unison
        says', but not a comma after a person whose surname is a listed place: 'Will Oldham, one of…?'), not
        another name it is paired with, not the person named again."""
        if not c[2] or not patterns.sentence_start(text, c[0]) or self._and_another(text, c, starts):
            return False
        person = c[5].startswith("pattern:PERSON:")
        if _PROPER_AFTER(text, c[4]) and not (person and text.startswith(",", c[4])
                                              and self._place_surname(text, c[0], c[4])):
            return False
        return not (person and self._person_named_again(text, c[0], c[4]))

    def find(self, text: str, titles=()) -> list[Hit]:
        """Whole-word, case-sensitive, leftmost-longest mentions; ambiguous names only with support.

        `titles` are (start, end) spans of the text set in italics, which may be the title of a report."""
        # Candidates are (start, -length, ambiguous, rank, end, entity) tuples, so that plain sorting gives
        # leftmost, then longest, and on a tie a listed name (rank 0) before a post's short name (1) or a
        # pattern (2).
        cands, found, anchors = [], [], []
        known_ends: set[int] = set()
        if self.automaton is not None:
            for end, (eid, amb, anchor, n, body, anchor_n) in self._matches(text):
                start = end - n + 1
                if eid is not None:
                    cands.append((start, -n, amb, 0, end + 1, eid))
                    if body:  # 'Virgin Care and Reading CCG' is two bodies; 'Hampshire and Isle of Wight ICB' one
                        known_ends.add(end + 1)
                if anchor is not None:
                    anchors.append((end + 1 - anchor_n, end + 1, anchor))
        if self.lone_shorts:
            cands = [c for c in cands if text[c[0]:c[4]] not in self.lone_shorts or _standing_alone(text, c[0], c[4])]
        # A given name where a listed name starts ('Simon' of 'Simon Stevens') needs no second look.
        # (A listed place there is a surname: 'Owen Hartley' is a person, not Owen and the village of Hartley;
        # so is a hospital's one-word name: 'Hannah Corbett', not the Corbett Hospital.)
        listed = {c[0] for c in cands if c[5] not in self.places and text[c[0]:c[4]] not in self.lone_shorts}
        place_ends = {c[4] for c in cands if c[5] in self.places}  # "Corby’s Lakeside Health Centre"
        place_spans = {c[0]: c[4] for c in cands if c[5] in self.places}
        for start, end, anchor in anchors:
            if anchor.kind == "given" and start in listed:
                continue
            if anchor.kind == "surname":
                if start not in listed and self._surname_alone(text, start, end):
                    cands.append((start, start - end, True, 2, end, "surname:" + text[start:end]))
                continue
            f = patterns.at_anchor(text, text[start:end], anchor, start, end, known_ends, place_ends)
            if f is not None and anchor.kind == "given" and any(p in listed or place_spans.get(p, 0) > f.end
                                                                for p in range(start + 1, f.end)):
                continue  # 'In June Sarah Wollaston said', 'On 4 May Greater Manchester votes': a month
            if f is not None and anchor.kind == "press" and not self._local_paper(text, f):
                continue  # 'the Banbury Guardian' is a paper; 'the Sunday Guardian' or 'Staff News' is not
            if f is not None and f.kind == "titled":  # 'Lord Ribeiro': before a town or a listed name there
                cands.append((f.start, f.start - f.end, False, -1, f.end, "surname:" + f.name))
                continue
            if f is not None:
                found.append(f)
                if f.type in ("ORG", "PLACE"):  # 'Dudley Road and Sandwell General Hospital' are two
                    known_ends.add(f.end)
        # People first: 'Cllr Geoffrey Honeywill of Teignbridge District Council' is a person and a council.
        found = _outermost(patterns.resolve(list(dict.fromkeys(found)), text))
        for f in found:
            key = self.key(f)
            rank = 2 if key.startswith("pattern:") else 0
            cands.append((f.start, f.start - f.end, f.kind == "given?", rank, f.end, key))
        listed_cands = [c for c in cands if c[3] == 0]
        cands += self._short_names(text, found, listed_cands)
        cands += self._abbreviations(text, cands)
        cands += self._town_short_names(text, listed_cands)
        cands += self._titles(text, titles)
        cands += self._party_adjectives(text)
        cands.sort()
        chosen, last = [], -1
        for c in cands:
            if c[0] >= last:
                chosen.append(c)
                last = c[4]
        chosen = self._given_alone(text, self._not_surnames(text, self._places_in_context(text, chosen)))
        # An ambiguous name ('Monitor', 'Unison') counts where it cannot be an ordinary word: mid-sentence, or
        # with a possessive ('Unison’s members'); and then at a sentence start in the same post too.
        starts = {c[0]: c for c in chosen}
        weak = [self._weak(text, c, starts) for c in chosen]
        supported = {c[5] for c, w in zip(chosen, weak) if not w}
        hits = [Hit(c[0], c[4], c[5], c[2], w) for c, w in zip(chosen, weak) if not w or c[5] in supported]
        # 'Will Oldham, one of the poorest boroughs…?' is no person; the place inside it still counts.
        dropped = [c for c, w in zip(chosen, weak)
                   if w and c[5] not in supported and c[5].startswith("pattern:PERSON:")]
        if dropped:
            inner, last = [], -1
            for c in cands:  # sorted above
                if not c[2] and c[3] <= 0 and c[0] >= last and any(d[0] <= c[0] and c[4] <= d[4] and c != d
                                                                   for d in dropped):
                    inner.append(c)
                    last = c[4]
            hits = sorted(hits + [Hit(c[0], c[4], c[5]) for c in self._places_in_context(text, inner)])
        return hits
