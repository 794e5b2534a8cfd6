"""The entities the plugin knows: the built-in gazetteer plus the campaign's own entity files."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import rtoml

from .settings import TYPES, EntitiesConfigError

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FIELDS = {"id", "name", "type", "aliases", "ambiguous", "description", "url", "successor", "years", "role", "generic"}


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    ambiguous: set[str] = field(default_factory=set)
    description: str = ""  # HTML (from a content file) or plain text (gazetteer)
    url_official: str | None = None
    successor: str | None = None
    years: str | None = None
    role: str | None = None
    origin: str = "gazetteer"  # gazetteer, a content file's path, or 'pattern'
    generic: bool = False  # a kind of body ('clinical commissioning groups'), kept for history, never tagged

    @property
    def names(self) -> list[str]:
        return [self.name] + [a for a in self.aliases if a != self.name]

    @property
    def slug(self) -> str:
        return self.id


class Gazetteer:
    def __init__(self, entities: list[Entity]):
        self.by_id: dict[str, Entity] = {}
        self.by_name: dict[str, Entity] = {}  # every name and alias, exactly as written
        self._folded: dict[str, Entity] | None = None  # casefolded names, built on first use
        for e in entities:
            self.add(e)

    def add(self, e: Entity, where: str = "") -> None:
        if e.id in self.by_id:
            raise EntitiesConfigError(f"{where or e.origin}: id '{e.id}' is used twice")
        for n in e.names:
            other = self.by_name.get(n)
            if other is not None and other is not e:
                raise EntitiesConfigError(f"{where or e.origin}: '{n}' names both '{other.id}' and '{e.id}'; "
                                          f"keep it on one of them")
        self.by_id[e.id] = e
        for n in e.names:
            self.by_name[n] = e
        self._folded = None

    def add_alias(self, e: Entity, name: str, ambiguous: bool = False) -> None:
        """One more name for an entity already here (the caller has checked that no other entity has it)."""
        e.aliases.append(name)
        if ambiguous:
            e.ambiguous.add(name)
        self.by_name[name] = e
        self._folded = None

    def remove(self, e: Entity) -> None:
        for n in e.names:
            self.by_name.pop(n, None)
        del self.by_id[e.id]
        self._folded = None

    def find(self, name: str) -> Entity | None:
        """An entity by id, name or alias (exact first, then ignoring case)."""
        if name in self.by_id:
            return self.by_id[name]
        if name in self.by_name:
            return self.by_name[name]
        if self._folded is None:  # first name wins, as in a scan of by_name
            self._folded = {}
            for n, e in self.by_name.items():
                self._folded.setdefault(n.casefold(), e)
        return self._folded.get(name.casefold())

    def __iter__(self):
        return iter(self.by_id.values())

    def __len__(self):
        return len(self.by_id)


def _entity(raw: dict, where: str) -> Entity:
    unknown = set(raw) - FIELDS
    if unknown:
        raise EntitiesConfigError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(FIELDS))}")
    for key in ("id", "name", "type"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise EntitiesConfigError(f"{where}: '{key}' is missing; every entity needs id, name and type")
    if not _ID.fullmatch(raw["id"]):
        raise EntitiesConfigError(f"{where}: id '{raw['id']}' must be lower-case letters, digits and hyphens")
    if raw["type"] not in TYPES:
        raise EntitiesConfigError(f"{where}: type '{raw['type']}' is not one of {', '.join(TYPES)}")
    for key in ("aliases", "ambiguous"):
        if not isinstance(raw.get(key, []), list) or not all(isinstance(a, str) and a.strip() for a in raw.get(key, [])):
            raise EntitiesConfigError(f"{where}: '{key}' must be a list of names")
    e = Entity(raw["id"], raw["name"].strip(), raw["type"], [a.strip() for a in raw.get("aliases", [])],
               {a.strip() for a in raw.get("ambiguous", [])}, raw.get("description", ""), raw.get("url"),
               raw.get("successor"), raw.get("years"), raw.get("role"), where)
    if not isinstance(raw.get("generic", False), bool):
        raise EntitiesConfigError(f"{where}: 'generic' must be true or false")
    e.generic = raw.get("generic", False)
    stray = e.ambiguous - set(e.names)
    if stray:
        raise EntitiesConfigError(f"{where}: 'ambiguous' lists {', '.join(sorted(stray))}, which is not a name of this entity")
    return e


def load_builtin(path: Path) -> list[Entity]:
    try:  # rtoml (Rust) parses the 2,000-entity file six times faster than tomllib, with the same result
        data = rtoml.loads(path.read_text(encoding="utf-8"))
    except rtoml.TomlParsingError as err:
        raise EntitiesConfigError(f"{path}: not valid TOML ({err})") from None
    except UnicodeDecodeError as err:
        raise EntitiesConfigError(f"{path}: not UTF-8 ({err}); save it as UTF-8") from None
    return [_entity(raw, f"{path} entity {n} ({raw.get('id', '?')})") for n, raw in enumerate(data.get("entity", []), 1)]


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def load_content(folder: Path, read_markdown) -> list[tuple[dict, str]]:
    """The campaign's entity files as (fields, path): Title, Type, Aliases, Ambiguous, URL, Successor, Slug."""
    out = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        try:
            html, meta = read_markdown(str(path))
        except Exception as err:  # a broken file is named, not a traceback
            raise EntitiesConfigError(f"{path}: cannot be read ({err})") from None
        title = str(meta.get("title", "")).strip()
        if not title:
            raise EntitiesConfigError(f"{path}: line 1: no 'Title:'; an entity file starts with 'Title: <name>'")
        raw = {"id": str(meta.get("slug") or slug(title)), "name": title,
               "type": str(meta.get("type", "")).strip().upper(),
               "aliases": _split(meta.get("aliases")), "ambiguous": _split(meta.get("ambiguous"))}
        if not raw["type"]:
            raise EntitiesConfigError(f"{path}: no 'Type:'; add a line 'Type: ORG' (or {', '.join(TYPES[1:])})")
        for src, dst in (("url", "url"), ("successor", "successor"), ("years", "years"), ("role", "role")):
            if meta.get(src):
                raw[dst] = str(meta[src]).strip()
        if html.strip():
            raw["description"] = html
        out.append((raw, str(path)))
    return out


