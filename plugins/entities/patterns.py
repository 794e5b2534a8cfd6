"""Names the gazetteer lacks but naming conventions give away.

Organisations by the word that ends their name: '<Place> CCG' / 'Clinical Commissioning Group', '<Place>
Integrated Care Board', '<Name> NHS (Foundation) Trust', '<Name> Hospital(s)' / 'Infirmary', '<Name> District
Council', '<Name> Crown Court', '<Name> Ltd'; or that starts it: 'University of <Place>', 'Save <Name>'
(local campaigns). People by a title or role before them ('chief executive Katrina Percy', 'Dr Jane Doe',
'Cllr Peter Marsh') or by a given name from data/first_names.txt followed by a surname ('Graham Tull').

Speed: the matcher's one Aho–Corasick pass also finds these *anchor* words; the name is then read from the
few words just before or after each anchor. No expression ever scans a whole post: road numbers ('A34') are
anchors too, as a regular expression over each post cost more than the whole automaton pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FIRST_NAMES = Path(__file__).parent / "data" / "first_names.txt"
_BEFORE = 200  # characters before an anchor in which an organisation's name is read
_MAX_WORDS = 8
_DATES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
          "Christmas", "Easter"}
# Never inside another name: 'From next April the BSW ICB' is not an ICB called 'April the BSW'.
_HOSPITAL_WORDS = {"Hospital", "Hospitals", "Infirmary"}
_ENDS_A_NAME = {"Council", "CCG", "ICB", "Surgery", "Hospice"} | _DATES


@dataclass(frozen=True)
class Anchor:
    type: str  # ORG or PERSON
    kind: str  # ccg, icb, trust, hospital, council, court, company, university, campaign, role, given
    after: bool  # the name follows the anchor (else it precedes it)
    keep: bool  # the anchor is part of the name ('Hospital', 'University of', a given name)
    ambiguous: bool = False  # a given name that is also a word ('Will', 'May'): not at a sentence start


_SUFFIXES = {
    "ccg": ["CCG", "Clinical Commissioning Group"],
    "icb": ["Integrated Care Board", "ICB"],
    "ics": ["Integrated Care System", "Integrated Care Partnership", "Health and Care Partnership", "ICS", "ICP"],
    "trust": ["NHS Trust", "NHS Foundation Trust"],
    "hospital": ["Hospital", "Hospitals", "Infirmary"],
    "council": ["Council"],
    "court": ["Crown Court", "Magistrates’ Court", "Magistrates' Court", "Magistrates Court", "Coroner’s Court",
              "Coroner's Court", "County Court", "Employment Tribunal"],
    "company": ["Ltd", "Limited", "plc", "PLC", "LLP", "Healthcare", "Health Care", "Solutions"],
    "practice": ["Surgery", "Medical Practice", "Medical Centre", "Health Centre", "Primary Care Centre", "Clinic",
                 "Pharmacy", "Chemist", "Chemists", "School", "Primary School", "Academy", "College",
                 "Medical Group", "Primary Care Network", "PCN", "GP Federation", "Walk-in Centre",
                 "Urgent Treatment Centre", "Minor Injuries Unit"],
    "unit": ["Birth Centre", "Birthing Centre", "Maternity Unit", "Midwife-led Unit", "Hospice", "Care Home",
             "Nursing Home", "Treatment Centre", "Cancer Centre", "Mental Health Unit", "Lodge", "Dental Practice",
             "Dental Centre", "Dental Surgery", "Dental Care", "Centre", "Ward", "Unit", "Children’s Centre",
             "Children's Centre", "Family Centre", "Day Centre"],
    "service": ["Ambulance Service", "Health Board", "University Health Board", "Foundation Trust", "Trust",
                "Committee", "Commission", "Association", "Society", "Institute", "Alliance", "Federation",
                "Coalition", "Campaign", "Forum", "Partnership", "Police", "Constabulary", "Fire and Rescue Service",
                "Inquiry", "Network", "Action Group", "Campaign Group", "Support Group", "Patient Group",
                "Patients Group", "Patients’ Group", "League of Friends", "Samaritans", "Clinical Senate",
                "Foundation", "Charity", "Watch", "for Justice", "Action", "Defenders", "Supporters", "Authority",
                "Foodbank", "Food Bank", "Larder", "Men’s Shed", "Men's Shed", "Working Group", "Steering Group",
                "Task Force", "Taskforce", "Fund", "Matters", "Band", "Choir", "HOSC", "OSC", "Families",
                "Regiment", "UK"],
    "paper": ["Echo", "Chronicle", "Gazette", "Herald", "Advertiser", "Argus", "Courier", "Examiner", "Sentinel",
              "Mercury"],
    # Words that are a paper's name only after a place's ('Banbury Guardian', 'Hull Daily Mail'): the matcher checks.
    "press": ["Guardian", "Telegraph", "Post", "Times", "Mail", "News", "Star", "Standard", "Journal", "Observer",
              "Express", "Press", "Reporter", "Citizen", "Mirror", "Bulletin"],
    "street": ["Street", "Road", "Lane", "Avenue", "Square", "Way", "Close", "Drive", "Crescent", "Terrace",
               "Quay", "Gate", "Gates", "Green", "Heath", "Hill", "Moor", "Common", "Valley", "Bridge"],
    # Buildings and landmarks (a venue, a meeting place): PLACE, as streets are.
    "landmark": ["Park", "Retail Park", "Church", "Cathedral", "Chapel", "Library", "Central Library", "Town Hall",
                 "Guildhall", "Council House", "Meeting House", "Shopping Centre", "Post Office", "Monument",
                 "Castle", "Pavilion", "Pavilions", "Memorial", "Tower", "Leisure Centre", "Community Centre",
                 "Civic Centre",
                 "Village Hall", "Theatre", "Stadium", "Station", "Hall", "Assembly Hall", "Community Hall",
                 "Church Hall", "Arts Centre", "Convention Centre", "Conference Centre", "Exhibition Centre", "Hotel",
                 "Building", "Buildings", "Campus", "Gardens", "Trail", "Pier", "House", "Museum", "Minster", "Abbey",
                 "Inn", "Arms", "Tavern", "Tunnel", "Quarter", "Vale", "Pump Room"],
    "university": ["University"],
    "act": ["Act", "Order", "Regulations"],  # with a year after: 'Inquiries Act 2005' (LAW)
    "bill": ["Bill"],  # 'the Victims and Prisoners Bill' (LAW): two words or more, never after a given name
    "event": ["by-election", "By-election", "Festival", "Marathon"],  # 'the Copeland by-election' (EVENT)
    # Named reviews and plans ('Kent and Medway Stroke Review', 'Oxfordshire Transformation Programme'), not a
    # body's ('CQC Report'), nor a kind of one ('a Serious Case Review', 'the Winter Plan').
    "document": ["Review", "Report", "Programme", "Plan", "Strategy"],
}
_PREFIXES = {"university": ["University of"], "campaign": ["Save", "Friends of", "Hands Off", "Defend", "Keep",
                                                           "Support"],
             "operation": ["Operation"],  # a police or NHS operation: 'Operation Lincoln' (EVENT)
             "river": ["River"],  # 'the River Medina' (PLACE)
             "healthwatch": ["Healthwatch"],
             # 'the All-Party Parliamentary Group on Sickle Cell and Thalassaemia'
             "appg": [f"{w} {to}" for w in ("All-Party Parliamentary Group", "All Party Parliamentary Group",
                                            "APPG") for to in ("on", "for")]}
_ROLES = ["chief executive", "chief exec", "chief officer", "chair", "chairman", "chairwoman", "medical director",
          "chief nurse", "director", "health secretary", "secretary of state", "health minister", "minister",
          "councillor", "cllr", "cllr.", "dr", "dr.", "sir", "dame", "professor", "prof", "prof.", "mr", "mrs", "ms",
          "lord", "baroness", "lady"]


PLACE_KINDS = {"street", "landmark"}
_SUFFIX_TYPES = {"act": "LAW", "bill": "LAW", "event": "EVENT", "document": "DOCUMENT"}
_PREFIX_TYPES = {"operation": "EVENT", "river": "PLACE"}
# Place endings that are also surnames: after a lone given name they make a person ('Edward Heath').
_SURNAME_ENDINGS = {"Way", "Close", "Gate", "Gates", "Green", "Heath", "Hill", "Moor", "Common", "Bridge", "Park",
                    "Church", "Chapel", "Castle", "Tower", "Station", "Hall", "Ward"}


SURNAME = Anchor("PERSON", "surname", after=False, keep=True, ambiguous=True)  # 'Lansley', of a listed person


# Capitalised mid-sentence, these describe people ('Black people', 'White patients'): never a surname alone.
_DESCRIBING_PEOPLE = {"Black", "White"}


def surname_of(name: str) -> str | None:
    """The surname a person is called by alone ('Lansley' of Andrew Lansley), if it is a plain capitalised word
    that is not also a given name, a date, or a word that opens or ends a name."""
    words = name.split()
    last = words[-1] if len(words) >= 2 else ""
    if len(last) < 3 or not re.fullmatch(_SURNAME_WORD, last) or last in first_names() or last in _NOT_PEOPLE \
            or last in NOT_NAME_WORDS or last in _GENERIC or last in _OPENERS or last in _DESCRIBING_PEOPLE:
        return None
    return last


def _road_numbers() -> list[str]:
    """A roads of two to four digits ('A4' is a paper size), B roads of three or four ('B12' is a vitamin),
    motorways, and A roads built to motorway standard ('A1(M)')."""
    return [f"A{n}" for n in range(10, 10000)] + [f"A{n}(M)" for n in range(1, 1000)] + \
        [f"B{n}" for n in range(100, 10000)] + [f"M{n}" for n in range(1, 1000)]


def _case_variants(phrase: str) -> set[str]:
    return {phrase, phrase.capitalize(), phrase.title(), phrase.upper(), phrase.title().replace(" Of ", " of ")}


def load_first_names(path: Path = FIRST_NAMES) -> dict[str, bool]:
    """Given name -> whether it is also an everyday word (marked ' *' in the file)."""
    names: dict[str, bool] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                names[line.removesuffix("*").strip()] = line.endswith("*")
    return names


def anchors(given: dict[str, bool] | None = None) -> dict[str, Anchor]:
    """Every anchor word, for the matcher's automaton."""
    out: dict[str, Anchor] = {}
    for kind, words in _SUFFIXES.items():
        for w in words:
            out[w] = Anchor(_SUFFIX_TYPES.get(kind, "PLACE" if kind in PLACE_KINDS else "ORG"), kind,
                            after=False, keep=kind not in ("ccg", "icb"))
    for kind, words in _PREFIXES.items():
        for w in words:
            out[w] = Anchor(_PREFIX_TYPES.get(kind, "ORG"), kind, after=True, keep=True)
    road = Anchor("PLACE", "road", after=False, keep=True)  # one for all 21,000 road numbers
    for number in _road_numbers():
        out[number] = road
    for role in _ROLES:
        for v in _case_variants(role):
            out.setdefault(v, Anchor("PERSON", "role", after=True, keep=False))
    for name, amb in (given if given is not None else first_names()).items():
        out.setdefault(name, Anchor("PERSON", "given", after=True, keep=True, ambiguous=amb))
    return out


