"""Jinja filters for the campaign theme (registered in pelicanconf.py's theme block as JINJA_FILTERS).

Everything here runs at build time and is cheap: per page it touches only that page's own objects, and the
one site-wide index (an article's neighbours) is built once per build, not once per page.
"""
from __future__ import annotations

import functools
import json
import re
from datetime import datetime
from urllib.parse import urlsplit

from jinja2 import pass_context
from jinja2.ext import Extension
from markupsafe import Markup, escape

# schema.org types for the entities plugin's types
SCHEMA_TYPES = {"ORG": "Organization", "PERSON": "Person", "PLACE": "Place", "DOCUMENT": "CreativeWork",
                "LAW": "Legislation", "EVENT": "Event"}
MAX_ABOUT, MAX_MENTIONS = 3, 6  # JSON-LD about/mentions: the first-named entities, so the page stays small
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=8)
def root(siteurl: str) -> str:
    """SITEURL's path ("https://x.org/blog" -> "/blog", "" -> ""): in-site links are root-relative, which keeps
    pages small; canonical, Open Graph, JSON-LD, feeds and the sitemap use the absolute SITEURL."""
    return urlsplit(siteurl or "").path.rstrip("/")


def url(obj) -> str:
    """obj.url, worked out once per object: Pelican formats it from the settings on every access, and a page
    can ask for the same post's URL several times (and an entity page for hundreds of posts')."""
    try:
        store = object.__getattribute__(obj, "__dict__")
    except AttributeError:  # slotted, like the entities plugin's ArticleRef, whose url is already a plain attribute
        return obj.url
    cached = store.get("_theme_url")
    if cached is None:
        cached = store["_theme_url"] = obj.url
    return cached


def absolute(siteurl: str) -> str:
    """SITEURL if it is absolute (publishing), else '' (local builds: no canonical, og:url or sitemap host)."""
    return siteurl if siteurl.startswith(("http://", "https://")) else ""


def plain(html) -> str:
    """Markup or HTML text -> plain text (entities decoded, typogrify's no-break spaces made spaces)."""
    return Markup(str(html or "")).striptags().replace("\u00a0", " ")


@functools.lru_cache(maxsize=4096)
def _text(value: str) -> Markup:
    return escape(plain(value))


def text(value) -> Markup:
    """Any title or setting as escaped plain text, for <title>, attributes and JSON: `|striptags|e`, remembered
    (a page repeats SITENAME and its own title several times, and striptags is not cheap)."""
    return _text(str(value or ""))


def reading_minutes(article, words_per_minute: int = 230) -> int:
    words = len(_TAG.sub(" ", str(getattr(article, "content", "") or "")).split())
    return max(1, round(words / max(1, words_per_minute)))


@pass_context
def card(ctx, article, heading: str = "h3", lead: bool = False) -> Markup:
    """The post's card for a listing (templates/_card.html), rendered once per post and kind of card: a post
    appears on a home page and on its category's, its author's and each of its tags' pages (rendering each
    card afresh cost 4–12% of writing the listings and posts, measured A/B in one process). Kept on the
    article, so it lives as long as the build that made it; SITEURL is in the key because relative URLs give
    each page depth its own."""
    siteurl = ctx.get("SITEURL", "")
    cards = object.__getattribute__(article, "__dict__").setdefault("_theme_cards", {})
    key = (heading, bool(lead), siteurl)
    html = cards.get(key)
    if html is None:
        html = cards[key] = Markup(ctx.environment.get_template("_card.html").render(
            article=article, heading=heading, lead=lead, SITEURL=siteurl))
    return html


def is_guessed(content) -> bool:
    return str(getattr(content, "metadata", {}).get("date-source") or "").startswith("guess")


_NEIGHBOURS: dict = {"list": None, "index": {}}


