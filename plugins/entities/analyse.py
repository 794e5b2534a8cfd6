"""Per article: find the entities it mentions (text, title, tags) and honour the author's metadata."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import patterns
from .gazetteer import Entity, Gazetteer, slug as make_slug
from .match import Matcher
from .metaline import listed, where
from .problems import Problems
from .settings import Config
from .text import Document


@dataclass
class Mention:
    """What `article.entities` holds: the entity, how often and where the post first names it."""

    entity: Entity
    count: int
    first: int  # character offset in the article's text; -1 when only the title or the metadata names it
    salient: bool = False  # named in the title, a tag or the post's Entities: metadata

    @property
    def type(self) -> str:
        return self.entity.type

    @property
    def name(self) -> str:
        return self.entity.name

    @property
    def url(self) -> str:
        return self.entity.page_url


def _after_the(text: str, start: int) -> bool:
    return patterns.THE_BEFORE.search(text, max(0, start - 5), start) is not None


class Analyser:
    def __init__(self, gazetteer: Gazetteer, config: Config, problems: Problems):
        self.gazetteer = gazetteer
        self.problems = problems
        self.config = config
        self.matcher = Matcher(gazetteer, config.patterns)
        self.found: dict[str, Entity] = {}  # pattern-found entities, by key, shared across the site
        self._slugs: set[str] = set()  # their ids, so each new one is unique without a scan

    def entity(self, key: str) -> Entity:
        if not key.startswith("pattern:"):
            return self.gazetteer.by_id[key]
        if key not in self.found:
            _, type_, name = key.split(":", 2)
            slug = make_slug(name)
            while slug in self.gazetteer.by_id or slug in self._slugs:
                slug += "-x"
            self._slugs.add(slug)
            self.found[key] = Entity(slug, name, type_, aliases=patterns.aliases(name), origin="pattern")
        return self.found[key]

    def mentions(self, article) -> tuple[Document, list, list[Mention]]:
        doc = Document(article._content)
        hits = self.matcher.find(doc.text, doc.titles)
        counts: dict[str, list[int]] = {}
        for h in hits:
            counts.setdefault(h.entity, []).append(h.start)
        # What the title names, a tag names, or the author lists under Entities:, is what the post is about.
        # A title is short and has no context of its own: a name it shares with the body, read the same way
        # ('the Horton' after 'Horton General Hospital'), is what the body says it is.
        text = doc.text
        reading = {}
        for h in hits:
            reading.setdefault((text[h.start:h.end], _after_the(text, h.start)), h.entity)
        title = Markup(article.title).striptags()
        titled = {reading.get((title[h.start:h.end], _after_the(title, h.start)), h.entity)
                  for h in self.matcher.find(title)}
        # A listed entity the title names is mentioned even if the body never names it again; a pattern name
        # needs the body too (a title in title case makes many words look like names).
        for key in titled:
            if not key.startswith("pattern:"):
                counts.setdefault(key, [-1])
        salient = set(titled)
        for tag in getattr(article, "tags", None) or []:
            e = self.gazetteer.find(str(tag))
            if e is not None:
                salient.add(e.id)
        salient &= set(counts)
        meta = getattr(article, "metadata", {})
        for name in listed(meta.get("entities-exclude")):
            e = self.gazetteer.find(name)
            key = e.id if e else next((k for k in counts if k.endswith(":" + name)), None)
            if key is None:
                self.problems.add(f"{where(article, 'entities-exclude')}: Entities-Exclude names '{name}', which is not "
                                  f"an entity this post mentions; check the spelling, or remove it")
                continue
            counts.pop(key, None)
            hits = [h for h in hits if h.entity != key]
        for name in listed(meta.get("entities")):
            e = self.gazetteer.find(name)
            if e is None:
                self.problems.add(f"{where(article, 'entities')}: Entities names '{name}', which is not a known entity; "
                                  f"add content/entities/{make_slug(name)}.md or use a name from the gazetteer")
                continue
            counts.setdefault(e.id, [-1])
            salient.add(e.id)
        mentions = [Mention(self.entity(k), len([p for p in v if p >= 0]), v[0], k in salient) for k, v in counts.items()]
        mentions.sort(key=lambda m: (m.first, m.entity.name))
        return doc, hits, mentions

