"""Entities: every organisation, person, place, report and law a post names is tagged, linked and given a page.

Pipeline: gazetteer (built-in data + content/entities/*.md) -> match (one Aho–Corasick pass per post, plus
the NHS's naming patterns) -> link (first mention in the article's own text) -> pages (entity pages, index,
feeds, entities.json). Settings are ENTITIES_* (see settings.DEFAULTS).
"""
from pelican import signals

from .pages import EntitiesGenerator


def get_generators(pelican):
    return EntitiesGenerator


def register():
    signals.get_generators.connect(get_generators)