def slug(name: str) -> str:
    from slugify import slugify
    return slugify(name, replacements=[["'", ""], ["’", ""]])


def build(config, read_markdown) -> Gazetteer:
    """Built-in entities, then the campaign's files: a file naming a known entity corrects it, else adds one."""
    gaz = Gazetteer([e for path in config.gazetteer for e in load_builtin(path)])
    for raw, where in load_content(config.content_dir, read_markdown):
        # Exactly as written, as matching is: a file titled 'Cqc' does not replace the Care Quality Commission.
        known = gaz.by_id.get(raw["id"]) or gaz.by_name.get(raw["name"])
        if known is not None:
            # The file's title becomes the name; every name the entity had stays an alias.
            names = (set(known.names) | set(raw["aliases"])) - {raw["name"]}
            merged = {"id": known.id, "name": raw["name"], "type": raw["type"], "aliases": sorted(names),
                      "ambiguous": sorted((known.ambiguous | set(raw["ambiguous"])) & (names | {raw["name"]})),
                      "description": raw.get("description", known.description),
                      "url": raw.get("url", known.url_official), "successor": raw.get("successor", known.successor),
                      "years": raw.get("years", known.years), "role": raw.get("role", known.role),
                      "generic": known.generic}
            gaz.remove(known)
            gaz.add(_entity(merged, where), where)
        else:
            gaz.add(_entity(raw, where), where)
    for e in gaz:
        if e.successor and e.successor not in gaz.by_id:
            raise EntitiesConfigError(f"{e.origin}: successor '{e.successor}' is not a known entity id")
        if e.type == "PLACE":
            _spaced_names(gaz, e)
    return gaz


_HYPHEN_LINKS = re.compile(r"-(on|upon|in|le|by|under|the|super|cum|en)-")


def _spaced_names(gaz: Gazetteer, e: Entity) -> None:
    """'Bradford on Avon' and 'Stoke on Trent' for Bradford-on-Avon and Stoke-on-Trent, as posts often write them,
    where no other entity has that name."""
    for name in [n for n in e.names if "-" in n]:
        spaced = _HYPHEN_LINKS.sub(r" \1 ", name)
        if spaced != name and spaced not in gaz.by_name:
            gaz.add_alias(e, spaced, ambiguous=name in e.ambiguous)
