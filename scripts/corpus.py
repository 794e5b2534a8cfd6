#!/usr/bin/env python3
"""Deterministic synthetic corpus in the campaign's style, for benchmarks.

    python scripts/corpus.py raw N OUTDIR [--seed S]        # N WordPress-style .txt posts
    python scripts/corpus.py markdown N OUTDIR [--seed S]   # N Pelican Markdown posts

Raw posts look like the text the campaign copied out of the browser (see ../shared/seeds): a title line,
perhaps a byline, body paragraphs separated by blank lines, "•" bullets, bare URLs, dated "Continued"
updates, and WordPress/Jetpack clutter around them (share and like blocks, footers, comment forms, reader
comments, sidebars, cookie banners). Markdown posts are what a Pelican site of the same size would hold.

Everything comes from a seeded random.Random and the standard library, so a given (n, seed) always gives
byte-identical files. Each post draws from its own generator seeded off one master stream, so the first
50 posts of a 1,000-post corpus are the 50 posts of a 50-post corpus with the same seed.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Sequence

NBSP = "\u00a0"

# --- phrase banks ----------------------------------------------------------------------------------

ORGS = [
    "NHS England", "NHS Improvement", "Monitor", "the Care Quality Commission", "the CQC", "NICE",
    "the National Institute for Health and Care Excellence", "the Department of Health", "the Treasury",
    "Public Health England", "the King’s Fund", "the Nuffield Trust", "the Health Foundation", "the BMA",
    "the Royal College of Nursing", "the Royal College of GPs", "the NHS Confederation", "NHS Providers",
    "Healthwatch", "the Health Select Committee", "the Parliamentary and Health Service Ombudsman",
    "the NHS Trust Development Authority", "Health Education England", "the local CCG",
    "Southern Health NHS Foundation Trust", "the National Audit Office",
]
PEOPLE = [
    ("Simon Stevens", "the chief executive of NHS England"),
    ("Jeremy Hunt", "the Health Secretary"),
    ("Andrew Lansley", "the architect of the 2012 reforms"),
    ("Sir Bruce Keogh", "NHS England’s medical director"),
    ("Sir Mike Richards", "the chief inspector of hospitals"),
    ("David Bennett", "then chief executive of Monitor"),
    ("Jim Mackey", "the chief executive of NHS Improvement"),
    ("Chris Ham", "chief executive of the King’s Fund"),
    ("Sarah Wollaston", "chair of the Health Select Committee"),
    ("Norman Lamb", "the former care minister"),
    ("Mark Porter", "council chair of the British Medical Association"),
    ("Steve Barnett", "chief executive of the NHS Confederation"),
]
HOSPITALS = [
    "Queen Alexandra Hospital in Portsmouth", "Southampton General Hospital",
    "the Royal Hampshire County Hospital", "Basingstoke and North Hampshire Hospital",
    "St Mary’s Hospital on the Isle of Wight", "the Royal Bournemouth Hospital", "Salisbury District Hospital",
    "Withybush Hospital", "Glangwili Hospital", "the Bristol Royal Infirmary", "Derriford Hospital",
    "the Royal Devon and Exeter Hospital", "Stafford Hospital", "Charing Cross Hospital", "Ealing Hospital",
    "the Cumberland Infirmary", "the Lister Hospital", "Frimley Park Hospital", "the Royal Cornwall Hospital",
    "the Northern General Hospital", "the Princess Royal Hospital in Telford", "Grantham Hospital",
]
TRUSTS = [
    "Southern Health NHS Foundation Trust", "Portsmouth Hospitals NHS Trust",
    "University Hospital Southampton NHS Foundation Trust", "Hampshire Hospitals NHS Foundation Trust",
    "the Isle of Wight NHS Trust", "Hywel Dda University Health Board", "North Cumbria University Hospitals",
    "Colchester Hospital University NHS Foundation Trust", "Mid Staffordshire NHS Foundation Trust",
    "the Shrewsbury and Telford Hospital NHS Trust", "United Lincolnshire Hospitals NHS Trust",
    "West London Mental Health Trust", "Sheffield Health and Social Care NHS Foundation Trust",
]
TOWNS = [
    "Southampton", "Portsmouth", "Winchester", "Basingstoke", "Andover", "Eastleigh", "Fareham", "Gosport",
    "Havant", "Totton", "Lymington", "Romsey", "Salisbury", "Bournemouth", "Poole", "Haverfordwest",
    "Carlisle", "Plymouth", "Exeter", "Truro", "Sheffield", "Stafford", "Shrewsbury", "Telford", "Lincoln",
    "Grantham", "Bristol", "Swindon", "Reading", "Oxford", "Colchester", "Stevenage",
]
COUNTIES = [
    "Hampshire", "Dorset", "Wiltshire", "Devon", "Cornwall", "Cumbria", "Essex", "Shropshire",
    "Lincolnshire", "Staffordshire", "Somerset", "Pembrokeshire", "Oxfordshire", "Berkshire", "Surrey",
    "Kent", "Norfolk", "Suffolk", "West Hampshire", "North East Hampshire",
]
POLICIES = [
    "the Health and Social Care Act 2012", "the Five Year Forward View", "the STP", "the success regime",
    "the Better Care Fund", "the four-hour A&E target", "the PFI contract", "the Naylor Review",
    "the Carter Review", "the Mazars Review", "the Francis Report", "the Keogh review", "the 1 per cent pay cap",
    "the junior doctors’ contract", "Next Steps on the Five Year Forward View", "the Cancer Drugs Fund",
    "the 18-week referral-to-treatment target", "the General Practice Forward View",
]
SERVICES = [
    "mental health services", "maternity care", "community hospital beds", "GP surgeries", "district nursing",
    "NHS 111", "ambulance response times", "learning disability services", "out-of-hours care",
    "stroke services", "children’s heart surgery", "elective surgery", "cancer treatment", "social care",
    "A&E departments", "walk-in centres", "physiotherapy", "IVF treatment", "hip and knee operations",
]
GROUPS = [
    "patients", "families", "staff", "nurses", "junior doctors", "GPs", "campaigners", "councillors",
    "carers", "consultants", "paramedics", "local MPs", "governors",
]
# Short quoted phrases, used inside a sentence ("described it as “a whitewash”").
QUOTES = [
    "a whitewash", "a humanitarian crisis", "tested to destruction", "place-based care", "care closer to home",
    "a sustainable footing", "safe, sustainable and affordable", "a once-in-a-generation opportunity",
    "commercially sensitive", "a rebranding exercise", "the toughest winter on record", "a dramatic intervention",
    "the success regime", "overblown", "closing the efficiency gap",
]
# Whole quoted statements ("said: “Lessons will be learned.”").
SAYINGS = [
    "We remain committed to improving services for all our patients.", "Lessons will be learned.",
    "No decisions have yet been made.", "We accept the recommendations in full.", "The NHS is safe in our hands.",
    "This is not a statutory body and not a new layer of bureaucracy.",
    "We all know there are parts of the country that are in systematic imbalance.",
    "There is no more money this year.", "Patients will see no change to the services they receive.",
    "We will continue to work with partners to ensure that services are safe.",
]
PREDICTIONS = [
    "more, rather than fewer, trusts will need “troubleshooting”",
    "PFI will be used as an excuse for yet more rationing",
    "the STPs will become the vehicle for closing community hospitals",
    "waiting lists will grow whatever the Treasury announces",
    "the next reorganisation will be announced before this one is finished",
    "the deficit will be blamed on the staff rather than the contract",
]
PROBLEMS = [
    "staffing crisis", "deficit", "bed shortage", "recruitment problem", "backlog", "winter crisis",
    "failure to investigate deaths", "collapse in morale", "delayed discharge problem",
]
RATINGS = ["inadequate", "requires improvement", "good", "outstanding"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AUTHORS = ["Roger Burns", "Jane Doe", "Alison Kemp", "Peter Hall", "Anne Kerr", "Sam Okafor", "Mary Blackwood"]
COMMENTERS = [
    "Ann Mitchell", "Colin Ferris", "Sue Harding", "Tom Aldridge", "Brian Talbot", "Peter Wilkins", "Jane",
    "Mary Blackwood", "Dr G. Patel", "concerned nurse", "Keith", "Margaret Oakley", "Liz Rowe",
]
CATEGORIES = [
    "A Personal View", "Rationing", "Stories in the Media", "Southern Health", "STPs", "PFI", "CQC",
    "Commissioning", "Privatisation", "A&E", "Primary care", "Mental health", "Workforce", "NHS finances",
]
TAGS = [
    "CCGs", "NHS England", "Jeremy Hunt", "Simon Stevens", "CQC", "Monitor", "NICE", "STPs", "PFI",
    "special measures", "A&E waits", "mental health", "learning disability", "Five Year Forward View",
    "Health and Social Care Act", "privatisation", "GP closures", "junior doctors", "winter crisis",
    "Mazars Review", "bed closures", "social care", "Hampshire", "Isle of Wight", "Wales", "funding",
]
SITES = ["NHS Reality Check", "NHS Watch Hampshire", "NHS Watcher", "Keep Our NHS Public Hampshire",
         "NHSreality", "truthaholics"]
DOMAINS = [
    ("www.hsj.co.uk", ["news/commissioning", "news/finance", "hsj-local/commissioners", "news/workforce"]),
    ("www.pulsetoday.co.uk", ["your-practice/practice-topics", "hot-topics/stop-practice-closures", "news"]),
    ("www.theguardian.com", ["society/2016", "society/2017", "politics/2015"]),
    ("www.bbc.co.uk", ["news/health", "news/uk-england-hampshire"]),
    ("www.england.nhs.uk", ["south/our-work", "publication", "five-year-forward-view"]),
    ("www.cqc.org.uk", ["location", "news/releases"]),
    ("www.kingsfund.org.uk", ["publications", "blog/2017"]),
    ("www.dailymail.co.uk", ["news"]),
    ("voxpoliticalonline.com", ["2017/03/23", "2016/11/02"]),
]

SENTENCES = [
    "{Org} has {verb_past} plans for {service} across {county}.",
    "{Person_role}, told the {event}: “{saying}”",
    "At {hospital}, {pct} of patients waited more than four hours in A&E in {month} {year}.",
    "{County} CCG has a deficit of {money} for {fy}.",
    "Campaigners in {town} say {service} have been cut by {pct} since {year}.",
    "A report by {org} found that {service} in {pct} of areas were not meeting the expected standards.",
    "The CQC rated {hospital} “{rating}” after an inspection in {month} {year}.",
    "Southern Health NHS Foundation Trust failed to investigate {num} unexpected deaths, according to the Mazars Review.",
    "NICE guidance on {service} is routinely ignored when money is tight.",
    "Monitor placed {trust} in special measures in {year}.",
    "The PFI contract at {hospital} will cost {money} by the time it ends in {late_year}.",
    "{Group} in {town} were told nothing until the plans were leaked to the local paper.",
    "Jeremy Hunt has promised {money} for {service}, but most of it is money already announced.",
    "Simon Stevens insists that the Five Year Forward View is about “{quote}”.",
    "Under the Health and Social Care Act 2012, CCGs must put contracts out to competitive tender.",
    "The STP for {county} assumes a {pct} fall in hospital admissions every year.",
    "Who decided this, and when?",
    "NHSreality predicts that {prediction}.",
    "In {fy} NHS England transferred {money} to clinical commissioning groups.",
    "There are {num} STP footprints in England, and not one of them has been put to a public vote.",
    "Nobody at {org} has explained what changed.",
    "It is not transformation; it is managed decline.",
    "{Org} said: “{saying}”",
    "More than {big_num} people signed the petition to keep {service} at {hospital}.",
    "The four-hour target has not been met nationally since {year}.",
    "Trolley waits at {hospital} reached {num} in {month}, the highest figure on record.",
    "Staff at {hospital} say the {problem} is the result of years of under-funding.",
    "{Trust} has been told by {org} to find savings of {money} this year.",
    "The board papers for {trust} were published three days before the meeting rather than the usual week.",
    "{Person} described {policy} as “{quote}”.",
    "{policy_cap} was meant to {goal}; instead {group} in {county} have seen {service} {worse}.",
    "Some of the hospitals in {county} are already in special measures, but the problems go much deeper.",
    "The consultation on {service} in {town} closes on {day} {month} and there has been one public meeting.",
    "When the contract was signed in {year} nobody asked whether {town} would still need it in {late_year}.",
    "Interestingly {county} is not included – and its {problem} is probably worse than any of those mentioned..",
    "I have now read {org}’s response – again full of assurances about what they will “continue to do”.",
    "The figures for {month} show {num} patients waiting more than 12 hours on trolleys.",
    "{Group} deserve better than another review.",
    "The usual answer is another restructure.",
    "Money is not the only problem, but it is the first one.",
]
GOALS = ["integrate health and social care", "save money", "cut waiting times", "put GPs in charge",
         "give patients more choice", "end the postcode lottery"]
WORSE = ["cut", "downgraded", "moved miles away", "put out to tender", "closed", "rationed"]
EVENTS = ["NHS Confederation conference", "Health Select Committee", "King’s Fund annual conference",
          "NHS Providers conference", "Today programme", "trust’s annual general meeting"]
VERBS_PAST = ["approved", "delayed", "quietly dropped", "announced", "rejected", "shelved", "published"]
HEADINGS = [
    "What the plans actually propose", "Who signed them off?", "Next steps", "New CCG ratings",
    "NHS Brexit bonus?", "{County} STP", "The money", "Postscript", "What the trust pays for",
    "Mental health wards “unsafe”", "{Hospital_short} in special measures", "Service failure at {hospital_short}",
    "The {problem}", "Pay cap: a crack in the wall?", "What happens now", "The numbers", "{Org} responds",
]
TITLES = [
    "{County} CCG", "{County} CCG and the {problem}", "{Hospital_short}: the {problem} nobody mentions",
    "STPs: {quote_title}?", "The must read stories and talking points from {weekday}",
    "Why {policy} will not {goal}", "{Org} and the {problem}", "{Num_word} things {org} won’t tell you about {service}",
    "A&E waits at {hospital_short}: the worst {month} on record", "PFI at {hospital_short}: the {money} bill",
    "Denial extends to the generic management solution – “{quote_title}”", "{Org} rates {service} “{rating}”",
    "{trust_short} board papers", "Is {org} fit for purpose?", "{Service_cap} in {town}: a consultation in name only",
    "{Person} and the {problem}", "{County} {service} cut by {pct}", "Who profits from {policy}?",
    "{Group_cap} in {town} kept in the dark", "{policy_cap}: {num_word} years on",
]
COMMENT_LINES = [
    "Our local plan was only published after the paper ran a story about it.",
    "My mother waited 14 hours at {hospital_short} on Boxing Day. The staff were wonderful but there was nowhere to put her.",
    "Nobody at the CCG has ever explained what changed.",
    "As a nurse at {hospital_short} I can confirm every word of this.",
    "Could we have a session on how to write an FOI request?",
    "Thank you for keeping on at this. The local MP has gone very quiet.",
    "The {problem} did not start in {year}; it has been building for a decade.",
    "Did anyone challenge the second report? We were told the factual accuracy process was a waste of time.",
    "Great meeting, well organised.",
    "Same story here in {town}.",
]
BULLETS = [
    "The usual, “Sincere condolences” but no apologies for the failings of {org}.",
    "The spin: not we will improve but we will “continue to improve.”",
    "{Service_cap} cut by {pct}",
    "{Hospital_short} – {problem}",
    "Write to your MP",
    "Ask your CCG for the draft plan under the Freedom of Information Act",
    "Come to our next meeting on {day} {month}",
    "Fewer acute beds, with care “moved into the community”",
    "Consolidation of {service} onto fewer sites",
    "The number of unexpected deaths investigated is given as a percentage, not a number.",
    "{Org} has still not published its review",
    "{money} for {service}, over {num_word} years",
]
NUM_WORDS = ["two", "three", "four", "five", "six", "seven", "ten"]
BIO = ("I am a retired GP and medical educator. I have supported patient participation throughout my career, "
       "and my practice has had a longstanding and active Patient Participation Group (PPG). I have taught GP "
       "trainees for 30 years.")

_SLOT = re.compile(r"\{(\w+)\}")
_START = datetime(2012, 1, 1)
_SPAN_DAYS = (datetime(2019, 12, 31) - _START).days


def _short(hospital: str) -> str:
    """'Queen Alexandra Hospital in Portsmouth' -> 'Queen Alexandra Hospital' (titles want it short)."""
    name = hospital.split(" in ")[0].split(" on ")[0]
    return name[4:] if name.startswith("the ") else name


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, at most ~60 characters, cut at a word."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > 60:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "post"


# --- text generation ---------------------------------------------------------------------------------


class Phrases:
    """Sentences, paragraphs and titles from the banks above, drawn from one post's generator."""

    def __init__(self, rng: random.Random, when: datetime) -> None:
        self.rng = rng
        self.when = when
        r = rng
        self.slots: dict[str, Callable[[], str]] = {
            "org": lambda: r.choice(ORGS),
            "person": lambda: r.choice(PEOPLE)[0],
            "person_role": lambda: "{}, {}".format(*r.choice(PEOPLE)),
            "hospital": lambda: r.choice(HOSPITALS),
            "hospital_short": lambda: _short(r.choice(HOSPITALS)),
            "trust": lambda: r.choice(TRUSTS),
            "trust_short": lambda: r.choice(TRUSTS).removeprefix("the ").replace(" NHS Foundation Trust", "")
            .replace(" NHS Trust", ""),
            "town": lambda: r.choice(TOWNS),
            "county": lambda: r.choice(COUNTIES),
            "policy": lambda: r.choice(POLICIES),
            "policy_cap": lambda: _cap(r.choice(POLICIES)),
            "service": lambda: r.choice(SERVICES),
            "service_cap": lambda: _cap(r.choice(SERVICES)),
            "group": lambda: r.choice(GROUPS),
            "group_cap": lambda: _cap(r.choice(GROUPS)),
            "quote": lambda: r.choice(QUOTES),
            "quote_title": lambda: _cap(r.choice(QUOTES)),
            "saying": lambda: r.choice(SAYINGS),
            "prediction": lambda: r.choice(PREDICTIONS),
            "problem": lambda: r.choice(PROBLEMS),
            "rating": lambda: r.choice(RATINGS),
            "goal": lambda: r.choice(GOALS),
            "worse": lambda: r.choice(WORSE),
            "event": lambda: r.choice(EVENTS),
            "verb_past": lambda: r.choice(VERBS_PAST),
            "money": self._money,
            "pct": lambda: r.choice(["{} per cent", "{}%"]).format(r.randint(3, 75)),
            "num": lambda: str(r.randint(2, 60)),
            "big_num": lambda: f"{r.randint(1, 40)},{r.randint(0, 999):03d}",
            "num_word": lambda: r.choice(NUM_WORDS),
            "year": lambda: str(r.randint(2008, when.year)),
            "late_year": lambda: str(r.randint(2030, 2049)),
            "fy": self._financial_year,
            "month": lambda: r.choice(MONTHS),
            "weekday": lambda: r.choice(WEEKDAYS),
            "day": lambda: str(r.randint(1, 28)),
        }

    def _money(self) -> str:
        r = self.rng
        return r.choice([f"£{r.randint(2, 99)}m", f"£{r.randint(1, 22)}bn", f"£{r.randint(2, 95)} million",
                         f"£{r.randint(1, 99)}.{r.randint(1, 9)}m"])

    def _financial_year(self) -> str:
        year = self.rng.randint(2012, self.when.year)
        return f"{year}/{(year + 1) % 100:02d}"

    def fill(self, template: str) -> str:
        """Each {slot} gets its own draw; a capitalised slot name capitalises the value."""
        def one(m: re.Match[str]) -> str:
            name = m.group(1)
            value = self.slots[name.lower()]()
            return _cap(value) if name[0].isupper() else value
        return _SLOT.sub(one, template).replace("s’s ", "s’ ")  # "NHS Providers’ response"

    def sentence(self) -> str:
        return self.fill(self.rng.choice(SENTENCES))

    def sentences(self, low: int, high: int) -> list[str]:
        # Distinct templates, so a paragraph does not say the same thing twice.
        return [self.fill(t) for t in self.rng.sample(SENTENCES, self.rng.randint(low, high))]

    def title(self) -> str:
        return self.fill(self.rng.choice(TITLES))

    def heading(self) -> str:
        return self.fill(self.rng.choice(HEADINGS))

    def bullets(self) -> list[str]:
        return [self.fill(b) for b in self.rng.sample(BULLETS, self.rng.randint(2, 5))]

    def url(self) -> str:
        r = self.rng
        host, sections = r.choice(DOMAINS)
        words = slugify(self.sentence()).split("-")[: r.randint(4, 9)]
        tail = r.choice(["", f"/{r.randint(5000000, 7099999)}.article", f"/{r.randint(20030000, 20039999)}.article",
                         ".html", "/"])
        url = f"https://{host}/{r.choice(sections)}/{'-'.join(words)}{tail}"
        if r.random() < 0.15:  # Jetpack share-tracking fragments, as in the seeds
            url += "#." + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
                                  for _ in range(10))
        return url

    def comment(self) -> str:
        return " ".join(self.fill(c) for c in self.rng.sample(COMMENT_LINES, self.rng.randint(1, 2)))


