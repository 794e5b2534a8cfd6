"""The WordPress / Jetpack boilerplate family, as named full-line rules.

A rule matches a whole line (case-insensitive, white space folded). Three strengths:
  STRONG   unmistakable anywhere ("Share this:", "Leave a Reply", "Connecting to %s")
  WEAK     a plain word that is boilerplate only beside other boilerplate ("Twitter", "More", "Like")
  TERMINAL ends the body: what follows is comments, the comment form, sidebars and site footer
Rule names appear in the import report next to every line they strip.
"""
from __future__ import annotations

import re
from functools import lru_cache

_Q = "[\"“”'‘’«»]"


def _rx(*patterns: str) -> re.Pattern:
    return re.compile(r"(?:" + "|".join(patterns) + r")", re.IGNORECASE)


STRONG: list[tuple[str, re.Pattern]] = [
    ("share-block", _rx(r"share this( post| article| story)?:?", r"share( on| via)? (twitter|facebook|tumblr|linkedin|reddit|pinterest|whatsapp|email|pocket|telegram)",
                        r"click to (share on|email|print|share)\b.*", r"\(opens in new window\)", r"press this",
                        r"share this:? (twitter|facebook|email|print)( (twitter|facebook|email|print|linkedin|reddit|more))*",
                        r"email this", r"tweet", r"share on facebook")),
    ("like-button", _rx(r"like this:?", r"like loading\.*(…)?", r"loading\.\.\.|loading…", r"be the first to like this\.?",
                        r"liked by \d+ (person|people|others?)", r"\d+ bloggers? likes? this\.?",
                        r"(?:[\w.-]+ )?and \d+ others? liked this")),
    ("related-posts", _rx(r"you (may|might) also like:?", r"similar posts?:?", r"in " + _Q + r"[^\"“”]{1,80}" + _Q)),
    ("advert", _rx(r"advertisements?", r"report this ad", r"sponsored( content)?", r"ads by \w+")),
    ("cookie-banner", _rx(r"privacy (&|and) cookies: this site uses cookies\..*",
                          r"to find out more, including how to control cookies, see here:.*", r"close and accept",
                          r"this (website|site) uses cookies\b.*", r"accept( all)? cookies", r"cookie policy")),
    ("site-credit", _rx(r"blog at wordpress\.com\.?", r"create a (free )?(website|blog)( or blog)? at wordpress\.com\.?",
                        r"powered by wordpress\.?(com)?", r"proudly powered by wordpress\.?", r"theme:? .{1,60} by .{1,60}\.?",
                        r"website powered by wordpress\.com\.?", r"do not sell or share my personal information",)),
    ("follow-widget", _rx(r"enter your email address to (follow|subscribe to) this blog.*", r"join \d[\d,]* other (followers|subscribers)\.?",
                          r"follow( blog)? via email", r"follow .{1,60} on wordpress\.com", r"sign me up!?",
                          r"already have a wordpress\.com account\? log in now\.?", r"get new posts by email:?", r"manage subscriptions", r"collapse this bar", r"view site in reader")),
    ("rating-widget", _rx(r"rate this:?", r"rating: \d.*")),
    ("comment-form", _rx(r"leave a (reply|comment|response)( cancel reply)?", r"cancel reply", r"enter your comment here\.*(…)?",
                         r"fill in your details below or click an icon to log in:?.*", r"email \(required\).*",
                         r"\(address never made public\)", r"name \(required\)", r"you are commenting using your .{0,20}account\..*", r"connecting to %s", r"log ?out / change \)?",
                         r"\( log ?out / change \)", r"(wordpress\.com|google\+?|twitter|facebook) (logo|photo|picture)",
                         r"notify me of (new|follow-up) (comments|posts)( via email| by email)?\.?", r"post (comment|reply)",
                         r"δ", r"save my name, email, and website in this browser.*",
                         r"this site uses akismet to reduce spam\..*", r"you must be logged in to post a comment\.?",
                         r"your email address will not be published\..*", r"required fields are marked \*?", r"comments are closed\.?", r"log in to reply",
                         r"you are commenting using your account\..*")),
    ("post-footer", _rx(r"bookmark the permalink\.?", r"post navigation", r"posts navigation", r"(← |« )?previous (post|entry|article)( →)?",
                        r"next (post|entry|article)( →| »)?", r"← older posts?|newer posts? →|« older (posts|entries)|newer (posts|entries) »",
                        r"\d+ min(ute)?s? read", r"reading time:? \d+ min(ute)?s?", r"view all posts by .{1,60}",
                        r"(leave a comment|\d+ comments?|comments off|one comment)( on .{1,120})?",
                        r"posted in uncategori[sz]ed")),
    ("site-chrome", _rx(r"skip to (the )?(main )?content", r"(primary|main|top|open|close) menu", r"toggle (navigation|menu)",
                        r"search for:?", r"search this (site|blog)", r"menu toggle", r"close search", r"menu and widgets")),
    ("post-header", _rx(r"(post|entry) (author|date|categories|tags|comments)")),  # Twenty Twenty's hidden labels
    ("post-footer", _rx(r"edit [\"“].{1,200}[\"”]", r"(previous|next) post:? (previous|next):? .{1,200}", r"(previous|next) post:",
                        r"view all of .{1,60}[’']s? posts\.?( →)?")),
]

