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
# Every page is a file (posts/<slug>.html), not a folder holding index.html: links work on any host and
# from a folder on disk, and a build makes no directory per post (a sixth of plain Pelican's time here).
ARTICLE_URL = ARTICLE_SAVE_AS = "posts/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "{slug}.html"
CATEGORY_URL = CATEGORY_SAVE_AS = "category/{slug}.html"
TAG_URL = TAG_SAVE_AS = "tag/{slug}.html"
AUTHOR_URL = AUTHOR_SAVE_AS = "author/{slug}.html"
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
        "fast_markdown.heading_ids": {},  # ids on headings, so sections can be linked (toc's, minus the toc)
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
# Of typogrify's filters only initial_quotes runs: it wraps a paragraph's opening quote in a span (class dquo
# or quo), which the theme's CSS does not style yet. The author's own punctuation is kept exactly: no smart
# quotes or dashes (smartypants), no <span> around capitals or ampersands. Widows are the browser's job (CSS
# text-wrap: pretty): typogrify's widont cost an eighth of the whole build.
TYPOGRIFY = True
TYPOGRIFY_OMIT_FILTERS = ["smartypants", "caps", "widont", "amp"]

PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["fast_markdown", "comments_archive", "entities", "steady_heap"]
ENTITY_FEED_ATOM = None  # per-entity feeds need an absolute SITEURL: publishconf.py turns them on

# Links in the simple theme's header
LINKS = ()
SOCIAL = ()
DISPLAY_PAGES_ON_MENU = True

# --- Theme settings ---
# Read by theme/ (templates, CSS, search). Everything below is the theme's; feeds are set in publishconf.py.
SITESUBTITLE = "Campaigning for a public, accountable NHS"
SITE_DESCRIPTION = ("News, analysis and comment from campaigners, patients and health professionals on how the "
                    "NHS in England is run, funded and held to account.")
SITE_LOCALE = "en_GB"  # Open Graph locale
# The campaign's call to action, shown under every post and on the home page. `url` is a site path
# ("about.html") or a full https:// address.
CAMPAIGN_CTA = {
    "heading": "Stand up for your local NHS",
    "text": ("We are patients, staff and carers holding the people who run the NHS to account. Tell us what is "
             "happening where you live, and help us keep these stories on the record."),
    "url": "about.html",
    "link_text": "Find out how to get involved",
}
# Share links under each post: plain URLs, no scripts. {url} and {title} are filled in, URL-encoded.
SHARE_LINKS = (
    ("Email", "mailto:?subject={title}&body={url}"),
    ("WhatsApp", "https://wa.me/?text={url}"),
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("X", "https://x.com/intent/post?url={url}"),
    ("Bluesky", "https://bsky.app/intent/compose?text={url}"),
)
WORDS_PER_MINUTE = 230  # reading time
# Pages the theme writes from its own templates: search (Pagefind), 404, sitemap.xml and robots.txt.
DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "search", "404", "sitemap", "robots"]
INDEX_URL = ""
ARCHIVES_URL = ARCHIVES_SAVE_AS = "archives.html"
CATEGORIES_URL = CATEGORIES_SAVE_AS = "categories.html"
TAGS_URL = TAGS_SAVE_AS = "tags.html"
AUTHORS_URL = AUTHORS_SAVE_AS = "authors.html"
SEARCH_URL = SEARCH_SAVE_AS = "search.html"
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
sys.path.insert(0, str(HERE / "theme"))
import campaign_theme  # noqa: E402  (the theme's Jinja filters: JSON-LD, charts, reading time)

JINJA_FILTERS = campaign_theme.FILTERS
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": ["campaign_theme.Dedent"]}
# --- end of theme settings ---