_WORD = re.compile(r"[A-Z][\w'’&-]*\Z")  # a capitalised word, at the end of a space-separated token
_WORDCHAR = re.compile(r"\w").match
_POSSESSIVE = re.compile(r"['’]s\Z")
# Not 'on' or 'in': 'Porthellis on Cornwall Council' and 'Princess Royal Hospital in Telford' are two names each.
_LINKS = {"and", "of", "upon", "the", "for", "&"}
# A surname: 'Percy', 'McDonald', 'O’Brien', 'Allin-Khan' (never with a possessive: 'Percy’s' is Percy).
_SURNAME_WORD = r"(?:Mc|Mac|O'|O’|D'|D’)?[A-Z][a-z]+(?:-[A-Z][a-z]+){0,2}(?![\w-])"  # 'Adoo-Kissi-Debrah'
_PERSON = re.compile(rf"\s+(?P<name>{_SURNAME_WORD}(?: {_SURNAME_WORD}){{1,2}})")  # after a role: 'Katrina Percy'
# A surname may open with lower-case particles: 'Paul von der Heyde', 'Ana da Silva', 'Jan de Vries'.
_SURNAME = re.compile(rf" (?P<s>(?:(?:von|van|de|der|den|du|da|di|del|della|dos|le|la) )*{_SURNAME_WORD})")
_RIVER_WORDS = re.compile(r"(?: [A-Z][\w'’-]*){1,2}")  # 'River Great Ouse'; never 'River X and River Y'
_AFTER_WORDS = re.compile(r"(?: (?:[A-Z][\w'’&-]*|(?:and|of|upon|&)(?= [A-Z]))){1,5}")
_SENTENCE_END = re.compile(r"(?:^|[.!?:]['\"’”)\]]*|\n)\s*['\"‘“(\[]*$")

