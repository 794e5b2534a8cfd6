"""Light references to articles, for the lists on entity pages and the related stories under each post.

Pelican computes `article.url` afresh from the URL settings on every access (~50 µs). An entity page lists
hundreds of posts and every post lists its related stories, so the site would pay for the same URLs tens of
thousands of times. A reference computes what a list shows once per article and hands anything else on to
the article itself.
"""
from __future__ import annotations

from markupsafe import Markup


class ArticleRef:
    __slots__ = ("article", "url", "title", "date", "locale_date", "plain_title", "iso_date")

    def __init__(self, article):
        self.article = article
        self.url = article.url
        self.title = article.title
        self.plain_title = Markup(article.title).striptags()
        self.date = article.date
        self.locale_date = article.locale_date
        self.iso_date = article.date.isoformat()

    def __getattr__(self, name):  # category, tags, summary, metadata… straight from the article
        return getattr(self.article, name)

    def __repr__(self) -> str:
        return f"<ArticleRef {self.url}>"


class Refs(dict):
    """id(article) -> ArticleRef, made on first use."""

    def of(self, article) -> ArticleRef:
        ref = self.get(id(article))
        if ref is None:
            ref = self[id(article)] = ArticleRef(article)
        return ref
