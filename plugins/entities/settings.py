"""ENTITIES_* settings: every default in one place, validated once at start-up with friendly errors."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TYPES = ("ORG", "PERSON", "PLACE", "DOCUMENT", "LAW", "EVENT")
TYPE_NAMES = {"ORG": "Organisations", "PERSON": "People", "PLACE": "Places", "DOCUMENT": "Reports and plans",
              "LAW": "Laws", "EVENT": "Events"}

DEFAULTS = {
    # Built-in knowledge, one file or a list: the hand-written gazetteer; hospitals, local media, police and
    # charities (local.toml); NHS trusts since 2005 (trusts.toml); clinical commissioning groups and primary
    # care trusts (ccgs.toml); more hospitals, community ones above all (hospitals.toml); local papers, news
    # sites, radio and TV news (papers.toml); football clubs (clubs.toml); national figures, bodies and
    # companies (national.toml, bodies.toml); MPs since 2010 and health peers (parliament.toml); England's
    # constituencies since 1997 (constituencies.toml); the districts, suburbs and landmarks of English cities
    # and towns (districts.toml); English towns and villages (places.toml) and cities abroad (world.toml), both
    # from GeoNames by scripts/gazetteer_places.py.
    # data/README.md says what each holds.
    "ENTITIES_GAZETTEER": [str(Path(__file__).parent / "data" / name)
                           for name in ("gazetteer.toml", "local.toml", "trusts.toml", "ccgs.toml", "hospitals.toml",
                                        "papers.toml", "clubs.toml", "national.toml", "bodies.toml", "parliament.toml",
                                        "constituencies.toml", "districts.toml", "places.toml", "world.toml")],
    "ENTITIES_CONTENT_DIR": "entities",  # campaign's own entities: content/entities/*.md
    "ENTITIES_LINK": "first",  # off, first or every mention in a post links to the entity's page
    "ENTITIES_PATTERNS": True,  # recognise '<Place> CCG', '<Name> NHS Trust', 'chief executive Jane Doe', …
    "ENTITIES_MIN_ARTICLES": 1,  # an entity gets a page once this many posts mention it
    "ENTITIES_COMENTIONS": 8,  # how many co-mentioned entities an entity page lists
    "ENTITY_URL": "entity/{slug}.html",  # as Pelican's TAG_URL; "entity/{slug}/" with .../index.html also works
    "ENTITY_SAVE_AS": "entity/{slug}.html",
    "ENTITIES_INDEX_URL": "entities.html",
    "ENTITIES_INDEX_SAVE_AS": "entities.html",
    "ENTITY_FEED_ATOM": "feeds/entity/{slug}.atom.xml",  # None: no per-entity feeds
    "ENTITIES_JSON": "entities.json",  # None: no open-data file
    # Related stories (relate.py): up to this many per post; 0 turns them off.
    "ENTITIES_RELATED": 4,
    "ENTITIES_RELATED_MIN_SCORE": 0.12,  # 0–1: below this similarity a story is not related enough to offer
    "ENTITIES_RELATED_WEIGHTS": {"entities": 1.0, "tags": 1.0, "category": 0.25},
    "ENTITIES_RELATED_TIME_WEIGHT": 0.3,  # 0–1: how much being written years apart lowers a score
    "ENTITIES_RELATED_TIME_SCALE": 365,  # days over which closeness in time fades
    # 0–1: stories scoring at least this share of the best one are chapters of one storyline, offered nearest in
    # time first (the chapter before or after this one); 0 orders every story by its score alone.
    "ENTITIES_RELATED_STORYLINE": 0.7,
    "ENTITIES_RELATED_WINDOW": 16,  # a feature shared by more posts visits only this many, nearest in time
}


class EntitiesConfigError(Exception):
    """A setting, gazetteer entry or entity file the plugin cannot use; the message says how to fix it."""


@dataclass(frozen=True)
class Config:
    gazetteer: tuple[Path, ...]  # built-in data files, in order
    content_dir: Path
    link: str
    patterns: bool
    min_articles: int
    comentions: int
    entity_url: str
    entity_save_as: str
    index_url: str
    index_save_as: str
    feed_atom: str | None
    json: str | None
    related: int
    related_min_score: float
    related_weights: dict
    related_time_weight: float
    related_time_scale: float
    related_window: int
    related_storyline: float


def configure(settings: dict) -> Config:
    """Overlay the site's ENTITIES_* settings on the defaults and check them."""
    s = {k: settings.get(k, v) for k, v in DEFAULTS.items()}
    unknown = sorted(k for k in settings if k.startswith(("ENTITIES_", "ENTITY_")) and k not in DEFAULTS)
    if unknown:
        raise EntitiesConfigError(f"unknown setting(s) {', '.join(unknown)}; the entities plugin knows {', '.join(DEFAULTS)}")
    if s["ENTITIES_LINK"] not in ("off", "first", "every"):
        raise EntitiesConfigError(f"ENTITIES_LINK is {s['ENTITIES_LINK']!r}; use 'off', 'first' or 'every'")
    for key in ("ENTITIES_MIN_ARTICLES", "ENTITIES_COMENTIONS", "ENTITIES_RELATED", "ENTITIES_RELATED_WINDOW"):
        if not isinstance(s[key], int) or isinstance(s[key], bool) or s[key] < 0:
            raise EntitiesConfigError(f"{key} is {s[key]!r}; use a whole number, 0 or more")
    for key in ("ENTITY_URL", "ENTITY_SAVE_AS", "ENTITY_FEED_ATOM"):
        if s[key] is not None and "{slug}" not in s[key]:
            raise EntitiesConfigError(f"{key} is {s[key]!r}; it must contain {{slug}}, like {DEFAULTS[key]!r}")
    for key in ("ENTITIES_RELATED_MIN_SCORE", "ENTITIES_RELATED_TIME_WEIGHT", "ENTITIES_RELATED_STORYLINE"):
        if not _number(s[key]) or not 0 <= s[key] <= 1:
            raise EntitiesConfigError(f"{key} is {s[key]!r}; use a number from 0 to 1")
    if not _number(s["ENTITIES_RELATED_TIME_SCALE"]) or s["ENTITIES_RELATED_TIME_SCALE"] <= 0:
        raise EntitiesConfigError(f"ENTITIES_RELATED_TIME_SCALE is {s['ENTITIES_RELATED_TIME_SCALE']!r}; use a number of days above 0")
    weights = s["ENTITIES_RELATED_WEIGHTS"]
    default_weights = DEFAULTS["ENTITIES_RELATED_WEIGHTS"]
    if not isinstance(weights, dict) or set(weights) - set(default_weights) or \
            not all(_number(v) and v >= 0 for v in weights.values()):
        raise EntitiesConfigError(f"ENTITIES_RELATED_WEIGHTS is {weights!r}; use a dict with some of the keys "
                                  f"{', '.join(default_weights)} and numbers 0 or more, like {default_weights!r}")
    weights = {**default_weights, **weights}
    if s["ENTITIES_RELATED_WINDOW"] < 2:
        raise EntitiesConfigError("ENTITIES_RELATED_WINDOW must be 2 or more (posts visited per shared feature)")
    files = s["ENTITIES_GAZETTEER"]
    if isinstance(files, (str, Path)):
        files = [files]
    if not isinstance(files, (list, tuple)) or not files or not all(isinstance(f, (str, Path)) for f in files):
        raise EntitiesConfigError(f"ENTITIES_GAZETTEER is {files!r}; use a path, or a list of paths, to TOML files")
    gazetteer = tuple(Path(f) for f in files)
    for path in gazetteer:
        if not path.is_file():
            raise EntitiesConfigError(f"ENTITIES_GAZETTEER: {path} does not exist")
    return Config(gazetteer, Path(settings.get("PATH", ".")) / s["ENTITIES_CONTENT_DIR"], s["ENTITIES_LINK"],
                  bool(s["ENTITIES_PATTERNS"]), s["ENTITIES_MIN_ARTICLES"], s["ENTITIES_COMENTIONS"], s["ENTITY_URL"],
                  s["ENTITY_SAVE_AS"], s["ENTITIES_INDEX_URL"], s["ENTITIES_INDEX_SAVE_AS"], s["ENTITY_FEED_ATOM"],
                  s["ENTITIES_JSON"], s["ENTITIES_RELATED"], float(s["ENTITIES_RELATED_MIN_SCORE"]), weights,
                  float(s["ENTITIES_RELATED_TIME_WEIGHT"]), float(s["ENTITIES_RELATED_TIME_SCALE"]),
                  s["ENTITIES_RELATED_WINDOW"], float(s["ENTITIES_RELATED_STORYLINE"]))


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)