# Capitalised words that open a sentence or a phrase rather than a name ('The Trust', 'What Somerset CCG').
_OPENERS = {
    "The", "A", "An", "Our", "Their", "This", "That", "These", "Those", "Its", "Your", "My", "His", "Her", "Every",
    "Each", "Local", "New", "Both", "Some", "All", "Many", "Most", "Other", "Any", "No", "In", "At", "By", "For",
    "What", "When", "Where", "Why", "How", "Who", "Which", "Whether", "If", "But", "And", "So", "Then", "Now",
    "Yet", "Still", "Meanwhile", "Today", "Yesterday", "Tomorrow", "Last", "Next", "Under", "Over", "After",
    "Before", "Since", "While", "Although", "Though", "Because", "As", "With", "Without", "From", "To", "On", "Of",
    "Is", "Was", "Were", "Are", "Will", "Would", "Should", "Could", "Can", "Did", "Does", "Do", "Has", "Have",
    "Had", "Even", "Only", "Just", "Also", "Not", "Nor", "Or", "Yes", "Thanks", "Dear", "Once", "Here", "There",
    "Such", "Several", "Few", "Like", "Unlike", "Despite", "Until", "Unless", "Against", "Between", "Former",
    "Interim", "Acting", "Ask", "See", "Read", "Please", "Sign", "Join", "Write", "Tell", "Let", "Meet",
    "Support", "Either", "Neither", "Whole", "Entire", "Own", "Same", "Another", "Whose", "One", "Two",
    "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "First", "Second", "Third", "Single", "Super",
    "Close", "Reopen", "Protect", "Stop", "Visit", "Email", "Follow", "Ring", "Phone", "Contact", "Donate",
    "Members", "Parents", "Residents", "Campaigners", "Volunteers", "Representatives", "Leaders", "Officials",
}
_GENERIC = {"NHS", "The", "Trust", "Hospital", "Hospitals", "CCG", "Royal", "General", "District", "Community",
            "University", "Teaching", "Foundation", "County", "City", "Our", "Borough", "Town", "Parish",
            "Metropolitan", "Council", "Crown", "Court", "Local", "National", "Health", "Care", "Social", "Mental",
            "Group", "Limited", "Ltd", "Services", "Service", "Acute", "Partnership", "Your", "Their", "Its",
            "Integrated", "Clinical", "Commissioning", "Board", "Unitary", "Combined", "Authority", "Public", "Private",
            "Medical", "Primary", "Secondary", "Select", "Joint", "Independent", "Voluntary", "Charitable",
            "Patients", "Patient", "Staff", "Trade", "High", "Main", "Urgent", "Emergency", "Cancer", "Maternity",
            "Children’s", "Children's", "Women’s", "Women's", "Day", "Walk-in", "Minor", "Injuries", "Birth",
            "Home", "Nursing", "Ambulance", "Treatment", "Hospice", "Centre", "Unit", "Surgery",
            "Practice", "Association", "Society", "Committee", "Commission", "Campaign", "Forum", "Federation",
            "Alliance", "Coalition", "Institute", "Healthcare", "Trusts",
            "Street", "Road", "Lane", "Avenue", "Square", "GP", "GPs", "PCN", "New", "Old", "Big", "Great", "Car",
            "Business", "Science", "Industrial", "Country", "Railway", "Bus", "Police", "Fire", "Village", "Leisure",
            "Shopping", "Retail", "Network", "Support", "Action",
            "Inquiry", "Charity", "Senate", "Friends", "Press", "News", "Evening", "Morning", "Daily", "Weekly",
            # the generic halves of wards, halls and centres: 'Stroke Ward', 'Sports Hall', 'Arts Centre'
            "Ward", "Wards", "Stroke", "Surgical", "Assessment", "Admissions", "Elderly", "Older", "People’s",
            "People's",
            "Family", "Hall", "Arts", "Sports", "Conference", "Convention", "Exhibition", "Building", "Buildings",
            "Campus", "Church", "Hotel", "Gardens", "Trail", "Pier", "Assembly", "House", "Watch",
            "Job", "Call", "Visitor", "Visitors", "Data", "Garden", "Contact", "Crisis", "Resource", "Advice",
            "Information", "Distribution", "Vaccination", "Test", "Testing", "Covid", "Covid-19", "Recovery",
            "Rehabilitation", "Intermediate", "Sexual", "Eye", "Dialysis", "Diagnostic", "Diagnostics", "Open",
            "Coroners", "Coroner’s", "Opera", "Safe", "Act", "Acts", "Order", "Regulations", "Clinic", "Clinics",
            "Museum", "Dental", "Festival", "Marathon", "Art", "Natural", "History", "War",
            # the generic halves of units and actions: 'Intensive Care Unit', 'Industrial Action'
            "Intensive", "Neonatal", "Renal", "Burns", "Coronary", "Dependency", "Special", "Baby", "Observation",
            "Decision", "Decisions", "Discharge", "Research", "Delivery", "Frailty", "Trauma", "Spinal",
            "Psychiatric", "Eating", "Disorders", "Mother", "Short", "Stay", "Hyper", "Critical",
            "Therapy", "Units", "Strike", "Legal", "Direct", "Positive", "Collective",
            "Affirmative", "Climate", "Further", "Pharmacy", "Online", "Bill",
            "Bills", "Energy", "Electricity", "Gas", "Water", "Phone", "Tax", "Finance", "Food", "Bank",
            "Regional", "Area", "Strategic", "Supporters", "Defenders", "Infant", "Infants", "Junior", "Grammar",
            "Sixth", "Form", "Nursery", "Free", "Working", "Steering", "Task", "Force", "Technical", "Education",
            "Training", "Coat", "Electoral",
            # the generic halves of reviews and plans: 'Serious Case Review', 'Long Term Workforce Plan'
            "Transformation", "Sustainability", "Improvement", "Cost", "Workforce", "Financial", "Annual", "Quality",
            "Capital", "Investment", "Operational", "Elective", "Term", "Long", "Year", "Forward", "View",
            "Serious", "Case", "Learning", "Rapid", "Internal", "External", "Spending", "Budget", "Judicial", "Peer",
            "Mortality", "Thematic", "Interim", "Final", "Full", "Draft", "Review", "Report", "Plan", "Programme",
            "Strategy", "Estates", "Efficiency", "Savings", "Transition", "Expert", "Access", "Safety", "Prevention",
            "People", "Digital", "Technology", "Performance", "Funding", "Pay", "Pension", "Pensions",
            "Procurement", "Consultation", "Engagement", "Operating", "Model", "Five", "Response", "Progress",
            "Quarterly", "Monthly", "Summary", "Executive",
            # funds that are a kind of money, not a charity: 'the Hardship Fund', 'a Discretionary Fund'
            "Fund", "Funds", "Hardship", "Relief", "Discretionary", "Innovation", "Contingency", "Reserve",
            "Appeal", "Drugs", "Better", "Welfare", "Benevolent", "Trustee", "Adult", "Adults", "Brass", "Jazz",
            "Gospel", "Male", "Voice", "Voices", "Matters", "Band", "Choir", "HOSC", "OSC", "Families",
            "Bereaved", "Military", "Forces", "Armed", "Foster", "Adoptive", "Troubled",
            # kinds of bill, not bills: 'a Private Member’s Bill', 'a Ten Minute Rule Bill'
            "Member’s", "Member's", "Members’", "Members'", "Ten", "Minute", "Rule", "Hybrid", "Money"}