def _post_date(rng: random.Random) -> datetime:
    day = _START + timedelta(days=rng.randint(0, _SPAN_DAYS))
    return day.replace(hour=rng.randint(6, 23), minute=rng.randint(0, 59))


def _us_date(d: datetime) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _uk_date(d: datetime, ordinal: bool = False) -> str:
    suffix = ""
    if ordinal:
        suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return f"{d.day}{suffix} {MONTHS[d.month - 1]} {d.year}"


def _clock(d: datetime, rng: random.Random) -> str:
    if rng.random() < 0.7:
        hour = d.hour % 12 or 12
        ampm = "am" if d.hour < 12 else "pm"
        return f"{hour}:{d.minute:02d} {ampm.upper() if rng.random() < 0.3 else ampm}"
    return f"{d.hour:02d}:{d.minute:02d}"


def _unique(make: Callable[[], str], seen: set[str]) -> str:
    """Re-draw a few times, then number it: titles must not collide across a corpus."""
    for _ in range(20):
        text = make()
        if text.lower() not in seen:
            break
    base, k = text, 2
    while text.lower() in seen:
        text, k = f"{base} (part {k})", k + 1
    seen.add(text.lower())
    return text


# --- raw WordPress text -------------------------------------------------------------------------------


class RawPost:
    """One post as copied out of a browser: a list of lines, blank lines between blocks."""

    def __init__(self, rng: random.Random, title: str, when: datetime) -> None:
        self.rng = rng
        self.title = title
        self.when = when
        self.p = Phrases(rng, when)
        self.author = rng.choice(AUTHORS)
        self.cats = rng.sample(CATEGORIES, rng.choice([1, 1, 2, 3]))
        self.tags = rng.sample(TAGS, rng.randint(0, 4))
        self.n_comments = rng.choice([0, 0, 0, 1, 2, 3, 5])
        # essay: paragraphs of a few sentences; punchy: one sentence each (seed 004); digest: headed news
        # items (seed 001); press: a quoted statement in "-opened paragraphs with a Source line (seed 002).
        self.style = rng.choice(["essay", "essay", "essay", "punchy", "digest", "press"])
        self.lines: list[str] = []

    # Blocks are lists of lines; add() separates them with one blank line, as the browser copy does.
    def add(self, *lines: str) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.lines.extend(lines)

    def roughen(self, text: str) -> str:
        """Copy-paste artefacts seen in the seeds: non-breaking spaces, double spaces, trailing space."""
        r = self.rng
        if r.random() < 0.25:
            words = text.split(" ")
            i = r.randrange(len(words))
            words[i] = words[i] + NBSP
            text = " ".join(words)
        if r.random() < 0.15:
            text = text.replace(". ", ".  ", 1)
        if r.random() < 0.08:
            text += r.choice([NBSP, " ", NBSP + " "])
        return text

    def paragraph(self, low: int, high: int) -> str:
        return self.roughen(" ".join(self.p.sentences(low, high)))

    def build(self) -> str:
        r = self.rng
        if r.random() < 0.2:
            self.chrome()
        if r.random() < 0.03:  # most themes print the cookie banner last; a few put it first
            self.cookie_banner()
        self.add(self.title)
        self.byline()
        self.body()
        if r.random() < (0.6 if self.style == "press" else 0.02):
            self.add("Source", "The NHS Confederation")
        # The rest of the page, each piece optional; order follows the themes the seeds came from.
        if r.random() < 0.4:
            self.share()
        if r.random() < 0.35:
            self.like()
        if r.random() < 0.2:
            self.related()
        if r.random() < 0.6:
            self.footer()
        if r.random() < 0.15:
            self.add("Post navigation", "", "← Previous post", "Next post →")
        if r.random() < 0.25:
            if r.random() < 0.4:
                self.add(".")  # the stray full stop WordPress.com leaves above its ads
            self.add("Advertisements", *(["", "Report this ad"] if r.random() < 0.4 else []))
        if self.n_comments and len(self.lines) < 100:  # keep posts within the seeds' 20-130 lines
            self.comments()
        if len(self.lines) < 20:  # the shortest seed still has 21 lines: add the full WordPress.com form
            self.comment_form(full=True)
        elif r.random() < 0.75 and len(self.lines) < 110:
            self.comment_form()
        if r.random() < 0.15 and len(self.lines) < 100:
            self.sidebar()
        if r.random() < 0.2:
            self.add(r.choice(["Blog at WordPress.com.", "Create a free website or blog at WordPress.com.",
                               "Proudly powered by WordPress"]))
        if r.random() < 0.08:
            self.cookie_banner()
        # Browser copies usually end without a final newline.
        return "\n".join(self.lines) + ("\n" if r.random() < 0.3 else "")

    def chrome(self) -> None:
        site = self.rng.choice(SITES)
        self.add("Skip to content", site, "Menu", "Home", "About", "Contact",
                 *(["Search for:"] if self.rng.random() < 0.5 else []))

    def cookie_banner(self) -> None:
        self.add("Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use.",
                 "To find out more, including how to control cookies, see here: Cookie Policy", "", "Close and accept")

    def byline(self) -> None:
        r, d = self.rng, self.when
        choice = r.random()
        if choice < 0.3:
            self.add(f"Posted on {_us_date(d)} by {self.author}")
        elif choice < 0.4:
            self.add(f"By {r.choice(['Dr ', ''])}{self.author}", _uk_date(d))
        elif choice < 0.47:
            self.add(f"Posted by admin on {d.day:02d}/{d.month:02d}/{d.year}")
        elif choice < 0.55:
            self.add(f"{_uk_date(d, ordinal=True)} · {r.randint(2, 9)} min read")
        elif choice < 0.62:
            self.add(_us_date(d))
        # else: no byline, like most of the seeds

    def body(self) -> None:
        r = self.rng
        paragraphs = r.randint(4, 20)
        style = self.style
        if r.random() < 0.1:  # image file-name remnant under an otherwise empty line
            self.add(NBSP, "", f"__nhs_{r.choice(['structure', 'stp_map', 'ccg', 'hunt'])}{r.randint(1, 40)}_624")
        continued_at = r.randint(2, paragraphs - 1) if r.random() < 0.15 else -1
        for i in range(paragraphs):
            if i == continued_at:
                self.continued()
            if (style == "digest" and i % 4 == 0) or (style == "essay" and i > 1 and r.random() < 0.08):
                self.add(self.p.heading())
            roll = r.random()
            if roll < 0.06:
                self.add(*("  • " + b for b in self.p.bullets()))
            elif roll < 0.09:
                mark = r.choice([")", "."])
                self.add(*(f"{k}{mark} {b}" for k, b in enumerate(self.p.bullets(), 1)))
            elif roll < 0.16:
                self.add(self.p.url())
            elif roll < 0.2 and style != "press":
                self.add(f"“{self.paragraph(1, 3)}”")
            elif roll < 0.23:
                said = self.p.sentence()
                link = f", see {self.p.url()} for the details." if said.endswith(".") else f" See {self.p.url()}"
                self.add(self.roughen(said.removesuffix(".") + link))
            elif style == "press":
                self.add(f"\"{self.paragraph(2, 4)}")
            elif style == "punchy":
                self.add(self.paragraph(1, 1))
            else:
                self.add(self.paragraph(1, 5))
            if r.random() < 0.03:
                self.share()  # Jetpack sometimes lands mid-post, between two parts
        if r.random() < 0.1:
            excuse = r.choice(["off to the PPG meeting", "feeling ill"])
            self.add(f"Will complete this posting later but right now I’m {excuse}.")

    def continued(self) -> None:
        later = self.when + timedelta(days=self.rng.randint(1, 30))
        if self.rng.random() < 0.75:
            self.add(f"Continued {later.day:02d}.{later.month:02d}.{later.year % 100:02d}")
        else:
            self.add(f"Update: {_uk_date(later)}")

    def share(self) -> None:
        r = self.rng
        if r.random() < 0.3:
            buttons = [f"Click to share on {s} (Opens in new window)" for s in ("Twitter", "Facebook", "LinkedIn")]
        else:
            extra = ["Email", "Print", "More", "Reddit", "WhatsApp"]
            buttons = ["Twitter", "Facebook"] + r.sample(extra, r.randint(0, 3))
        self.add("Share this:", "", *buttons)

    def like(self) -> None:
        self.add("Like this:", "", self.rng.choice(["Like Loading...", "Be the first to like this."]))

    def related(self) -> None:
        self.add("Related")
        for _ in range(self.rng.randint(1, 3)):
            d = self.when - timedelta(days=self.rng.randint(5, 400))
            self.add(self.p.title(), _us_date(d), f"In \"{self.rng.choice(CATEGORIES)}\"")

    def footer(self) -> None:
        r = self.rng
        cats, tags = ", ".join(self.cats), ", ".join(self.tags)
        kind = r.random()
        if kind < 0.35:
            responses = {0: "Leave a comment", 1: "1 Comment"}.get(self.n_comments, f"{self.n_comments} Comments")
            tagged = f" | Tagged {tags}" if tags else ""
            self.add(f"Posted in {cats}{tagged} | {responses}")
        elif kind < 0.6:
            tagged = f" and tagged {tags}" if tags else ""
            self.add(f"This entry was posted in {cats}{tagged} on {_us_date(self.when)} by {self.author}. "
                     "Bookmark the permalink.")
        elif kind < 0.85:
            # The NHSreality theme prints an empty date and author after two blank lines; the bio follows.
            self.add("", f"This entry was posted in {cats} on by .", "", "About Roger Burns - retired GP", "", BIO)
            if r.random() < 0.3:
                self.add("View all posts by Roger Burns →")
        elif kind < 0.95:
            self.add(f"Categories: {cats}", *([f"Tags: {tags}"] if tags else []))
        else:
            self.add(f"Filed under: {self.cats[0]}")

    def comments(self) -> None:
        r, n = self.rng, self.n_comments
        if n == 1:
            self.add(r.choice(["1 Comment", f"One thought on “{self.title}”", f"One Response to “{self.title}”"]))
        else:
            self.add(r.choice([f"{n} Comments", f"{n} thoughts on “{self.title}”", f"{n} replies"]))
        numbered = r.random() < 0.5
        when = self.when
        for k in range(1, n + 1):
            when += timedelta(minutes=r.randint(20, 3000))
            pad = "    " if numbered else ""
            kind = r.random()
            if kind < 0.12:
                site = r.choice(SITES)
                pingback = f"Pingback: {self.p.title()} | {site}"
                self.add(f"  {k}. {pingback}" if numbered else pingback)
                continue
            if kind < 0.22 and numbered:
                self.add(f"  {k}. Reblogged this on | {r.choice(SITES)} and commented:",
                         *(f"{pad}{s}" for s in self.p.sentences(2, 4)), "", f"{pad}Reply")
                continue
            name = r.choice(COMMENTERS)
            stamp = f"{_us_date(when)} at {_clock(when, r)}"
            if numbered:
                head = [f"  {k}. {name}", f"{pad}{stamp}"]
            else:
                head = [name + (" says:" if r.random() < 0.2 else ""), stamp]
            self.add(*head)
            for _ in range(r.randint(1, 2)):
                self.add(pad + self.p.comment())
            self.add(*([f"{pad}Like"] if r.random() < 0.3 else []), f"{pad}Reply")

    def comment_form(self, full: bool = False) -> None:
        r = self.rng
        kind = 1.0 if full else r.random()
        if kind < 0.1:
            self.add("Comments are closed.")
            return
        if kind < 0.25:  # self-hosted WordPress
            self.add("Leave a Reply", "", "Your email address will not be published. Required fields are marked *",
                     "", "Comment", "", "Name *", "", "Email *", "", "Website", "", "Post Comment")
            return
        self.add("Leave a Reply" + (" Cancel reply" if r.random() < 0.3 else ""))
        if r.random() < 0.3:
            self.add("Enter your comment here...")
        self.add("Fill in your details below or click an icon to log in:")
        sep = r.choice(["Log Out / Change )", f"Log{NBSP}Out{NBSP}/{NBSP} Change{NBSP})"])
        accounts = ["WordPress.com", "Google", "Twitter", "Facebook", "Google+"]
        pictures = {"WordPress.com": "WordPress.com Logo", "Google": "Google photo", "Twitter": "Twitter picture",
                    "Facebook": "Facebook photo", "Google+": "Google+ photo"}
        for account in accounts[:1] + r.sample(accounts[1:], r.randint(2, 3)):
            self.add(pictures[account], "", f"You are commenting using your {account} account. {sep}")
        self.add("Connecting to %s")
        if r.random() < 0.4:
            self.add("Notify me of new comments via email.", "", "Notify me of new posts via email.", "", "Post Comment")

    def sidebar(self) -> None:
        r = self.rng
        self.add("Recent Posts", "", *(self.p.title() for _ in range(r.randint(2, 5))))
        months = sorted({(self.when - timedelta(days=31 * k)) for k in range(r.randint(2, 6))}, reverse=True)
        self.add("Archives", "", *(f"{MONTHS[m.month - 1]} {m.year}" for m in months))
        if r.random() < 0.5:
            self.add("Categories", "", *sorted(r.sample(CATEGORIES, 4)))
        self.add("Meta", "", "Register", "Log in", "Entries feed", "Comments feed", "WordPress.com")