# Ordinary words and shapes that could be prose: stripped only beside other boilerplate, before the
# title, or after the body ends.
WEAK: list[tuple[str, re.Pattern]] = [
    ("share-block", _rx(r"twitter", r"facebook", r"e-?mail", r"print", r"linkedin", r"reddit", r"tumblr", r"pinterest",
                        r"pocket", r"telegram", r"whatsapp", r"skype", r"more", r"share", r"reblog", r"google\+?")),
    ("like-button", _rx(r"like", r"liked", r"\d+ likes?")),
    ("follow-widget", _rx(r"follow", r"following", r"subscribed", r"email address:?", r"customi[sz]e", r"\d[\d,]* followers",
                          r"subscribe( to (this blog|posts|our newsletter))?( via email)?:?", r"report this content")),
    ("comment-form", _rx(r"name", r"email", r"comment\s*\*?", r"reply", r"logo", r"website( \(optional\))?",
                         r"name\s*\*", r"email\s*\*")),
    ("related-posts", _rx(r"related( posts| articles| stories)?:?", r"similar post", r"with \d+ comments?")),
    ("post-footer", _rx(r"← .{1,120}", r".{1,120} →", r"« .{1,120}", r".{1,120} »", r"permalink",
                        r"edit( this (entry|post))?\.?")),
    ("advert", _rx(r"advertisement", r"privacy settings")),
    ("site-credit", _rx(r"(©|copyright).{0,80}", r"(the )?[\w.-]+ theme\.?", r"wordpress\.com\.?", r"up ↑",
                        r"back to top( ↑)?")),
    ("rating-widget", _rx(r"\d+ votes?")),
    ("site-chrome", _rx(r"search( …| \.\.\.)?", r"menu",
                        r"home( (about|contact|blog|news|archives?|donate|campaigns?|links|events|resources)\b)+.*")),
    ("sidebar", _rx(r"(recent|top) posts( & pages)?", r"recent comments", r"archives", r"categories", r"meta", r"blogroll",
                    r"entries (feed|rss)", r"comments (feed|rss)", r"log in", r"register", r"blog stats",
                    r"[\d,]+ hits", r"(january|february|march|april|may|june|july|august|september|october|november|december) \d{4}( \(\d+\))?",
                    r"select (month|category)", r"follow us", r"links", r"pages", r"calendar", r"tags", r"tag cloud",
                    r"[mtwfs]( [mtwfs]){6}", r"« \w{3}", r"\w{3} »")),
]

TERMINAL = _rx(r"leave a (reply|comment|response)( cancel reply)?", r"comments are closed\.?",
               r"you must be logged in to post a comment\.?", r"this entry was posted .*", r"posted in .*",
               r"(\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) (thoughts?|comments?|responses?|replies|reply|trackbacks?|pingbacks?)"
               r"( on| to)?( " + _Q + r".*" + _Q + r")?:?",
               r"comments \(\d+\)", r"(recent|top) posts( & pages)?", r"recent comments", r"blogroll",
               r"top posts & pages", r"view all posts by .{1,60}", r"view all of .{1,60}[’']s? posts\.?( →)?",
               r"post navigation")