# Words that end a would-be surname: a street, a building, an organisation, a date.
_NOT_PEOPLE = {
    "Health", "Social", "Care", "Act", "Trust", "NHS", "Service", "Services", "Board", "Council", "Committee",
    "England", "Hospital", "Hospitals", "Report", "Review", "Group", "Foundation", "Street", "Road", "Lane",
    "Avenue", "Way", "Close", "Drive", "Square", "Place", "Park", "House", "Hall", "Court", "Centre", "Center",
    "Ward", "Unit", "Wing", "Building", "Clinic", "Surgery", "Practice", "College", "School", "University",
    "Institute", "Fund", "Line", "Station", "Bridge", "Gardens", "Hill", "Estate", "Memorial", "Day",
    "Week", "Month", "Year", "Plan", "Bill", "Law", "Appeal", "Campaign", "Association", "Society",
    "Partnership", "Network", "Alliance", "Union", "Party", "Commission", "Agency", "Authority", "Office",
    "Department", "Ministry", "Government", "Parliament", "Labour", "Conservative", "Tory",
    "Liberal", "Democrat", "Democrats", "Independent", "The", "And", "Of", "Hospice", "Lodge", "Medical",
    "Mental", "General", "Royal", "Primary", "Community", "Nursing", "Ambulance", "Cancer", "Children",
    "Women", "Maternity", "Emergency", "Urgent", "Walk", "Minor", "Injuries", "Central", "North", "South", "East",
    "West", "Upper", "Lower", "Great", "Little", "St", "Saint",
} | _DATES


