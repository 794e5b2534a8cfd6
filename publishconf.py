"""Settings for the published site: pelicanconf.py plus absolute URLs and feeds."""
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# The publishing workflow sets SITEURL (e.g. https://group.github.io/blog); locally, pass it in.
SITEURL = os.environ.get("SITEURL", "http://localhost:8000").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
ENTITY_FEED_ATOM = "feeds/entity/{slug}.atom.xml"
DELETE_OUTPUT_DIRECTORY = True

# --- Theme settings ---
# Feeds for the theme: site-wide and per-category Atom and RSS (entity feeds: ENTITY_FEED_ATOM above).
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_RSS = "feeds/category/{slug}.rss.xml"
FEED_MAX_ITEMS = 30
RSS_FEED_SUMMARY_ONLY = True
# --- end of theme settings ---

# --- Publishing settings ---
# A custom domain for GitHub Pages (or another host), e.g. "blog.example.org": `make publish` then writes it to
# output/CNAME (and `make github` publishes it with the site). Set SITEURL to https://<that domain> too. Leave
# None for https://<user>.github.io/<repo>. The Actions workflow (.github/workflows/pages.yml) does not need it:
# a site deployed by Actions takes its custom domain from the repository's Pages settings, and its SITEURL from
# actions/configure-pages. CNAME in the environment sets it for one build.
CNAME = os.environ.get("CNAME") or None
# --- end of publishing settings ---
