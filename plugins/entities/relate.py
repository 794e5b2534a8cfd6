"""Related stories: for each post, the few others a reader should read next, and why.

Each post is a sparse vector of features — the entities it names, its tags, its category — weighted by how
rare each is across the site (an entity every post names says little) and, for entities, by how often the
post names it. Two posts are as related as the cosine of their vectors, scaled a little by how close
together they were written. An inverted index (feature -> posts, in date order) means a post is only
compared with posts that share something with it; for a feature shared by very many posts, only the
`window` posts nearest in time are visited, so the work grows with the number of posts, never its square.

The author has the last word: `Related:` pins stories first, `Related-Exclude:` keeps stories out.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from itertools import chain
from dataclasses import dataclass, field

from .metaline import listed, where

ENTITY, TAG, CATEGORY = "e", "t", "c"
STRONGEST = 24  # features kept per post: its most telling entities, tags and category
SEEDS = 12  # of which the strongest find the candidates
_TF = [1.0] + [1.0 + math.log(c) for c in range(1, 64)]  # 1 + ln(mentions); 0 (named only in metadata) as 1
SALIENT = 2.0  # an entity the title names (or the author lists) weighs double
WEAKER = 1 / 4  # beside one story above the minimum score, others need only this fraction of it


@dataclass
class Related:
    """What `article.related_stories` holds (best first)."""

    article: object  # an ArticleRef: .url, .title, .date, and the article's other attributes
    score: float
    reasons: list[str] = field(default_factory=list)
    pinned: bool = False


def _the(entity) -> str:
    name = entity.name
    if entity.type in ("DOCUMENT", "LAW", "EVENT") and not name.lower().startswith("the "):
        return "the " + name
    return name


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _most_shared(shared: Counter, k: int, ordinal: int) -> list[int]:
    """The k candidates sharing most features; on equal counts the nearest in time (closeness orders them
    later anyway), the earlier of two equally near. Counting and sorting stay in C: the one pass in Python
    keeps the few at or above the k-th count, and only those are ordered."""
    if len(shared) <= k:
        return list(shared)
    counts = sorted(shared.values(), reverse=True)
    floor = counts[k - 1]
    if counts[k] < floor:
        return [j for j, c in shared.items() if c >= floor]
    # More than k at the k-th count: order those by count, then distance in time, the earlier one first.
    top = sorted([(-c, abs(j - ordinal), j) for j, c in shared.items() if c >= floor])
    return [j for _, _, j in top[:k]]


class Relater:
    def __init__(self, config, problems):
        self.config = config
        self.problems = problems

    # --- features -------------------------------------------------------------------------------------

    def _raw_features(self, article) -> dict[tuple[str, str], float]:
        """Feature -> how strongly the post has it, before rarity: entities by mentions, tags and category flat."""
        feats: dict[tuple[str, str], float] = {}
        labels = self.labels  # feature -> what a reason calls it; the first post to have it names it
        for m in getattr(article, "entities", []):
            e = m.entity
            if e.origin == "pattern" and m.type == "PERSON" and " " not in m.name:
                continue  # 'Toby', 'Alan': people known by a given name alone are rarely the same person
            tf = _TF[m.count] if m.count < len(_TF) else 1.0 + math.log(m.count)
            f = (ENTITY, e.id)
            feats[f] = tf * SALIENT if m.salient else tf
            if f not in labels:
                labels[f] = e
        for t in getattr(article, "tags", None) or []:
            f = (TAG, t.slug)
            feats[f] = 1.0
            if f not in labels:
                labels[f] = str(t)
        cat = getattr(article, "category", None)
        if cat is not None:
            f = (CATEGORY, cat.slug)
            feats[f] = 1.0
            if f not in labels:
                labels[f] = str(cat)
        return feats

    def build(self, published: list, everything: list, refs) -> int:
        """Set `related_stories` on every article; return how many links were made."""
        cfg = self.config
        if cfg.related <= 0:
            for a in everything:
                a.related_stories = []
            return 0
        pool = sorted(published, key=lambda a: (a.date, a.source_path))
        self.labels = {}
        raw = [self._raw_features(a) for a in pool]
        df = Counter(chain.from_iterable(raw))
        n = len(pool)
        weight_of = {ENTITY: cfg.related_weights["entities"], TAG: cfg.related_weights["tags"],
                     CATEGORY: cfg.related_weights["category"]}
        # A feature more than half the posts share ('NHS', the default category) says nothing about which are
        # related, and left in a post's unit vector it would make two otherwise empty posts look alike.
        common = max(2, n // 2)
        idf = {f: math.log(1 + (n - d + 0.5) / (d + 0.5)) * weight_of[f[0]] if d <= common else 0.0
               for f, d in df.items()}
        # From here on a feature is its rank in (kind, key) order: int keys hash and compare fastest, and
        # ties between equal weights still fall the same way on every build.
        self.features = sorted(f for f, w in idf.items() if w > 0)
        fid = {f: i for i, f in enumerate(self.features)}
        self.kinds = [kind for kind, _ in self.features]
        labels = self.labels  # how a reason says each feature: 'the Mazars Review', '‘maternity’', 'Campaigns'
        self.said = [_the(labels[f]) if f[0] == ENTITY else f"‘{labels[f]}’" if f[0] == TAG else labels[f]
                     for f in self.features]
        vectors = [self._weigh(feats, idf, fid) for feats in raw]
        # Inverted index: feature -> the posts that have it, as pool indexes, so in date order.
        postings: list[list[int]] = [[] for _ in self.features]
        for i, vec in enumerate(vectors):
            for f in vec:
                postings[f].append(i)
        self.pool, self.vectors, self.postings = pool, vectors, postings
        self.reasons: dict[tuple[int, int], list[str]] = {}
        self.days = [a.date.timestamp() / 86400 for a in pool]
        newest = sorted(range(n), key=lambda i: (-self.days[i], pool[i].source_path))
        self.newest_first = {i: rank for rank, i in enumerate(newest)}
        position = {id(a): i for i, a in enumerate(pool)}
        by_key = self._lookup(pool)
        order = None  # (date, path) of each post, for placing a draft among them; made once, if any is needed
        made = 0
        for a in everything:
            i = position.get(id(a))
            vec = vectors[i] if i is not None else self._weigh(self._raw_features(a), idf, fid)
            day = self.days[i] if i is not None else a.date.timestamp() / 86400
            meta = getattr(a, "metadata", {})
            pins, excluded = self._overrides(a, by_key) if "related" in meta or "related-exclude" in meta else ((), ())
            pinned = [position[id(p)] for p in pins]
            skip = {position[x] for x in excluded} | set(pinned) | ({i} if i is not None else set())
            if i is None and order is None:
                order = [(p.date, p.source_path) for p in pool]
            ordinal = i if i is not None else bisect_left(order, (a.date, a.source_path))
            chosen = self._rank(vec, day, ordinal, skip)[:max(0, cfg.related - len(pinned))]
            a.related_stories = [
                Related(refs.of(pool[j]), round(self._score(vec, day, j), 4),
                        self._reasons(vec, vectors[j]) or ["Chosen by the author"], True) for j in pinned
            ] + [Related(refs.of(pool[j]), round(sc, 4), self._reasons_for(i, j, vec)) for sc, j in chosen]
            made += len(a.related_stories)
        return made

    @staticmethod
    def _weigh(feats: dict, idf: dict, fid: dict) -> dict:
        """The post's strongest features, weighted by rarity, as a unit vector (weak ones barely move a cosine)."""
        vec = sorted([(s * idf.get(f, 0.0), f) for f, s in feats.items()], reverse=True)[:STRONGEST]
        norm = math.sqrt(sum([w * w for w, _ in vec])) or 1.0
        return {fid[f]: w / norm for w, f in vec if w > 0}

    # --- ranking --------------------------------------------------------------------------------------

    def _similarity(self, vec: dict, j: int) -> float:
        """Cosine of the two posts' vectors: what they have in common, 0 to 1."""
        other = self.vectors[j]
        return sum([vec[f] * other[f] for f in vec.keys() & other.keys()])  # the intersection is taken in C

    def _closeness(self, day: float, j: int) -> float:
        """1 for posts written together, falling towards 1 - time weight for posts years apart (a reader
        following a story wants the next chapter, not one from years ago)."""
        t = self.config.related_time_weight
        return 1 - t + t * math.exp(-abs(day - self.days[j]) / self.config.related_time_scale)

    def _score(self, vec: dict, day: float, j: int) -> float:
        return self._similarity(vec, j) * self._closeness(day, j)

    def _rank(self, vec: dict, day: float, ordinal: int, skip: set) -> list[tuple[float, int]]:
        """Candidates are the posts sharing most of this post's strongest features (counted in C by Counter;
        on equal counts the nearest in time); the best of them are then scored exactly."""
        cfg = self.config
        half = cfg.related_window // 2
        # The strongest features that another post shares (vec is strongest first): a name only this post
        # has is rare, so strong, but leads nowhere. A very common feature gives only the posts nearest in time.
        found: list[int] = []
        postings = self.postings
        for idxs in [p for p in map(postings.__getitem__, vec) if len(p) > 1][:SEEDS]:
            if len(idxs) > 2 * half:
                k = bisect_left(idxs, ordinal)
                found += idxs[k - half if k > half else 0:k + half + 1]
            else:
                found += idxs
        shared = Counter(found)
        for j in skip:
            shared.pop(j, None)
        floor = cfg.related_min_score
        # Enough in common is judged on the similarity alone; closeness in time only orders what passes. A post
        # with one story that clears the floor is part of a storyline, and the rest of it may share less with
        # this chapter: those clear a lower floor. A post with none gets none (no padding).
        sims = [(self._similarity(vec, j), j) for j in _most_shared(shared, cfg.related + 4, ordinal)]
        if not sims or max(sims)[0] < floor:
            return []
        scored = [(sim * self._closeness(day, j), j) for sim, j in sims if sim >= floor * WEAKER]
        # Best first; ties go to the newer post, then to the path, so two builds always agree.
        days, newest_first = self.days, self.newest_first
        scored.sort(key=lambda sj: (-round(sj[0], 9), newest_first[sj[1]]))
        # Stories nearly as good as the best are chapters of this one's storyline: the nearest chapters first.
        if cfg.related_storyline:
            cut = cfg.related_storyline * scored[0][0]
            chapters = [sj for sj in scored if sj[0] >= cut]
            chapters.sort(key=lambda sj: (abs(day - days[sj[1]]), newest_first[sj[1]]))
            scored = chapters + [sj for sj in scored if sj[0] < cut]
        return scored

    def _reasons_for(self, i: int | None, j: int, vec: dict) -> list[str]:
        """Two posts share the same things whichever is read first: storylines link both ways, so each pair's
        reasons are worked out once (the list is shared, and never changed)."""
        if i is None:
            return self._reasons(vec, self.vectors[j])
        pair = (i, j) if i < j else (j, i)
        reasons = self.reasons.get(pair)
        if reasons is None:
            reasons = self.reasons[pair] = self._reasons(vec, self.vectors[j])
        return reasons

    def _reasons(self, vec: dict, other: dict) -> list[str]:
        # What they share, what counts most first (ties by name, so two builds agree).
        kinds, said = self.kinds, self.said
        shared = [f for _, f in sorted([(-vec[f] * other[f], f) for f in vec.keys() & other.keys()])]
        entities = [said[f] for f in shared if kinds[f] == ENTITY][:2]
        tags = [said[f] for f in shared if kinds[f] == TAG][:2]
        reasons = []
        if entities:
            reasons.append("Also about " + _and(entities))
        if tags:
            reasons.append("Also tagged " + _and(tags))
        if not reasons:
            cats = [said[f] for f in shared if kinds[f] == CATEGORY]
            if cats:
                reasons.append("Also in " + cats[0])
        return reasons

    # --- the author's overrides ------------------------------------------------------------------------

    def _lookup(self, pool: list) -> dict:
        """Every way an author may name a post: its slug, its path under content/, with or without .md."""
        keys: dict[str, object] = {}
        for a in pool:
            rel = a.relative_source_path.replace("\\", "/")
            name = rel.split("/", 1)[-1]
            for key in (a.slug, rel, rel.rsplit(".", 1)[0], name, name.rsplit(".", 1)[0]):
                keys.setdefault(key, a)
        return keys

    def _overrides(self, article, by_key: dict) -> tuple[list, set]:
        meta = getattr(article, "metadata", {})
        pins, excluded = [], set()
        for key, out in (("related", pins), ("related-exclude", excluded)):
            for name in listed(meta.get(key)):
                ref = name.removeprefix("{filename}").lstrip("/")
                target = by_key.get(ref)
                label = "Related" if key == "related" else "Related-Exclude"
                if target is None:
                    self.problems.add(f"{where(article, key)}: {label} names '{name}', which is not a published post; "
                                      f"use a post's slug (the last part of its URL) or its path under content/, "
                                      f"like posts/{ref.rsplit('/', 1)[-1].removesuffix('.md')}.md")
                elif target is article:
                    self.problems.add(f"{where(article, key)}: {label} names the post itself; remove '{name}'")
                elif key == "related":
                    if target not in out:
                        out.append(target)
                else:
                    out.add(id(target))
        return [p for p in pins if id(p) not in excluded], excluded