# A listed place with one of these after it ('Leicester South', 'Hull East') or before it ('South Thanet', 'Mid
# Sussex') is a constituency or a part of the place, a place of its own.
COMPASS_AFTER = {"North", "South", "East", "West", "Central"}
COMPASS_BEFORE = COMPASS_AFTER | {"Mid"}
# Titles before a surname: the word after one is a person, even when it is also a town ('Mr Heywood').
TITLES = {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir", "Dame", "Lord", "Lady",
          "Baroness", "Baron", "Cllr", "Cllr.", "Councillor", "Rev", "Revd", "Reverend"}

# Capitalised words that do not continue a name when they follow (or precede) one: dates, openers, titles.
NOT_NAME_WORDS = _OPENERS | _DATES | {
    "I", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "Cllr", "Professor", "Prof", "MP", "MPs",
    "NHS", "Labour", "Conservative", "Conservatives", "Tory", "Tories", "Liberal", "Lib", "Green", "Reform",
}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    name: str  # the canonical form: 'West Hampshire CCG', 'Southern Health NHS Foundation Trust'
    type: str
    kind: str  # which pattern
    name_end: int = -1  # where the name proper ends, before a suffix that the canonical form spells out


def _canonical(kind: str, text: str, start: int, name_end: int, end: int) -> str:
    """CCGs by their usual short form, ICBs by their statutory one ('NHS Frimley Integrated Care Board')."""
    if kind == "ccg":
        return text[start:name_end] + " CCG"
    if kind == "icb":
        return "NHS " + text[start:name_end] + " Integrated Care Board"
    return text[start:end]


_SMALL_WORDS = {"a", "an", "and", "the", "of", "for", "in", "on", "at", "to", "with", "by", "upon", "&", "or", "from"}
_PAPERS = {"Advertiser", "Chronicle", "Gazette", "Echo", "Post", "Times", "News", "Herald", "Mail", "Journal",
           "Telegraph", "Express", "Mirror", "Star", "Standard", "Observer", "Argus", "Courier", "Press", "Record",
           "Guardian", "Independent", "Examiner", "Sentinel", "Mercury", "Reporter", "Citizen", "Bulletin"}


def title(text: str, start: int, end: int) -> Found | None:
    """Text set in italics that reads as a title: a report ('One Hampshire: Commissioning for the Future') or,
    ending in 'Advertiser', 'Echo', 'Times'…, a newspaper. The part before any colon must be in title case."""
    raw = text[start:end]
    name = raw.strip()
    if not 2 < len(name) <= 150 or not name[0].isupper() or name[-1] in ".!?,;":
        return None
    main = name.split(":", 1)[0].split()
    content = [w for w in main if w.lower() not in _SMALL_WORDS]
    if len(main) < 2 or not content or sum(w[0].isupper() for w in content) < len(content):
        return None
    offset = start + raw.index(name)
    kind = "ORG" if main[-1] in _PAPERS and ":" not in name else "DOCUMENT"
    return Found(offset, offset + len(name), name, kind, "title")


_APPG = "All-Party Parliamentary Group "


def aliases(name: str) -> list[str]:
    """The other ways of writing a pattern-found name, shown on its page and looked up in the gazetteer."""
    if name.startswith(_APPG):
        return ["APPG " + name[len(_APPG):]]
    if name.endswith(" CCG"):
        place = name[:-4]
        return [f"{place} Clinical Commissioning Group", f"NHS {place} CCG", f"NHS {place} Clinical Commissioning Group"]
    for short, full in ((" ICS", " Integrated Care System"), (" ICP", " Integrated Care Partnership")):
        if name.endswith(short):
            return [name[:-len(short)] + full]
        if name.endswith(full):
            return [name[:-len(full)] + short]
    if name.startswith("NHS ") and name.endswith(" Integrated Care Board"):
        place = name[4:-len(" Integrated Care Board")]
        return [f"{place} Integrated Care Board", f"{place} ICB", f"NHS {place} ICB"]
    return []


@lru_cache(maxsize=4)
def first_names(path: Path = FIRST_NAMES) -> dict[str, bool]:
    return load_first_names(path)


def sentence_start(text: str, pos: int) -> bool:
    """Whether text[pos] begins a sentence, a line or a quotation (where any word has a capital)."""
    return bool(_SENTENCE_END.search(text, max(0, pos - 40), pos))


def _trim(words: list[str]) -> list[str]:
    while words and (words[0] in _OPENERS or words[0] in _LINKS):  # 'Under the Future of Acute Hospital…'
        if words[0] == "Local" and words[1:2] == ["Government"]:
            break  # 'Local Government Finance Act 1988', 'Local Government Association'
        if words[0] == "All" and words[1:2] and words[1] in ("Saints", "Souls", "Hallows"):
            break  # 'All Souls Church Hall'
        words = words[1:]
    return words


def _generic(words: list[str]) -> bool:
    return all(w in _GENERIC or w in _LINKS for w in words)


def generic_word(word: str) -> bool:
    """'Royal', 'City', 'General': a word that names a kind of thing, not one thing."""
    return word in _GENERIC or word in _OPENERS


