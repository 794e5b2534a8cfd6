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
