"""Decide the fate of every line: body, comment, metadata or stripped (with the rule that said so).

The page is read as WordPress lays it out:
    site chrome -> title -> byline -> body (boilerplate may interrupt it) -> end of body
    -> footer, author bio, comments, comment form, sidebars, site footer
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules
from .dates import parse_date
from .facts import (FOOTER_LABEL, SOURCE_LABEL, looks_like_name, parse_bio, parse_footer, parse_label_pair, parse_source_inline,
                    unmistakable)
from .model import BODY, COMMENT, METADATA, STRIPPED, Comment, Fact, Line, RawPost

HEAD_WINDOW = 14  # non-blank lines searched for site chrome, title and byline
_LIST_MARK = re.compile(r"^\s*(?:[•·▪◦●○■□‣⁃–—*+-]|\d{1,3}[.)])\s+")


@dataclass
class Cleaned:
    title: str | None
    body: list[Line]  # body lines in order, blanks included, for structure
    facts: list[Fact] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    stripped: list[Line] = field(default_factory=list)


def is_prose(s: str) -> bool:
    """A line that reads as a paragraph of the post rather than a title, label or menu item."""
    words = rules.fold(s).split()
    # a short question is usually a title or heading ("Is your GP practice on the list?")
    return len(words) >= 12 or (len(words) >= 6 and rules.fold(s)[-1:] in ".!:”\"’)")


def looks_like_nav(s: str) -> bool:
    """A menu item: a few words, no sentence punctuation ('Join us', 'Get involved', 'Links')."""
    s = rules.fold(s)
    return 0 < len(s.split()) <= 3 and len(s) <= 30 and not re.search(r"[.,;:!?“”\"]", s) and s[:1].isupper()


def _short_name(s: str) -> bool:
    """A tag or category on a line of its own: a few words, no sentence punctuation, not boilerplate."""
    return 0 < len(s.split()) <= 5 and not re.search(r"[.;:!?“”\"]", s) and rules.any_rule(s) is None


def looks_like_title(s: str) -> bool:
    s = rules.fold(s)
    words = s.split()
    if not words or len(s) > 200 or len(words) > 25 or s.endswith((":", ",", ";")):
        return False
    if s.endswith(".") and not s.endswith("..") and len(words) > 12:
        return False
    if _LIST_MARK.match(s) or s.lower().startswith(("http://", "https://", "www.")):
        return False
    return rules.any_rule(s) is None


class _Cleaner:
    def __init__(self, post: RawPost):
        self.post = post
        self.lines = post.lines
        self.nb = [i for i, l in enumerate(self.lines) if not l.blank]
        self.facts: list[Fact] = []
        self.comments: list[Comment] = []
        self.title: str | None = None

    # -- helpers -----------------------------------------------------------------------------
    def mark(self, i: int, fate: str, rule: str) -> None:
        self.lines[i].fate, self.lines[i].rule = fate, rule

    def s(self, i: int) -> str:
        return rules.fold(self.lines[i].text)

    def fact(self, field_: str, value, origin: str, i: int, strength: int) -> None:
        self.facts.append(Fact(field_, value, f"{origin} (line {self.lines[i].no})", self.lines[i].no, strength))

    def take_footer(self, i: int, origin: str, strength: int) -> bool:
        found = parse_footer(self.lines[i].text)
        if found is None:
            return False
        self._facts(found, i, origin, strength)
        return True

    def _facts(self, found: list, i: int, origin: str, strength: int) -> None:
        for field_, value, _ in found:
            self.fact(field_, value, origin, i, strength)
        self.mark(i, METADATA, origin)

    def take_label_pair(self, k: int, origin: str) -> int:
        """'Categories' / 'STP, Campaigns', or 'Tags:' with one tag per line below it; returns lines taken."""
        if k + 1 >= len(self.nb):
            return 0
        label, first = self.nb[k], self.nb[k + 1]
        values = [first]
        while (len(values) < 30 and k + len(values) + 1 < len(self.nb) and (nxt := self.nb[k + len(values) + 1]) == values[-1] + 1
               and _short_name(self.s(nxt)) and not FOOTER_LABEL.fullmatch(self.s(nxt))):
            values.append(nxt)  # consecutive lines, no blank between: one name each
        found = parse_label_pair(self.lines[label].text, ", ".join(self.s(i) for i in values))
        if not found:
            return 0
        self.mark(label, METADATA, f"{origin} (label)")
        for i in values:
            self._facts(found if i == first else [], i, origin, 2)
        return 1 + len(values)

    # -- stages ------------------------------------------------------------------------------
    def run(self) -> Cleaned:
        if not self.post.needs_cleaning:
            for i in self.nb:
                self.mark(i, BODY, "body")
            return self.result()
        k = self.head()
        end = self.body_end(k)
        self.body(k, end)
        self.tail(end)
        return self.result()

    def head(self) -> int:
        """Strip site chrome, find the title and byline; return the position (in nb) where the body starts."""
        nb, has_title = self.nb, any(f.field == "title" for f in self.post.facts)
        window = nb[:HEAD_WINDOW + 50]  # Twenty Fifteen and kin print the whole sidebar before the post
        # Site chrome sits at the very top: markers ("Skip to content", "Menu") and the menu items and
        # sidebar widgets that follow them, with at most a site title and tagline between. A short line
        # right before prose is the title, never a menu item. The first sentence-like line ends the search.
        chrome_end, run, widget = -1, 0, False
        for k, i in enumerate(window):
            s = self.s(i)
            nxt = self.s(window[k + 1]) if k + 1 < len(window) else ""
            if rules.full(rules.SIDEBAR_HEADER, s) and chrome_end == k - 1 and chrome_end >= 0:
                widget = True
            if rules.strong_rule(s) == "post-header":
                break  # 'Post author' belongs to the byline under the title
            # A cookie banner or advert is page-top chrome only from the very top down; below a title it is
            # the post's own clutter and must not swallow the title.
            top = rules.strong_rule(s) in ("cookie-banner", "advert") and chrome_end == k - 1
            marker = rules.full(rules.CHROME, s) or rules.strong_rule(s) in ("site-chrome", "follow-widget") or top or \
                rules.weak_rule(s) in ("site-chrome", "sidebar", "follow-widget")
            # a menu item or widget entry continues the chrome; the line before prose or a byline is the title
            chained = k + 1 < len(window) and chrome_end == k - 1 >= -1 and chrome_end >= 0 and not is_prose(nxt) \
                and not self._is_byline(window[k + 1]) and rules.strong_rule(nxt) != "post-header"
            if marker or (chained and (looks_like_nav(s) or (widget and not is_prose(s) and len(s.split()) <= 12))):
                chrome_end, run = k, 0
                continue
            run += 1
            if run > 3 or is_prose(s):
                break
        # 'Categories' and the names right above the title: Twenty Twenty's post categories, or a sidebar
        # category widget. Kept as a weak fact that any footer or byline outranks.
        label = next((k for k in range(chrome_end, -1, -1) if rules.fold(self.s(window[k])).lower() in ("categories", "category")), None)
        if label is not None and 0 < chrome_end - label <= 6 and all(
                looks_like_nav(self.s(window[k])) for k in range(label + 1, chrome_end + 1)):
            names = [self.s(window[k]) for k in range(label + 1, chrome_end + 1)]
            self.fact("categories", names, "category names above the title", window[label + 1], 1)
            for k in range(label, chrome_end + 1):
                self.mark(window[k], METADATA, "byline (categories above the title)")
        # A byline sits just above or below the title.
        near = range(chrome_end + 1, min(chrome_end + 4, len(window)))
        byline = next((k for k in near if self._is_byline(window[k])), None)
        if has_title:
            title_k = None
            start = chrome_end + 1
        elif byline is not None and byline > chrome_end + 1:
            title_k = byline - 1
            while title_k > chrome_end + 1 and rules.strong_rule(self.s(window[title_k])) == "post-header":
                title_k -= 1  # Twenty Twenty prints 'Post author' between title and byline
            start = title_k + 1
        elif byline is not None and byline + 1 < len(window) and looks_like_title(self.s(window[byline + 1])):
            title_k = byline + 1  # the date printed above the title
            self.take_footer(window[byline], "byline", 3)
            start = byline + 2
        elif chrome_end + 1 < len(nb) and looks_like_title(self.s(nb[chrome_end + 1])):
            title_k = chrome_end + 1
            start = title_k + 1
        else:
            title_k, start = None, chrome_end + 1
        for k in range(0, (title_k if title_k is not None else start)):
            if self.lines[nb[k]].fate is None:
                self.mark(nb[k], STRIPPED, rules.any_rule(self.s(nb[k])) or "site-chrome (site title, tagline, menu)")
        if title_k is not None:
            self.title = self.s(nb[title_k])
            self.mark(nb[title_k], METADATA, "title")
            self.fact("title", self.title, "title line", nb[title_k], 2)
        # The post header: byline, date, categories, reading time, 'Leave a comment', a bare author name.
        limit = start + 6
        dated = False
        while start < min(limit, len(nb)):
            i = nb[start]
            s = self.s(i)
            nxt = nb[start + 1] if start + 1 < len(nb) else None
            if taken := self.take_label_pair(start, "byline"):
                start += taken
                continue
            if self._is_byline(i):
                self.take_footer(i, "byline", 3)
                dated = dated or any(f.field == "date" and f.line == self.lines[i].no for f in self.facts)
            elif rules.strong_rule(s) in ("post-footer", "post-header", "like-button", "share-block", "comment-form", "site-chrome"):
                self.mark(i, STRIPPED, rules.strong_rule(s))
            elif title_k is not None and looks_like_name(s) and (dated or (nxt is not None and self._is_byline(nxt))):
                self.fact("author", s, "byline name", i, 2)  # 'Anne Whitlock' on its own beside the date
                self.mark(i, METADATA, "byline")
            else:
                break
            start += 1
        return start

    def _is_byline(self, i: int) -> bool:
        s = self.s(i)
        if len(s) > 160 or s.endswith(":") or s.lower().startswith("this entry was posted"):
            return False
        found = parse_footer(s)
        return bool(found) and any(f in ("date", "author") for f, _, _ in found) or bool(parse_date(s))

    def body_end(self, k0: int) -> int:
        """Position in nb where the body ends (the first line of the page tail)."""
        nb = self.nb
        seen_body = False
        for k in range(k0, len(nb)):
            i = nb[k]
            s = self.s(i)
            if self._terminal(k, s) and (seen_body or not re.match(r"(this entry was )?posted", s, re.IGNORECASE)):
                return k  # a 'Posted in …' line above the body is a post header, not the end
            if rules.any_rule(s) is None:
                seen_body = True
        return len(nb)

    def _terminal(self, k: int, s: str) -> bool:
        if rules.full(rules.COMMENTS_HEADER, s) and not rules.full(rules.BARE_COMMENTS, s):
            # '3 Comments' is a header; 'Three responses' could be prose unless a comment follows
            return s[:1].isdigit() or s.lower().startswith(("one ", "no ")) or "“" in s or '"' in s or \
                self._comment_follows(k)
        if rules.full(rules.BARE_COMMENTS, s):
            return self._comment_follows(k)
        if rules.full(rules.SIDEBAR_HEADER, s):
            # Sidebars come in groups of short lines; prose after the header means the post goes on
            # (Twenty Fifteen prints its sidebar before the post).
            after = self.nb[k + 1:k + 30]
            return any(rules.full(rules.SIDEBAR_CONFIRM, self.s(i)) for i in after) and \
                not any(is_prose(self.s(i)) for i in after[:15] if rules.any_rule(self.s(i)) is None)
        if rules.full(rules.TERMINAL, s):
            if re.match(r"(this entry was )?posted", s, re.IGNORECASE):
                # 'Posted in full, unedited' followed by more of the post is prose, not a footer
                return parse_footer(s) is not None and (unmistakable(s) or not self._prose_follows(k))
            return True
        return False

    def _prose_follows(self, k: int) -> bool:
        return any(is_prose(self.s(i)) for i in self.nb[k + 1:k + 6] if rules.any_rule(self.s(i)) is None)

    def _comment_follows(self, k: int) -> bool:
        nxt = self.nb[k + 1:k + 3]
        if nxt and rules.full(rules.COMMENT_FORM_START, self.s(nxt[0])):
            return True
        return len(nxt) == 2 and parse_date(self.s(nxt[1])) is not None

    def body(self, k0: int, k1: int) -> None:
        nb = self.nb
        ks = range(k0, k1)
        # 1. unmistakable boilerplate and footer facts
        for k in ks:
            i = nb[k]
            s = self.s(i)
            rule = rules.strong_rule(s)
            if self.lines[i].fate is not None:
                continue
            if rule:
                self.mark(i, STRIPPED, rule)
            elif unmistakable(s) and self.take_footer(i, "footer", 2):
                pass
            elif k + 1 < k1:
                self.take_label_pair(k, "footer")
        # 2. plain words that are boilerplate when they sit beside boilerplate (share/like blocks)
        changed = True
        while changed:
            changed = False
            for k in ks:
                i = nb[k]
                if self.lines[i].fate is not None:
                    continue
                s = self.s(i)
                rule = rules.weak_rule(s)
                near = self._near_boilerplate(k, k0, k1)
                if rule and near:
                    self.mark(i, STRIPPED, rule)
                    changed = True
                elif near and parse_footer(s) and self.take_footer(i, "footer", 2):
                    changed = True
        # 3. a bare name beside footer facts is the author (Twenty Sixteen: 'Margaret Ellery' / 'Posted on' / date)
        for k in ks:
            i = nb[k]
            if self.lines[i].fate is None and looks_like_name(self.s(i)) and any(
                    j in ks and self.lines[nb[j]].fate == METADATA and self.lines[nb[j]].rule.startswith("footer")
                    for j in (k - 1, k + 1)):
                self.fact("author", self.s(i), "footer name", i, 2)
                self.mark(i, METADATA, "footer")
        # 4. blocks: Jetpack's Related entries, post navigation titles
        for k in ks:
            i = nb[k]
            if rules.fold(self.lines[i].text).lower().rstrip(":") in ("related", "related posts", "related articles",
                                                                     "related stories", "you may also like",
                                                                     "you might also like", "similar posts"):
                entries = self._related_entries(k, k1)
                if entries or self.lines[i].fate == STRIPPED:
                    self.mark(i, STRIPPED, "related-posts")
                    for g in entries:
                        self.mark(nb[g], STRIPPED, "related-posts (entry)")
            if re.fullmatch(r"(← |« )?(previous|next) (post|entry|article)( →| »)?", self.s(i), re.IGNORECASE):
                nxt = k + 1
                if nxt < k1 and self.lines[nb[nxt]].fate is None and looks_like_title(self.s(nb[nxt])):
                    self.mark(nb[nxt], STRIPPED, "post-footer (title of the neighbouring post)")
        # 5. the end of the body: author box, author bio, source attribution
        live = [k for k in ks if self.lines[nb[k]].fate is None]
        if live and k1 < len(nb) and re.match(r"view all", self.s(nb[k1]), re.IGNORECASE) and live[-1] >= 1 and \
                self.lines[nb[live[-1] - 1]].fate == METADATA and self.lines[nb[live[-1] - 1]].rule == "footer":
            # 'By Owen Pryce' / a paragraph about him / 'View all of Owen Pryce's posts.'
            self.mark(nb[live[-1]], STRIPPED, "author-bio (biography text)")
            live.pop()
        self._bio_and_source(live)
        for k in ks:
            if self.lines[nb[k]].fate is None:
                self.mark(nb[k], BODY, "body")

    def _near_boilerplate(self, k: int, k0: int, k1: int) -> bool:
        for j in (k - 1, k + 1):
            if j < k0:
                continue  # the title and byline are not boilerplate
            if j >= k1:
                return True  # the page tail is
            line = self.lines[self.nb[j]]
            if line.fate == STRIPPED or (line.fate == METADATA and line.rule == "footer"):
                return True
        return False

    def _related_entries(self, k: int, k1: int) -> list[int]:
        """Positions of a Related block's entries: groups of (post title, date line, 'In "Category"')."""
        nb, j, found = self.nb, k + 1, []
        while j < k1:
            m = j + 1
            while m < k1 and m - j <= 2 and (parse_date(self.s(nb[m])) or
                                              re.fullmatch(r"(in|with) .{1,80}|similar post", self.s(nb[m]), re.IGNORECASE)):
                m += 1
            if m == j + 1:
                break
            found.extend(range(j, m))
            j = m
        return found

    def _bio_and_source(self, live: list[int]) -> None:
        nb = self.nb
        if not live:
            return
        # 'About Jane Doe - retired GP' followed by at most one paragraph, then the end of the body.
        for pos in (len(live) - 2, len(live) - 1):
            if pos < 1:
                continue
            i = nb[live[pos]]
            bio = parse_bio(self.lines[i].text)
            if bio:
                self.fact("author", bio[0], "author bio 'About …'", i, 1)
                self.mark(i, METADATA, "author-bio")
                for later in live[pos + 1:]:
                    self.mark(nb[later], STRIPPED, "author-bio (biography text)")
                live = live[:pos]
                break
        if not live:
            return
        # 'Source: The Guardian' or 'Source: https://…' on a line of its own, anywhere in the body.
        for k in live:
            src = parse_source_inline(self.lines[nb[k]].text)
            if src and (src.startswith(("http://", "https://")) or (len(src.split()) <= 8 and not src.endswith("."))):
                self._source(src, nb[k])
                return
        # 'Source' / 'The NHS Confederation' as the last two body lines.
        i_last = nb[live[-1]]
        if len(live) >= 2 and rules.full(SOURCE_LABEL, self.s(nb[live[-2]])) and len(self.s(i_last).split()) <= 12:
            self.mark(nb[live[-2]], METADATA, "source-attribution (label)")
            self._source(self.s(i_last), i_last)

    def _source(self, value: str, i: int) -> None:
        url = re.match(r"https?://\S+$", value)
        self.fact("source_url" if url else "source", value, "source attribution", i, 2)
        self.mark(i, METADATA, "source-attribution")

    def tail(self, k0: int) -> None:
        nb = self.nb
        k = k0
        in_form = False
        while k < len(nb):
            i = nb[k]
            s = self.s(i)
            if self.lines[i].fate is not None:
                k += 1
                continue
            header = rules.full(rules.COMMENTS_HEADER, s) and (
                s[:1].isdigit() or s.lower().startswith(("one ", "no ")) or "“" in s or '"' in s or self._comment_follows(k))
            if header and not in_form:
                self.mark(i, STRIPPED, "comments-header")
                k = self._comments(k + 1)
                continue
            if rules.full(rules.COMMENT_FORM_START, s) or (rules.full(rules.SIDEBAR_HEADER, s) and k > k0):
                in_form = True
            if parse_footer(s) and (unmistakable(s) or not in_form) and self.take_footer(i, "footer", 2):
                k += 1
                continue
            if not in_form and (taken := self.take_label_pair(k, "footer")):
                k += taken
                continue
            bio = parse_bio(self.lines[i].text) if not in_form else None
            if bio:
                self.fact("author", bio[0], "author bio 'About …'", i, 1)
                self.mark(i, METADATA, "author-bio")
                if k + 1 < len(nb) and rules.any_rule(self.s(nb[k + 1])) is None:
                    self.mark(nb[k + 1], STRIPPED, "author-bio (biography text)")
                    k += 1
                k += 1
                continue
            self.mark(i, STRIPPED, rules.any_rule(s) or ("comment-form" if in_form else "page-tail")
                      + " (after the post: form, sidebar or site footer)" * (rules.any_rule(s) is None))
            k += 1

    def _comments(self, k: int) -> int:
        """Parse reader comments from position k until the comment form or sidebar; return where they end."""
        nb = self.nb
        cur: Comment | None = None
        closed = True
        base_indent = None

        def close() -> None:
            nonlocal cur, closed
            if cur is not None:
                cur.text = cur.text.strip()
                self.comments.append(cur)
            cur, closed = None, True

        while k < len(nb):
            i = nb[k]
            raw, s = self.lines[i].text, self.s(i)
            if rules.full(rules.COMMENT_FORM_START, s) or (
                    rules.full(rules.SIDEBAR_HEADER, s) and self._terminal(k, s)) or rules.strong_rule(s) in (
                    "comment-form", "site-credit", "cookie-banner", "follow-widget"):
                break
            indent = len(raw) - len(raw.lstrip(" \t\u00a0"))
            if rules.full(rules.REPLY_LINK, s):
                self.mark(i, STRIPPED, "comment-reply-link")
                close()
            elif rules.full(rules.COMMENT_CHROME, s):
                self.mark(i, STRIPPED, "comment-chrome (like button, navigation)")
            elif m := rules.PINGBACK.match(s):
                close()
                blog = m["text"].rsplit("|", 1)[-1].strip() if "|" in m["text"] else ""
                self.comments.append(Comment(author=blog, text=m["text"], kind=m["kind"].lower(), lines=[self.lines[i].no]))
                self.mark(i, COMMENT, "comment")
            elif (m := rules.REBLOG.match(s)) and cur is not None and not closed and not cur.text:
                cur.kind = "reblog"  # 'truthseeker51 says:' / date / 'Reblogged this on … and commented:'
                cur.text = raw.strip()
                cur.lines.append(self.lines[i].no)
                self.mark(i, COMMENT, "comment")
            elif m := rules.REBLOG.match(s):
                close()
                cur, closed = Comment(author=m["blog"].strip(" |") or "unknown", text="", kind="reblog",
                                      lines=[self.lines[i].no]), False
                self.mark(i, COMMENT, "comment")
            elif (closed and (self._author_line(s) or cur is None and not self.comments)) or (
                    cur is not None and cur.text and k + 1 < len(nb) and self._author_line(s) and parse_date(self.s(nb[k + 1]))):
                close()
                if base_indent is None:
                    base_indent = indent
                name, date = self._author(s)
                cur, closed = Comment(author=name, text="", depth=1 if indent > base_indent + 1 else 0,
                                      lines=[self.lines[i].no]), False
                if date:
                    cur.date, cur.date_text = date.when, date.text
                elif k + 1 < len(nb) and (d := parse_date(self.s(nb[k + 1]))):
                    cur.date, cur.date_text = d.when, d.text
                    self.mark(nb[k + 1], COMMENT, "comment")
                    cur.lines.append(self.lines[nb[k + 1]].no)
                    k += 1
                self.mark(i, COMMENT, "comment")
            elif cur is not None and cur.date is None and not cur.text and (d := parse_date(s)):
                cur.date, cur.date_text = d.when, d.text  # the date after an author badge ('Post author')
                cur.lines.append(self.lines[i].no)
                self.mark(i, COMMENT, "comment")
            else:
                # text of the open comment, or more of the last one (a paragraph after its 'Reply' link)
                target = cur if cur is not None else self.comments[-1]
                sep = "\n\n" if target.text and self.lines[i - 1].blank else ("\n" if target.text else "")
                target.text += sep + raw.strip()
                target.lines.append(self.lines[i].no)
                self.mark(i, COMMENT, "comment")
            k += 1
        close()
        return k

    @staticmethod
    def _author_line(s: str) -> bool:
        return len(s) <= 80 and not s.endswith((".", "!", "?", "”", '"'))

    @staticmethod
    def _author(s: str):
        s = re.sub(r"^\d+\.\s*", "", s).strip()
        s = re.sub(r"\s*(says|said|wrote|commented)\s*:?\s*$", "", s, flags=re.IGNORECASE)
        from .dates import find_dates
        found = find_dates(s)
        date = None
        if found and found[-1].end >= len(s) - 2:
            date = found[-1]
            s = re.sub(r"\s*(on|[|·,–-])\s*$", "", s[:date.start].rstrip(), flags=re.IGNORECASE)
        return s.strip(" |:") or "Anonymous", date

    def result(self) -> Cleaned:
        # Anything removed from between two body lines still separates them.
        body = [l if l.fate == BODY else Line(l.no, "") for l in self.lines]
        stripped = [l for l in self.lines if l.fate == STRIPPED]
        for l in self.lines:
            if l.blank:
                l.fate = None
        return Cleaned(self.title, body, self.post.facts + self.facts, self.post.comments + self.comments, stripped)


def clean(post: RawPost) -> Cleaned:
    return _Cleaner(post).run()