def write_raw_posts(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write n raw WordPress-style .txt posts into folder (created if needed); return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    master = random.Random(seed)
    seen: set[str] = set()
    paths = []
    for i in range(n):
        rng = random.Random(master.getrandbits(64))
        when = _post_date(rng)
        title = _unique(Phrases(rng, when).title, seen)
        path = folder / f"{i:04d}_{rng.getrandbits(64):016x}.txt"
        path.write_text(RawPost(rng, title, when).build(), encoding="utf-8")
        paths.append(path)
    return paths


# --- Pelican Markdown ------------------------------------------------------------------------------------


def _markdown_body(rng: random.Random, p: Phrases) -> list[str]:
    blocks: list[str] = []
    for i in range(rng.randint(4, 20)):
        if i > 0 and rng.random() < 0.12:
            blocks.append(f"## {p.heading()}")
        roll = rng.random()
        if roll < 0.07:
            blocks.append("\n".join(f"- {b}" for b in p.bullets()))
        elif roll < 0.1:
            blocks.append("\n".join(f"{k}. {b}" for k, b in enumerate(p.bullets(), 1)))
        elif roll < 0.15:
            blocks.append(f"> {' '.join(p.sentences(1, 2))}")
        elif roll < 0.2:
            blocks.append(f"{p.sentence()} See [the report]({p.url()}).")
        elif roll < 0.23:
            blocks.append(f"<{p.url()}>")
        else:
            blocks.append(" ".join(p.sentences(1, 5)))
    return blocks


def write_markdown_posts(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write n Pelican Markdown posts (unique slugs, dates 2012-2019) into folder; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    master = random.Random(seed)
    titles: set[str] = set()
    slugs: set[str] = set()
    paths = []
    for _ in range(n):
        rng = random.Random(master.getrandbits(64))
        when = _post_date(rng)
        p = Phrases(rng, when)
        title = _unique(p.title, titles)
        slug = base = slugify(title)
        k = 2
        while slug in slugs:  # distinct titles can still slugify alike
            slug, k = f"{base}-{k}", k + 1
        slugs.add(slug)
        header = [
            f"Title: {title}",
            f"Date: {when:%Y-%m-%d %H:%M}",
            f"Category: {rng.choice(CATEGORIES)}",
            f"Tags: {', '.join(rng.sample(TAGS, rng.randint(1, 5)))}",
            f"Slug: {slug}",
            f"Author: {rng.choice(AUTHORS)}",
        ]
        path = folder / f"{slug}.md"
        path.write_text("\n".join(header) + "\n\n" + "\n\n".join(_markdown_body(rng, p)) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# --- command line -------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a deterministic synthetic corpus of campaign posts.")
    ap.add_argument("kind", choices=["raw", "markdown"], help="raw WordPress .txt posts or Pelican Markdown posts")
    ap.add_argument("n", type=int, help="number of posts")
    ap.add_argument("outdir", type=Path, help="folder to write into (created if needed)")
    ap.add_argument("--seed", type=int, default=0, help="same seed, same files (default 0)")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be zero or more")
    write = write_raw_posts if args.kind == "raw" else write_markdown_posts
    paths = write(args.outdir, args.n, seed=args.seed)
    print(f"wrote {len(paths)} {args.kind} posts to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