def at_anchor(text: str, word: str, anchor: Anchor, start: int, end: int, known_ends: set[int],
              place_ends: set[int] = frozenset()) -> Found | None:
    """The name an anchor word at text[start:end] introduces or ends, if there is one.

    `known_ends` holds where the gazetteer names seen so far end, so 'Virgin Care and Reading CCG' is read
    as two bodies, not one; `place_ends` where its places end, so "Corby’s Lakeside Health Centre" is the
    centre of a place, not a centre called that.
    """
    if anchor.kind == "road":
        return Found(start, end, word, "PLACE", "road")
    if anchor.kind == "role":
        return _after_role(text, word, end)
    if anchor.kind == "given":
        return _given(text, word, anchor, start, end)
    if anchor.after:
        if anchor.kind == "campaign" and text.startswith(" the ", end) and word in _THE_CAMPAIGNS:
            end += 4  # 'Keep the Horton General', 'Save the Alex': the 'the' is part of the name
        m = (_RIVER_WORDS if anchor.kind == "river" else _AFTER_WORDS).match(text, end)
        if not m or (anchor.kind == "campaign" and not _campaign_ok(text, start, m.group())):
            return None
        words = m.group().split()
        stop = m.end()
        if _POSSESSIVE.search(words[-1]) and not (len(words) > 1 and words[-2] in ("St", "St.", "Saint")):
            stop -= 2  # 'Healthwatch Norfolk’s members'; but 'Friends of St Petroc’s' is the name
        if _generic(words) and anchor.kind not in ("campaign", "appg"):  # 'Save Our NHS', 'APPG on Cancer'
            return None
        if anchor.kind == "appg":  # 'APPG on Haemophilia …' is the All-Party Parliamentary Group on Haemophilia …
            return Found(start, stop, _APPG + text[end - len(word.rsplit(" ", 1)[1]):stop], anchor.type, anchor.kind)
        return Found(start, stop, text[start:stop], anchor.type, anchor.kind)
    if word == "Ward":
        code = _WARD_CODE.match(text, end)
        given = _GIVEN_BEFORE.search(text, max(0, start - 20), start)
        if code and not (given and given.group(1) in first_names()):  # 'Chris Ward 12 years on' is a person
            return Found(start, code.end(), text[start:code.end()], "ORG", "unit")  # 'Ward 5A', 'Ward 14'
    if start < 2 or text[start - 1] != " ":
        return None
    if word == "UK" and ((start - 1) in place_ends or (start - 1) in known_ends):
        return None  # 'London UK' is London, and a listed body's name stays its own; 'Endometriosis UK' a charity
    if anchor.kind == "document" and (start - 1) in known_ends:
        return None  # 'the CQC Report', 'NHS England’s Plan': the body's, not a name
    if anchor.kind == "act":
        year = _YEAR.match(text, end)
        if not year:
            return None  # 'an Act of Parliament', 'a court Order'
        end = year.end()
    words, name_start, nhs = _words_before(text, start - 1, known_ends, anchor.kind in _AREA_KINDS,
                                           anchor.kind == "hospital", anchor.kind not in PLACE_KINDS, place_ends)
    if not words or _generic(words) or (anchor.kind == "bill" and (len(words) < 2 or words[-1] in first_names())):
        return None  # 'Bill' after one word is a first name or a bill to pay ('Energy Bill'); 'Jo Bill' a person
    if word in _SURNAME_ENDINGS and len(words) == 1 and words[0] in first_names():
        return None  # 'Edward Heath', 'Caroline Green': a person
    name_end = start - 1
    if anchor.kind == "company" and word in ("Healthcare", "Health Care"):
        more = _COMPANY_MORE.match(text, end)  # 'Symphony Healthcare Services', 'Spire Healthcare Group'
        end = more.end() if more else end
    elif anchor.kind == "service" and _UK_AFTER.match(text, end):
        end += 3  # 'Fertility Network UK', 'Action on Smoking and Health UK': the country is part of the name
    elif anchor.kind == "street":
        more = _STREET_MORE.match(text, end)  # 'Castle Lane East', 'London Road North'
        end = more.end() if more else end
    elif word == "Theatre" and text.startswith(" Royal", end) and not _WORDCHAR(text, end + 6):
        end += 6  # 'the Georgian Theatre Royal'
    return Found(name_start - 4 if nhs else name_start, end, _canonical(anchor.kind, text, name_start, name_end, end),
                 anchor.type, anchor.kind, name_end)


_COMPANY_MORE = re.compile(r" (?:Services|Group|UK|Partnership|Solutions)(?![\w-])")
_UK_AFTER = re.compile(r" UK(?![\w-])")
_STREET_MORE = re.compile(r" (?:East|West|North|South)(?![\w'’-])(?! [A-Z])")
_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) \Z")
_WARD_CODE = re.compile(r" (?:[A-Z]{1,2}\d{1,3}[A-Z]?|\d{1,3}[A-Z]?)(?![\w-]|[.,]\d)")


_THE_CAMPAIGNS = {"Save", "Keep", "Hands Off", "Friends of"}  # 'Support the Royal College of Nursing' is a plea


def _campaign_ok(text: str, start: int, words: str) -> bool:
    """'Save Mendip General' is a campaign; 'Save Money' opening a sentence is advice."""
    return not sentence_start(text, start) or len(words.split()) >= 2


def _after_role(text: str, word: str, end: int) -> Found | None:
    m = _PERSON.match(text, end)
    if not m:
        return _titled(text, word, end)
    words = _trim(m["name"].split())
    while words and words[0] in TITLES:  # 'the chair Sir David Dalton' is David Dalton
        words = words[1:]
    if len(words) == 2 and words[0] == "Justice":  # 'Mrs Justice Ransome', a High Court judge: Ransome
        return Found(m.end("name") - len(words[1]), m.end("name"), words[1], "PERSON", "role")
    if len(words) < 2 or _generic(words) or set(words) & _NOT_PEOPLE:
        return None
    name = " ".join(words)
    return Found(m.end("name") - len(name), m.end("name"), name, "PERSON", "role")


