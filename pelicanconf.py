"""Pelican settings for the campaign site (local builds). publishconf.py adds what publishing needs."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))

SITENAME = "NHS Campaign Blog"
SITEURL = ""
AUTHOR = "Campaign team"  # used when a post names no author
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# content/comments/*.json are the importer's comment archives, read by plugins/comments_archive;
# content/entities/*.md are the campaign's own entities, read by plugins/entities (not posts or pages).
IGNORE_FILES = [".#*", "*.json"]
THEME = str(HERE / "theme")

DEFAULT_CATEGORY = "Uncategorised"  # the importer's --default-category
ARTICLE_URL = "posts/{slug}/"
ARTICLE_SAVE_AS = "posts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"
DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = 50

# Feeds need an absolute SITEURL, so they are built by publishconf.py only (as pelican-quickstart does).
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},  # attr_list (image notes), tables, footnotes
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.toc": {},  # ids on headings, so sections can be linked
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
# Typogrify for quotes at the start of paragraphs, ampersands and widows — but the author's own
# punctuation is kept exactly: no smart quotes or dashes (smartypants), no <span> around capitals.
TYPOGRIFY = True
TYPOGRIFY_OMIT_FILTERS = ["smartypants", "caps"]

PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["comments_archive", "entities"]
ENTITY_FEED_ATOM = None  # per-entity feeds need an absolute SITEURL: publishconf.py turns them on

# Links in the simple theme's header
LINKS = ()
SOCIAL = ()
DISPLAY_PAGES_ON_MENU = True