def neighbours(article, articles) -> tuple:
    """(newer, older) article beside `article` in the site's newest-first list, or None at either end.

    The position index is built once for the list Pelican passes to every article page."""
    if _NEIGHBOURS["list"] is not articles or len(_NEIGHBOURS["index"]) != len(articles):
        _NEIGHBOURS["list"] = articles
        _NEIGHBOURS["index"] = {id(a): i for i, a in enumerate(articles)}
    i = _NEIGHBOURS["index"].get(id(article))
    if i is None:
        return None, None
    return (articles[i - 1] if i > 0 else None), (articles[i + 1] if i + 1 < len(articles) else None)


def year_chart(by_year, row: int = 26, label: int = 44, width: int = 320) -> dict:
    """Geometry for the entity page's posts-per-year chart: one bar per year from the first to the last,
    years with no posts included (as empty bars), oldest first."""
    counts = {year: len(posts) for year, posts in by_year or []}
    if not counts:
        return {"bars": [], "height": 0, "width": width, "max": 0, "total": 0}
    years = range(min(counts), max(counts) + 1)
    top = max(counts.values())
    room = width - label - 34  # space for the bar; the count is written after it
    bars = []
    for n, year in enumerate(years):
        c = counts.get(year, 0)
        w = round(room * c / top, 1) if c else 0
        bars.append({"year": year, "count": c, "y": n * row + 4, "w": w, "h": row - 10, "text_y": n * row + row / 2 + 1,
                     "count_x": label + w + 6})
    return {"bars": bars, "height": len(bars) * row + 2, "width": width, "label": label, "max": top,
            "total": sum(counts.values())}


def bar_widths(comentions) -> list[tuple]:
    """[(entity, count, percent of the largest)] for the co-mention bars."""
    items = list(comentions or [])
    top = max((n for _, n in items), default=0) or 1
    return [(e, n, round(100 * n / top, 1)) for e, n in items]


def top_entities(entities, n: int = 12) -> list:
    """The entities with the most posts (ties by name): for the home page's 'most mentioned'."""
    return sorted(entities or [], key=lambda e: (-len(getattr(e, "articles", [])), e.name.casefold()))[:n]