# Titles that come before a surname alone: 'Lord Ribeiro', 'Dr Kirby', 'Professor Dilnot' (not 'Sir', which takes
# a given name).
_SURNAME_TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Lord", "Lady", "Baroness",
                   "Dame", "Cllr", "Cllr.", "Councillor"}


def _titled(text: str, word: str, end: int) -> Found | None:
    """A title and a surname alone: the matcher gives it to the post's person of that surname, or to the one
    listed person who has it, or to no one."""
    m = _SURNAME.match(text, end)
    if word not in _SURNAME_TITLES or not m or m["s"] in _NOT_PEOPLE or m["s"] in _OPENERS \
            or _CAPITAL_NEXT.match(text, m.end()):
        return None
    return Found(m.start("s"), m.end(), m["s"], "PERSON", "titled")


THE_BEFORE = re.compile(r"(?<![\w'’-])(?:the|The) \Z")
_HYPHENATED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+-\Z")
_WORD_BEFORE_GIVEN = re.compile(r"(?<![\w'’-])(?:Mr|Mrs|Ms|Lord|Lady) \Z")  # a judge's title


def _given(text: str, word: str, anchor: Anchor, start: int, end: int) -> Found | None:
    """'Graham Tull': a given name, then a capitalised surname that is not a street, a body or a date."""
    if THE_BEFORE.search(text, max(0, start - 5), start):
        return None  # 'the Bill Relief', 'the John Lewis Partnership': not a person
    m = _SURNAME.match(text, end)
    if not m:
        return _alone(text, word, anchor, start, end)
    if m["s"] in _NOT_PEOPLE or m["s"] in _OPENERS:
        return None
    if word == "Justice" and _WORD_BEFORE_GIVEN.search(text, max(0, start - 8), start):
        return Found(m.start("s"), m.end(), m["s"], "PERSON", "given")  # 'Mrs Justice Ransome' is Ransome
    stop = m.end()
    second = _SURNAME.match(text, stop)  # 'Mary Anne Smith': a second given name, then the surname
    if second and m["s"] in first_names() and second["s"] not in _NOT_PEOPLE and second["s"] not in _OPENERS:
        stop = second.end()
    if start > 1 and text[start - 1] == "-":  # 'Kerry-Ann Lunt': the given name starts before the hyphen
        first = _HYPHENATED.search(text, max(0, start - 20), start)
        if not first:
            return None
        start = first.start()
    # 'Will Smith' at a sentence start may be 'Will Smith win?': the matcher counts it only with support.
    doubtful = anchor.ambiguous and sentence_start(text, start)
    return Found(start, stop, text[start:stop], "PERSON", "given?" if doubtful else "given")


_NOT_ALONE_AFTER = re.compile(r"(?<![\w'’-])(?:St|St\.|Saint|King|Queen|Prince|Princess|Lord|Lady|Sir|Dame|Mr|Mrs|Ms|"
                              r"Miss|Dr|Baroness|Duke|Duchess|Hurricane|Storm|Operation|Camp|Fort|Port) \Z")


def _alone(text: str, word: str, anchor: Anchor, start: int, end: int) -> Found | None:
    """'Toby was nine', 'my mum Hazel': a given name on its own is a person, if it is not also a word, a
    place or a brand, does not run into another name ('Harry Potter' is read as a name elsewhere) or follow
    a title ('Queen Elizabeth', 'St John'); after 'the' (a hospital: 'the Alex') `_given` has already said
    no. The matcher gives it to the post's person of that given name or surname ('Francis' after 'Robert
    Francis')."""
    if anchor.ambiguous or word in _DATES or (end < len(text) and text[end] in "-'’&" and
                                              not text.startswith(("'s", "’s"), end)):
        return None
    if _CAPITAL_NEXT.match(text, end) or _NOT_ALONE_AFTER.search(text, max(0, start - 12), start):
        return None
    before = _CAPITAL_WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and not sentence_start(text, before.start()):
        return None  # 'Anju Mathew', 'Preet Kaur Gill': the surname of a name this list does not know
    if start and text[start - 1] in "-'’":
        return None
    return Found(start, end, word, "PERSON", "alone")


_CAPITAL_NEXT = re.compile(r" +(?:[A-Z]|&)")
_CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]* \Z")
_YEAR = re.compile(r" (?:1[89]|20)\d\d(?![\w-])")
_AREA_KINDS = {"ccg", "icb", "ics", "trust", "council"}  # named after areas: 'Cornwall and the Isles of Scilly'
_PLURALS = {"CCGs", "ICBs", "Trusts", "Councils", "Boards", "Regime"}  # 'Surrey CCGs and Surrey County Council'
_NOT_IN_NAMES = {"MP", "MPs", "MEP", "MSP"}  # never inside a name: 'the Labour MP for Colne Valley'
# The last words of the names anchors end ('Road', 'Centre', 'Friends'), but not those that also open a longer
# name ('Health and Social Care', 'Fire and Rescue'): a name ending so before an 'and' is a name of its own.
_ENDINGS = {p.split()[-1] for kind, phrases in _SUFFIXES.items() if kind not in _AREA_KINDS for p in phrases} \
    - {"Care", "Healthcare", "Health", "Service", "Trust"} | {"Centre"}
