"""The site-wide part: entity pages (by year, co-mentions, feed), the entities index and entities.json."""
from __future__ import annotations

import gc
import json
import logging
import os
from collections import Counter, defaultdict
from itertools import groupby
from time import process_time

from pelican.generators import Generator
from pelican.readers import MarkdownReader

from .analyse import Analyser
from .gazetteer import build
from .link import link
from .refs import Refs
from .problems import Problems
from .relate import Relater
from .settings import TYPE_NAMES, TYPES, EntitiesConfigError, configure
from .text import Document

log = logging.getLogger(__name__)
STATS: dict[str, float] = {}  # the plugin's own time per stage, read by the benchmark


class EntitiesGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        start = process_time()
        try:
            self.config = configure(self.settings)
            self.gazetteer = build(self.config, MarkdownReader(self.settings).read)
        except EntitiesConfigError as err:
            # One clear line naming the file and the fix, not a traceback (Pelican prints one for exceptions).
            log.critical("entities: %s", err)
            raise SystemExit(1) from None
        self.problems = Problems()
        self.analyser = Analyser(self.gazetteer, self.config, self.problems)
        STATS.clear()
        STATS["load"] = process_time() - start

    def generate_context(self):
        start = process_time()
        published = list(self.context.get("articles", []))
        everything = published + list(self.context.get("hidden_articles", [])) + list(self.context.get("drafts", []))
        analysed = {id(a): self.analyser.mentions(a) for a in everything}
        # Which entities get a page: mentioned by enough published posts.
        posts_of = defaultdict(list)
        for a in published:
            for m in analysed[id(a)][2]:
                posts_of[m.entity.id].append(a)
        entities = {m.entity.id: m.entity for a in everything for m in analysed[id(a)][2]}
        visible = {eid for eid, posts in posts_of.items() if len(posts) >= max(1, self.config.min_articles)}
        self._place(entities, visible)
        links = self._link(everything, analysed)
        self.refs = Refs()
        self._entity_pages(published, entities, visible, posts_of)
        self.all_entities = entities
        STATS["analyse"] = process_time() - start
        log.info("entities: %d posts, %d entities with pages, %d links", len(published), len(visible), links)
        start = process_time()
        # Ranking makes some 100,000 short-lived containers and no reference cycles; a full collection in
        # the middle of it would walk everything the analysis just built, for nothing to free.
        collecting = gc.isenabled()
        gc.disable()
        try:
            related = Relater(self.config, self.problems).build(published, everything, self.refs)
        finally:
            if collecting:
                gc.enable()
        STATS["relate"] = process_time() - start
        log.info("related stories: %d links", related)
        self.problems.report()

    def _place(self, entities: dict, visible: set) -> None:
        """Each entity's page, saved file and feed, or None where too few posts name it for a page."""
        cfg = self.config
        for eid, e in entities.items():
            e.page_url = cfg.entity_url.format(slug=e.slug) if eid in visible else None
            e.save_as = cfg.entity_save_as.format(slug=e.slug)
            e.feed_url = cfg.feed_atom.format(slug=e.slug) if cfg.feed_atom and eid in visible else None

    def _link(self, everything: list, analysed: dict) -> int:
        """`article.entities`, `article.entities_by_type`, and the links in each post's HTML."""
        siteurl = self.settings.get("SITEURL", "")

        def href(key: str):
            e = self.analyser.entity(key)
            return f"{siteurl}/{e.page_url}" if e.page_url else None

        links = 0
        for a in everything:
            doc, hits, mentions = analysed[id(a)]
            a.entities = mentions
            by_type = defaultdict(list)
            for m in mentions:
                by_type[m.type].append(m)
            a.entities_by_type = [(TYPE_NAMES[t], by_type[t]) for t in TYPES if t in by_type]
            # A post whose HTML ends the page early ('</body>' in raw HTML) is left as written: linking
            # rewrites the HTML from its parse, which would drop what came after.
            made = link(doc, hits, href, self.config.link) if doc.whole else 0
            if made:
                a._content = doc.html()
                links += made
        return links

    def _entity_pages(self, published: list, entities: dict, visible: set, posts_of: dict) -> None:
        """What each entity page shows: posts newest first by year, the entities most often named alongside,
        its history; and the index by type."""
        cfg = self.config
        named = {id(a): [m.entity.id for m in a.entities if m.entity.id in visible] for a in published}
        predecessors = defaultdict(list)  # 'Monitor and the NHS Trust Development Authority became NHS Improvement'
        for g in self.gazetteer:
            if g.successor:
                predecessors[g.successor].append(g)
        for eid in visible:
            e = entities[eid]
            posts = sorted(posts_of[eid], key=lambda a: (a.date, a.source_path), reverse=True)
            e.articles = posts
            e.by_year = [(year, [self.refs.of(a) for a in items])
                         for year, items in groupby(posts, key=lambda a: a.date.year)]
            together = Counter()
            for a in posts:
                together.update(named[id(a)])
            del together[eid]
            e.comentions = [(entities[k], n) for k, n in
                            sorted(together.items(), key=lambda kv: (-kv[1], entities[kv[0]].name))][:cfg.comentions]
            e.type_name = TYPE_NAMES[e.type]
            e.successor_entity = self.gazetteer.by_id.get(e.successor) if e.successor else None
            e.predecessors = predecessors.get(eid, [])
        self.entities = sorted((entities[k] for k in visible), key=lambda e: (e.name.casefold(), e.id))
        self.context["entities"] = self.entities
        by_type = defaultdict(list)
        for e in self.entities:
            by_type[e.type].append(e)
        self.context["entities_by_type"] = [(t, TYPE_NAMES[t], by_type[t]) for t in TYPES if t in by_type]
        self.context["ENTITIES_INDEX_URL"] = cfg.index_url

    def generate_output(self, writer):
        start = process_time()
        cfg = self.config
        template = self.get_template("entity")
        for e in self.entities:
            writer.write_file(e.save_as, template, self.context, entity=e, articles=e.articles,
                              relative_urls=self.settings["RELATIVE_URLS"], url=e.page_url)
            if e.feed_url:
                writer.write_feed(e.articles, self.context, e.feed_url, e.feed_url, feed_type="atom",
                                  feed_title=f"{self.settings['SITENAME']}: {e.name}")
        writer.write_file(cfg.index_save_as, self.get_template("entities"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=cfg.index_url)
        if cfg.json:
            self.write_json(os.path.join(self.output_path, cfg.json))
        STATS["write"] = process_time() - start

    def write_json(self, path: str) -> None:
        """entities.json: every entity the site mentions and every published post, in a stable order."""
        refs = self.refs
        base = os.path.join(os.path.abspath(self.settings["PATH"]), "")

        def source(source_path: str) -> str:  # relative to the content folder, '/'-separated; relpath is slow
            full = os.path.abspath(source_path)
            rel = full[len(base):] if full.startswith(base) else os.path.relpath(full, self.settings["PATH"])
            return rel.replace(os.sep, "/")

        published = sorted((refs.of(a) for a in self.context.get("articles", [])), key=lambda r: r.url)
        mentioned = sorted({m.entity.id: m.entity for a in published for m in a.entities}.values(), key=lambda e: e.id)
        doc = {
            "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": sorted(e.aliases),
                          "url": e.page_url, "articles": sorted(refs.of(a).url for a in getattr(e, "articles", []))}
                         for e in mentioned],
            "articles": [{"url": a.url, "title": a.plain_title, "date": a.iso_date,
                          "source_path": source(a.source_path),
                          "entities": [m.entity.id for m in a.entities],
                          "related": [{"url": r.article.url, "score": r.score, "reasons": r.reasons,
                                       **({"pinned": True} if r.pinned else {})} for r in a.related_stories]}
                         for a in published],
        }
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        # One entity or article per line: readable, diffable, and written by json's C encoder (indent= is not).
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("{\n")
            for n, key in enumerate(doc):
                fh.write(f'"{key}": [\n')
                fh.write(",\n".join(json.dumps(item, ensure_ascii=False) for item in doc[key]))
                fh.write("\n]" + (",\n" if n < len(doc) - 1 else "\n"))
            fh.write("}\n")