COMMENTS_HEADER = _rx(
    r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten) (thoughts?|comments?|responses?|replies|trackbacks?|pingbacks?)"
    r"( on| to)?( " + _Q + r".*" + _Q + r")?:?",
    r"comments \(\d+\)", r"(\d+ )?(comments|responses|discussion|reader comments)( and trackbacks)?:?",
    r"(\d+ )?trackbacks? (and|&) pingbacks?:?",
)
# A bare "Comments" is a header only when a comment actually follows (see clean.py).
BARE_COMMENTS = _rx(r"comments|responses|discussion|reader comments")
COMMENT_FORM_START = _rx(r"leave a (reply|comment|response)( cancel reply)?", r"comments are closed\.?",
                         r"you must be logged in to post a comment\.?", r"(leave|post) a comment:?")
SIDEBAR_HEADER = _rx(r"(recent|top) posts( & pages)?", r"recent comments", r"archives", r"categories", r"meta", r"blogroll",
                     r"top posts & pages", r"blog stats", r"follow( blog)? via email", r"tags", r"tag cloud", r"calendar",
                     r"search", r"links", r"pages", r"follow us", r"subscribe( via email)?", r"email subscription")
SIDEBAR_CONFIRM = _rx(r"entries (feed|rss)", r"comments (feed|rss)", r"log in", r"register", r"blog at wordpress\.com\.?",
                      r"(january|february|march|april|may|june|july|august|september|october|november|december) \d{4}( \(\d+\))?",
                      r"(recent|top) posts( & pages)?", r"recent comments", r"archives", r"meta")

# In the comments section
REPLY_LINK = _rx(r"reply( ↓)?", r"reply to .{1,60}", r"log in to reply", r"↓ reply")
COMMENT_CHROME = _rx(r"like", r"post author", r"author", r"liked by \d+ (person|people)", r"loading\.*(…)?", r"like loading\.*(…)?", r"edit",
                     r"« older comments|newer comments »", r"\d+ likes?", r"permalink", r"report comment",
                     r"(leave|post) a comment:?")
PINGBACK = re.compile(r"^(?:\d+[.)]\s*)?(?P<kind>pingback|trackback):\s*(?P<text>.+)$", re.IGNORECASE)
REBLOG = re.compile(r"^(?:\d+\.\s*)?reblogged this on\s*\|?\s*(?P<blog>.*?)\s*(?:and commented:?)?\s*$", re.IGNORECASE)

# Site chrome before the title
CHROME = _rx(r"skip to (the )?(main )?content", r"close( search| menu)?", r"menu and widgets", r"(primary|main|top|open|close) menu", r"toggle (navigation|menu)",
             r"search for:?", r"search( …| \.\.\.)?", r"menu( toggle)?", r"search this (site|blog)",
             r"home( (about|contact|blog|news|archives?|donate|campaigns?|links|events|resources|privacy)\b.*)?",
             r"about( us)?", r"contact( us)?", r"(about|contact|blog|news|donate|campaigns?|links|events|resources)( \| .*)",
             r"follow", r"subscribe", r"reblog", r"log in", r"sign up")
ADMIN_AUTHORS = {"admin", "administrator", "webmaster", "editor", "site admin"}


def fold(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


_BULLET = re.compile(r"^(?:[•·▪◦●*-]|\d{1,2}[.)])\s+")


def _first(table: list[tuple[str, re.Pattern]], s: str) -> str | None:
    s = _BULLET.sub("", fold(s))  # share buttons are often a bulleted list: '• Twitter'
    return next((name for name, rx in table if rx.fullmatch(s)), None)


@lru_cache(maxsize=65536)  # boilerplate lines repeat across a whole archive
def strong_rule(s: str) -> str | None:
    return _first(STRONG, s)


@lru_cache(maxsize=65536)
def weak_rule(s: str) -> str | None:
    return _first(WEAK, s)


def any_rule(s: str) -> str | None:
    return strong_rule(s) or weak_rule(s)


def full(rx: re.Pattern, s: str) -> bool:
    return bool(rx.fullmatch(fold(s)))