def _json(data) -> Markup:
    """JSON safe inside <script type="application/ld+json">: no '<', '>' or '&' can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for bad, good in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(bad, good)
    return Markup(text)


def _iso(when) -> str | None:
    return when.isoformat() if isinstance(when, datetime) else None


def _thing(entity, siteurl: str, link: bool = True) -> dict:
    out = {"@type": SCHEMA_TYPES.get(entity.type, "Thing"), "name": entity.name}
    if link and getattr(entity, "page_url", None):
        out["url"] = f"{siteurl}/{entity.page_url}"
    return out


def _crumbs(items) -> dict:
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": n, "name": name, **({"item": url} if url and n < len(items) else {})}
        for n, (name, url) in enumerate(items, start=1)]}  # the last item is the page itself: no URL needed


def _publisher(ctx) -> dict:
    siteurl = ctx.get("SITEURL", "")
    return {"@type": "Organization", "name": plain(ctx.get("SITENAME")), "url": f"{siteurl}/",
            "logo": f"{siteurl}/{ctx.get('THEME_STATIC_DIR', 'theme')}/images/icon-512.png"}


@pass_context
def article_jsonld(ctx, article) -> Markup:
    """BlogPosting (author, dates, the post's entities as about/mentions) and its BreadcrumbList."""
    siteurl = ctx.get("SITEURL", "")
    link = f"{siteurl}/{url(article)}"
    mentions = list(getattr(article, "entities", None) or [])
    # 'about': what the post is about — entities it names more than once, or the author added; else its first.
    about = [m for m in mentions if m.count > 1 or m.first < 0][:MAX_ABOUT] or mentions[:1]
    chosen = {id(m) for m in about}
    rest = [m for m in mentions if id(m) not in chosen]
    default_author = ctx.get("AUTHOR")
    authors = [{"@type": "Organization" if str(a) == default_author else "Person", "name": str(a),
                "url": f"{siteurl}/{url(a)}"} for a in getattr(article, "authors", None) or []]
    post = {
        "@type": "BlogPosting", "url": link, "headline": plain(article.title)[:110],
        "datePublished": _iso(article.date), "author": authors, "publisher": _publisher(ctx),
        "image": f"{siteurl}/{ctx.get('THEME_STATIC_DIR', 'theme')}/images/share.png",
    }
    if getattr(article, "modified", None):
        post["dateModified"] = _iso(article.modified)
    if getattr(article, "category", None):
        post["articleSection"] = str(article.category)
    if getattr(article, "tags", None):
        post["keywords"] = [str(t) for t in article.tags]
    if about:
        post["about"] = [_thing(m.entity, siteurl) for m in about]
    if rest:
        post["mentions"] = [_thing(m.entity, siteurl, link=False) for m in rest[:MAX_MENTIONS]]  # names only: small
    source_url = str(getattr(article, "metadata", {}).get("source-url") or "")
    if source_url.startswith(("https://", "http://")):
        post["isBasedOn"] = source_url
    crumbs = [("Home", f"{siteurl}/")]
    if getattr(article, "category", None):
        crumbs.append((str(article.category), f"{siteurl}/{url(article.category)}"))
    crumbs.append((plain(article.title), link))
    return _json({"@context": "https://schema.org", "@graph": [post, _crumbs(crumbs)]})


@pass_context
def entity_jsonld(ctx, entity) -> Markup:
    """The entity page: a CollectionPage about the entity, and its BreadcrumbList."""
    siteurl = ctx.get("SITEURL", "")
    url = f"{siteurl}/{entity.page_url}"
    index = f"{siteurl}/{ctx.get('ENTITIES_INDEX_URL', 'entities.html')}"
    page = {"@type": "CollectionPage", "@id": url, "url": url, "name": entity.name, "about": _thing(entity, siteurl),
            "isPartOf": {"@type": "WebSite", "name": plain(ctx.get("SITENAME")), "url": f"{siteurl}/"}}
    return _json({"@context": "https://schema.org", "@graph": [
        page, _crumbs([("Home", f"{siteurl}/"), ("Who and what", index), (entity.name, url)])]})


@pass_context
def website_jsonld(ctx, _=None) -> Markup:
    """The home page: WebSite with its search (Pagefind reads ?q= on the search page)."""
    siteurl = ctx.get("SITEURL", "")
    return _json({"@context": "https://schema.org", "@type": "WebSite", "name": plain(ctx.get("SITENAME")),
                  "url": f"{siteurl}/", "description": plain(ctx.get("SITE_DESCRIPTION")), "inLanguage": "en-GB",
                  "publisher": _publisher(ctx),
                  "potentialAction": {"@type": "SearchAction",
                                      "target": f"{siteurl}/{ctx.get('SEARCH_URL', 'search.html')}?q={{search_term_string}}",
                                      "query-input": "required name=search_term_string"}})


@pass_context
def breadcrumbs_jsonld(ctx, items) -> Markup:
    """A BreadcrumbList from [(name, site path)] (paths relative to SITEURL)."""
    siteurl = ctx.get("SITEURL", "")
    return _json({"@context": "https://schema.org", **_crumbs([(n, f"{siteurl}/{p}") for n, p in items])})


class Dedent(Extension):
    """Drop the templates' source indentation from what they output (kept readable, pages kept small).

    Runs once per template as it is loaded; the posts' own HTML arrives through variables and is untouched."""

    _INDENT = re.compile(r"^[ \t]+", re.M)

    def preprocess(self, source, name, filename=None):
        return self._INDENT.sub("", source)


FILTERS = {
    "absolute": absolute, "root": root, "url": url, "card": card, "text": text, "plain": plain, "reading_minutes": reading_minutes, "is_guessed": is_guessed,
    "neighbours": neighbours, "year_chart": year_chart, "bar_widths": bar_widths, "top_entities": top_entities,
    "article_jsonld": article_jsonld, "entity_jsonld": entity_jsonld, "website_jsonld": website_jsonld,
    "breadcrumbs_jsonld": breadcrumbs_jsonld,
}