_ENDS_BEFORE_AND = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, _ENDINGS | _PLURALS))) + r") \Z")
_ENDS_BEFORE_OF = re.compile(r"(?<![\w-])(?:Committee|Board|Panel|Forum|Group|Network|Alliance) \Z")


_SAINT_BEFORE = re.compile(r"(?:\bSt\.?|\bSaint) \Z")  # "St Chad’s Church": a saint, not the country


def _words_before(text: str, stop: int, known_ends: set[int], area: bool = False,
                  hospital: bool = False, joins: bool = True, place_ends: set[int] = frozenset()
                  ) -> tuple[list[str], int, bool]:
    """The name ending at text[stop] (a space): up to 8 capitalised words, read right to left, joined by
    'of', 'and', 'the'… only where a capitalised word follows. A leading 'NHS ' is a prefix, not the name
    ('NHS Shropshire CCG' is Shropshire CCG). Names never run across a sentence end or a line, nor across
    an 'and' that follows a name the gazetteer knows; a street's or a building's name never holds an 'and'
    (`joins` False: 'Bentilee and Meir Park' is two places). Returns (words, where they start, NHS prefix)."""
    lo = max(0, stop - _BEFORE)
    tokens = text[lo:stop].split(" ")
    words: list[str] = []
    pos = stop  # where the current token ends
    for token in reversed(tokens):
        token_start = pos - len(token)
        if len(words) == _MAX_WORDS:
            break
        # A link word joins capitalised words; 'the' may follow one ('Cornwall and the Isles of Scilly').
        if token in _LINKS and words and (words[-1] not in _LINKS or (area and words[-1] == "the" and token != "the")):
            if token in ("and", "&") and (not joins or (token_start - 1) in known_ends or words[-1] == "NHS"):
                break  # 'Virgin Care and Reading …', '… Success Regime and NHS Cumbria CCG': it starts after 'and'
            if token == "the" and ((token_start - 1) in known_ends or (token_start - 1) in place_ends):
                break  # 'in Scotland the Penrose Inquiry': a listed name ends before a bare 'the'
            if not joins and token == "for":
                break  # 'the MP for Colne Valley': the place is Colne Valley
            if token == "of" and _ENDS_BEFORE_OF.search(text, max(0, token_start - 30), token_start):
                break  # 'the Scrutiny Committee of Wirral Council': the council is Wirral Council
            if token in ("and", "&") and _ENDS_BEFORE_AND.search(text, max(0, token_start - 30), token_start):
                break  # 'Linden Centre and Rochford Hospital': a name ended before the 'and'
            words.append(token)
            pos = token_start - 1
            continue
        if area and token.endswith(",") and "and" in words and words[-1] not in _LINKS:
            # 'Wrightington, Wigan and Leigh NHS Foundation Trust'; but not '… Plan, and Calderdale and …'
            m = _WORD.search(token, 0, len(token) - 1)
            if not m or (m.start() and _WORDCHAR(token[m.start() - 1])) or m.group() in _ENDS_A_NAME:
                break
            words.append(token[m.start():])  # with its comma, so the words join back into the text
            pos = token_start - 1
            if m.start():
                break
            continue
        m = _WORD.search(token)
        if not m or (m.start() and _WORDCHAR(token[m.start() - 1])):
            break
        word = m.group()
        bare = _POSSESSIVE.sub("", word)
        if bare in _ENDS_A_NAME or bare in TITLES or bare in _NOT_IN_NAMES or (bare in _HOSPITAL_WORDS and hospital):
            break  # 'Princess Royal Hospital in Telford and …'; but 'Dorset County Hospital NHS Foundation Trust'
        owner_end = token_start + m.start() + len(bare)
        if bare != word and (owner_end in known_ends or (owner_end in place_ends and
                                                         not _SAINT_BEFORE.search(text, max(0, token_start - 7),
                                                                                  token_start))):
            break  # 'Southern Health’s Parklands Hospital', "Corby’s …": the name before a possessive is another
        words.append(m.group())
        pos = token_start - 1
        if m.start():  # '(West' or '“West' or 'end.\nWest': the name starts inside the token
            break
    while words and words[-1] in _LINKS:
        words.pop()
    words.reverse()
    # Re-find where the kept words start: openers and trailing links may have been dropped.
    kept = _trim(words)
    if area and "and" in kept and "for" in kept[:kept.index("and")]:
        kept = _trim(kept[kept.index("and") + 1:])  # 'Brighter Futures for Children and Wokingham Borough Council'
    if not kept:
        return [], stop, False
    name_start = stop - len(" ".join(kept))
    if len(kept) > 1 and kept[0] == "NHS":
        return kept[1:], name_start + 4, True
    return kept, name_start, False


def resolve(found: list[Found], text: str) -> list[Found]:
    """'Katrina Percy of Southern Health NHS Foundation Trust': the trust's name starts after the person."""
    people = [f for f in found if f.type == "PERSON"]
    return people + [_after_people(f, people, text) for f in found if f.type != "PERSON"]


def _after_people(org: Found, people: list[Found], text: str) -> Found:
    for p in people:
        if org.start < p.end <= org.end:
            rest = re.match(r"\s+(?:of|at|from)\s+", text[p.end:org.end])
            if rest:
                start = p.end + rest.end()
                name_end = org.name_end if org.name_end >= 0 else org.end
                return Found(start, org.end, _canonical(org.kind, text, start, name_end, org.end), org.type,
                             org.kind, name_end)
    return org
