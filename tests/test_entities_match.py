"""The matcher: one pass, whole words, case, longest match, ambiguity, possessives, patterns, aliases."""
from pathlib import Path

import pytest

from entities.gazetteer import load_builtin, Gazetteer
from entities.match import Matcher

GAZ = Gazetteer(load_builtin(Path(__file__).parent / "fixtures" / "entities" / "gazetteer.toml"))
MATCHER = Matcher(GAZ)


def found(text: str) -> list[tuple[str, str]]:
    return [(h.entity, text[h.start:h.end]) for h in MATCHER.find(text)]


def ids(text: str) -> set[str]:
    return {e for e, _ in found(text)}


@pytest.mark.parametrize("text, want", [
    ("NHS England's plan was published.", [("nhs-england", "NHS England")]),  # possessive, longest match
    ("England and NHS England.", [("england", "England"), ("nhs-england", "NHS England")]),
    ("NHS Englandish nonsense", []),  # whole words only
    ("The CQC and the Care Quality Commission agree.", [("cqc", "CQC"), ("cqc", "Care Quality Commission")]),
    ("It was nice of them. NICE said no.", [("nice", "NICE")]),  # case matters
    ("They sang in unison. UNISON balloted members.", [("unison", "UNISON")]),
])
def test_case_boundaries_longest_and_aliases(text, want):
    assert found(text) == want


def test_ambiguous_names_need_support():
    assert ids("Monitor the figures closely.") == set()  # sentence start, nothing else: a verb
    assert ids("We wrote to Monitor, the regulator.") == {"monitor"}  # mid-sentence capital
    assert ids("Circle ran Hinchingbrooke. Circle Health then withdrew.") == {"circle"}  # supported by a full name
    assert ids("Reading the report, we found errors.") == set()
    assert ids("The trust in Reading was praised.") == {"reading"}


def test_an_ambiguous_name_opening_a_sentence_counts_when_it_has_said_something():
    assert ids("Monitor has warned the board.") == {"monitor"}  # a body that speaks
    assert ids("Monitor has to be done daily.") == set()  # a verb
    assert ids("Reading is needed, says the head.") == set()  # not a passive: 'is needed' says nothing


def test_sentence_starts_across_blocks_and_quotes():
    assert ids("The end.\n“Monitor the data,” he said.") == set()
    assert ids("Our letter:\nMonitor must act.") == set()


@pytest.mark.parametrize("text, name", [
    ("We met West Hampshire Clinical Commissioning Group today.", "West Hampshire CCG"),
    ("NHS Shropshire CCG was put in special measures.", "Shropshire CCG"),
    ("Staff at Frimley Health NHS Foundation Trust spoke out.", "Frimley Health NHS Foundation Trust"),
    ("Bristol Royal Children’s Hospital apologised.", "Bristol Royal Children’s Hospital"),
    ("The Hampshire and Isle of Wight Integrated Care Board met.", "NHS Hampshire and Isle of Wight Integrated Care Board"),
    ("said chief executive Katrina Percy on Tuesday", "Katrina Percy"),
    ("Dr Jane Doe, a GP, wrote to us.", "Jane Doe"),
])
def test_naming_patterns_find_unlisted_names(text, name):
    assert any(e.startswith("pattern:") and e.endswith(":" + name) for e, _ in found(text)), found(text)


def test_pattern_names_collapse_onto_listed_entities():
    assert ids("Southern Health NHS Foundation Trust") == {"southern-health"}
    assert ids("Sir Simon Stevens spoke.") == {"simon-stevens"}


@pytest.mark.parametrize("text", ["The Trust said no.", "Our CCG met.", "The CCGs merged.", "The NHS Trust replied.",
                                   "Health and Social Care Trust", "The Public Trust fell.", "Local GP Surgery hours",
                                   "The High Street is empty.", "Patient Association meeting"])
def test_generic_phrases_are_not_names(text):
    assert not [e for e, _ in found(text) if e.startswith("pattern:")], found(text)


@pytest.mark.parametrize("text, name", [
    ("Mendip District Council objected.", "Mendip District Council"),
    ("He was sentenced at Oxford Crown Court.", "Oxford Crown Court"),
    ("The contract went to Clearwell Urgent Care Ltd in May.", "Clearwell Urgent Care Ltd"),
    ("Researchers at the University of Bristol for NHS England found it.", "University of Bristol"),
    ("Campaigners from Save Mendip General marched.", "Save Mendip General"),
    ("Healthwatch Hampshire asked patients.", "Healthwatch Hampshire"),
    ("Staff at Leeds Teaching Hospitals Trust walked out.", "Leeds Teaching Hospitals Trust"),
    ("Riverside Surgery closed its list.", "Riverside Surgery"),
    ("Births at the Ashdown Birth Centre are paused.", "Ashdown Birth Centre"),
    ("Protesters met on Harley Street.", "Harley Street"),
    ("The files went to West Mercia Police in 2017.", "West Mercia Police"),
    ("Detectives on Operation Lincoln have spoken to families.", "Operation Lincoln"),
    ("We met outside Shrewsbury Library and walked to Frankwell Quay.", "Shrewsbury Library"),
    ("We met outside Shrewsbury Library and walked to Frankwell Quay.", "Frankwell Quay"),
    ("Volunteers from Kings Heath handed out leaflets.", "Kings Heath"),
    ("The Southend Echo ran the story.", "Southend Echo"),
    ("The Smethwick Health Action Group met on Thursday.", "Smethwick Health Action Group"),
    ("It was held at Chudleigh Town Hall on Friday.", "Chudleigh Town Hall"),
    ("Clare Lewis-Jones of Infertility Network UK told us.", "Infertility Network UK"),  # the country too
    ("She is a staff nurse on Ward 5A at the Churchill.", "Ward 5A"),  # a ward by its number
    ("Ward 14 closed in May; Ward T4 stayed open.", "Ward 14"),
    ("Ward 14 closed in May; Ward T4 stayed open.", "Ward T4"),
    ("The All-Party Parliamentary Group on Sickle Cell and Thalassaemia met.",
     "All-Party Parliamentary Group on Sickle Cell and Thalassaemia"),
    ("The APPG on Cancer met.", "All-Party Parliamentary Group on Cancer"),  # by its full name
    ("Boats on the River Medina and the River Great Ouse.", "River Medina"),  # a river, one at a time
    ("Boats on the River Medina and the River Great Ouse.", "River Great Ouse"),
    ("The hospital on Castle Lane East is full.", "Castle Lane East"),  # a compass word ends a street's name
    ("We met at the Georgian Theatre Royal in June.", "Georgian Theatre Royal"),
    ("Soldiers of the Yorkshire Regiment wait longest.", "Yorkshire Regiment"),
    ("Her mother, Rosamund Adoo-Kissi-Debrah, spoke.", "Rosamund Adoo-Kissi-Debrah"),  # two hyphens
])
def test_more_naming_patterns(text, name):
    assert any(e.endswith(":" + name) for e, _ in found(text)), found(text)


def test_an_and_after_a_known_body_starts_a_new_name():
    got = found("The deal between Circle Health and Reading and Kennet CCG collapsed.")
    assert ("circle", "Circle Health") in got
    assert any(e == "pattern:ORG:Reading and Kennet CCG" for e, _ in got), got
    # but a place before 'and' stays part of the name
    assert any(e.endswith(":NHS Hampshire and Isle of Wight Integrated Care Board") for e, _ in
               found("We met NHS Hampshire and Isle of Wight Integrated Care Board."))


def test_sentence_openers_are_not_part_of_a_name():
    assert [e for e, _ in found("What Somerset CCG wants is cuts.") if e.startswith("pattern:")] == ["pattern:ORG:Somerset CCG"]
    assert not [e for e, _ in found("One CCG becomes one ICB.") if e.startswith("pattern:")]


def test_a_post_may_shorten_a_trust_or_hospital_name():
    text = "North Wessex NHS Foundation Trust runs St Agatha’s Hospital. North Wessex said St Agatha’s was safe."
    got = found(text)
    trust = "pattern:ORG:North Wessex NHS Foundation Trust"
    hospital = "pattern:ORG:St Agatha’s Hospital"
    assert [s for e, s in got if e == trust] == ["North Wessex NHS Foundation Trust", "North Wessex"]
    assert [s for e, s in got if e == hospital] == ["St Agatha’s Hospital", "St Agatha’s"]


def test_generic_kinds_of_body_are_never_tagged(tmp_path):
    gaz = tmp_path / "g.toml"
    gaz.write_text('[[entity]]\nid = "ccgs"\nname = "Clinical commissioning groups"\ntype = "ORG"\naliases = ["CCGs"]\n'
                   'generic = true\n\n[[entity]]\nid = "nhs-england"\nname = "NHS England"\ntype = "ORG"\n', encoding="utf-8")
    m = Matcher(Gazetteer(load_builtin(gaz)))
    assert [h.entity for h in m.find("CCGs and Clinical commissioning groups answer to NHS England.")] == ["nhs-england"]


def test_ambiguous_names_with_a_possessive_or_named_mid_sentence_elsewhere():
    assert ids("Monitor’s chief executive resigned.") == {"monitor"}  # a verb takes no possessive
    assert ids("Monitor, the regulator, agreed. We had written to Monitor.") == {"monitor"}
    hits = MATCHER.find("Monitor the figures. We had written to Monitor.")
    assert [(h.start, h.weak) for h in hits] == [(0, True), (39, False)]  # counted, but only the second is plain


def test_italic_titles_name_reports_and_papers():
    def titled(text, phrase):
        start = text.index(phrase)
        return [(h.entity, text[h.start:h.end]) for h in MATCHER.find(text, [(start, start + len(phrase))])]
    text = "They published One Hampshire: Commissioning for the Future last week."
    assert titled(text, "One Hampshire: Commissioning for the Future") == \
        [("pattern:DOCUMENT:One Hampshire: Commissioning for the Future", "One Hampshire: Commissioning for the Future")]
    assert titled("He told the Andover Advertiser so.", "Andover Advertiser") == \
        [("pattern:ORG:Andover Advertiser", "Andover Advertiser")]
    assert titled("It was really not good enough.", "really not good enough") == []  # emphasis, not a title


def test_pattern_names_have_their_other_spellings():
    from entities.patterns import aliases
    assert "West Hampshire Clinical Commissioning Group" in aliases("West Hampshire CCG")
    assert "Frimley ICB" in aliases("NHS Frimley Integrated Care Board")


def test_a_place_running_into_another_capitalised_word_is_part_of_an_unknown_name():
    assert "reading" not in ids("Fans of Reading United marched.")  # 'Reading United' is not the town
    assert ids("The Reading unit closed.") == {"reading"}


def test_names_with_and_the_and_prefixes():
    assert any(e.endswith(":NHS Cornwall and the Isles of Scilly Integrated Care Board") for e, _ in
               found("We wrote to NHS Cornwall and the Isles of Scilly Integrated Care Board last week."))
    assert any(e.endswith(":Friends of St Petroc’s") for e, _ in found("Money raised by Friends of St Petroc’s helped."))
    from entities.patterns import aliases
    assert aliases("Cornwall ICS") == ["Cornwall Integrated Care System"]


def test_a_sentence_start_name_followed_by_a_comma_or_a_past_verb_is_a_name():
    assert ids("Monitor, the regulator, agreed.") == {"monitor"}
    assert ids("Monitor authorised the trust.") == {"monitor"}
    assert ids("Monitor the trust closely.") == set()


def test_a_town_after_a_title_is_a_surname_and_nhs_before_a_place_is_a_body():
    assert ids("Mr Reading said so.") == set()
    got = found("Patients of NHS Reading were told.")
    assert got == [("pattern:ORG:NHS Reading", "NHS Reading")]


def test_two_hospitals_in_one_phrase_stay_two():
    got = [e for e, _ in found("at the Princess Royal Hospital in Telford and the Royal Shrewsbury Hospital.")]
    assert "pattern:ORG:Princess Royal Hospital" in got and "pattern:ORG:Royal Shrewsbury Hospital" in got


def test_campaigns_units_and_dates_in_names():
    assert any(e.endswith(":Hands Off Halifax General") for e, _ in found("Marchers from Hands Off Halifax General came."))
    assert any(e.endswith(":Hawthorn Lodge") for e, _ in found("Patients at Hawthorn Lodge were restrained."))
    assert not any("April" in e for e, _ in found("From next April the BSW ICB will commission dentistry."))


def test_a_doubtful_given_name_at_a_sentence_start_needs_support_or_a_comma():
    assert any(e.endswith(":Grace Adebayo") for e, _ in found("Grace Adebayo, a midwife, spoke."))
    assert not [e for e, _ in found("Will Smith win?") if e.startswith("pattern:PERSON")]
    m = _matcher(("oldham", "Oldham", "PLACE"), ("gm", "Greater Manchester", "PLACE"))
    # A listed place after the doubtful given name: a comma is no help, and the place still counts.
    text = "Our questions:\n3. Will Oldham, one of the poorest boroughs, get a fair share?"
    assert [(h.entity, text[h.start:h.end]) for h in m.find(text)] == [("oldham", "Oldham")]
    # A month before a place's name is no given name: 'May Greater' is not a person.
    assert [h.entity for h in m.find("On 4 May Greater Manchester elects a mayor.")] == ["gm"]


@pytest.mark.parametrize("text, want", [
    ("In May Simon Stevens said so.", {"simon-stevens"}),  # 'May' is the month, not a given name
    ("Southern Health’s Parklands Hospital closed.", {"southern-health", "pattern:ORG:Parklands Hospital"}),
    ("At Tuesday’s Havant Borough Council meeting.", {"pattern:ORG:Havant Borough Council"}),
    ("Dorset County Hospital NHS Foundation Trust", {"pattern:ORG:Dorset County Hospital NHS Foundation Trust"}),
    ("The chair Sir Jim Dobbs said.", {"pattern:PERSON:Jim Dobbs"}),
    ("Save Our NHS marched.", {"pattern:ORG:Save Our NHS"}),
])
def test_review_cases(text, want):
    assert ids(text) == want


def test_straight_and_curly_apostrophes_are_one_entity():
    assert ids("St Mary’s Hospital and St Mary's Hospital") == {"pattern:ORG:St Mary’s Hospital"}


def test_landmarks_and_streets_end_before_and_and_possessives():
    names = [n for e, n in found("Beds at Dudley Road and Sandwell General Hospital went. Healthwatch Norfolk’s survey "
                                 "and the Friends of St Petroc’s stall.") if e.startswith("pattern:")]
    assert names == ["Dudley Road", "Sandwell General Hospital", "Healthwatch Norfolk", "Friends of St Petroc’s"]


def test_a_given_name_before_a_surname_like_place_ending_is_a_person():
    hits = dict((n, e) for e, n in found("The late Edward Heath opened it, near Hampstead Heath."))
    assert hits["Edward Heath"].startswith("pattern:PERSON:") and hits["Hampstead Heath"].startswith("pattern:PLACE:")


def test_shipped_places_find_villages_not_months_words_or_surnames():
    from entities.settings import DEFAULTS
    gaz = Gazetteer([e for f in DEFAULTS["ENTITIES_GAZETTEER"] for e in load_builtin(Path(f))])
    text = ("In March 2019 Owen Hartley told a meeting in Chudleigh that the unit would close. Hartley said it was "
            "final; he lives in Bovey Tracey.")
    got = {gaz.by_id[h.entity].name if h.entity in gaz.by_id else h.entity for h in Matcher(gaz).find(text)}
    assert {"Chudleigh", "Bovey Tracey", "pattern:PERSON:Owen Hartley"} <= got
    assert not {"March", "Hartley"} & got and "Hartley" in gaz.by_name  # the village exists, the person wins


def pattern_names(text: str, matcher=MATCHER) -> set[tuple[str, str]]:
    """(type, name) of each pattern-found entity."""
    return {tuple(h.entity.split(":", 2)[1:]) for h in matcher.find(text) if h.entity.startswith("pattern:")}


@pytest.mark.parametrize("text, want", [
    ("Traffic queued on the A34, the B1234 and the M2, then the A1(M).",
     {("PLACE", "A34"), ("PLACE", "B1234"), ("PLACE", "M2"), ("PLACE", "A1(M)")}),
    ("Print it on A4 paper; a lack of B12 is common.", set()),  # paper sizes and vitamins are not roads
    ("The MP for Reading East and the voters of North Hampshire.", {("PLACE", "Reading East"), ("PLACE", "North Hampshire")}),
    ("Reading East Street was closed.", {("PLACE", "Reading East Street")}),  # a street, not the constituency
    ("She was moved to Hawthorn Ward, then to the Stroke Ward.", {("ORG", "Hawthorn Ward")}),
    ("The hustings were at Islington Assembly Hall and the Swindon Arts Centre.",
     {("PLACE", "Islington Assembly Hall"), ("PLACE", "Swindon Arts Centre")}),
    ("Families in Bentilee and Hanley Park lost out.", {("PLACE", "Hanley Park")}),  # a place name holds no 'and'
    ("Bentilee Children’s Centre closed.", {("ORG", "Bentilee Children’s Centre")}),
    ("Her case went to Nottingham Employment Tribunal.", {("ORG", "Nottingham Employment Tribunal")}),
    ("Mrs Justice Ransome dismissed the claim.", {("PERSON", "Ransome")}),  # a judge, not a Justice Ransome
    ("Under the Future of Acute Hospital plan, beds went.", {("ORG", "Future of Acute Hospital")}),  # no 'the'
])
def test_places_venues_wards_roads_and_judges(text, want):
    assert pattern_names(text) == want


def test_claire_ward_is_a_person_not_a_ward():
    assert not any(t == "ORG" for t, _ in pattern_names("Claire Ward spoke for the Labour group."))


def test_hospitals_by_their_short_names_and_companies_without_ltd():
    from entities.gazetteer import Entity
    gaz = Gazetteer([Entity("leicester-general", "Leicester General Hospital", "ORG"),
                     Entity("royal-oldham", "Royal Oldham Hospital", "ORG"),
                     Entity("princess-royal", "Princess Royal Hospital", "ORG"),
                     Entity("pilgrim", "Pilgrim Hospital", "ORG"),
                     Entity("nhsps", "NHS Property Services", "ORG")])
    m = Matcher(gaz)
    got = {h.entity for h in m.find("Beds at Leicester General and the Royal Oldham were full; Pilgrim was not. "
                                    "The Princess Royal visited. NHS Property Services Ltd sent the bill.")}
    assert got == {"leicester-general", "royal-oldham", "pilgrim", "nhsps"}  # not the princess
    assert "pilgrim" not in {h.entity for h in m.find("Pilgrim was not.")}  # a sentence start needs support


def test_a_doubtful_name_at_a_sentence_start_counts_once_the_post_names_the_person_again():
    # 'Grace' is also a word, so 'Grace Otieno' opening a sentence needs support: her surname, or 'Grace'
    # mid-sentence, elsewhere in the post.
    assert ("PERSON", "Grace Otieno") not in pattern_names("Grace Otieno was dismissed in May.")
    assert ("PERSON", "Grace Otieno") in pattern_names("Grace Otieno was dismissed in May. Otieno appealed.")
    assert ("PERSON", "Grace Otieno") in pattern_names("Grace Otieno was dismissed. We sat with Grace all day.")
    assert ("PERSON", "Grace Otieno") not in pattern_names("Grace Otieno was dismissed.\nGrace is what we need.")


@pytest.mark.parametrize("text, want", [
    ("Under the Inquiries Act 2005 and the Localism Act 2011, but not an Act of Parliament.",
     {("LAW", "Inquiries Act 2005"), ("LAW", "Localism Act 2011")}),
    ("The Anaesthesia Associates and Physician Associates Order 2024 was laid; a court Order followed.",
     {("LAW", "Anaesthesia Associates and Physician Associates Order 2024")}),
    ("Beds at the Linden Centre, not the Job Centre; then Oakwood House.",
     {("ORG", "Linden Centre"), ("PLACE", "Oakwood House")}),
    ("Essex Families for Justice and Berkshire NHS Watch met.",
     {("ORG", "Essex Families for Justice"), ("ORG", "Berkshire NHS Watch")}),
    ("Cllr Geoffrey Honeywill of Teignbridge District Council voted.",  # a person, then his council
     {("PERSON", "Geoffrey Honeywill"), ("ORG", "Teignbridge District Council")}),
])
def test_acts_centres_groups_and_people_of_bodies(text, want):
    assert pattern_names(text) == want


def test_a_company_is_named_again_without_ltd():
    hits = [(h.entity, h) for h in MATCHER.find("Minster Elective Care Ltd won. Minster Elective Care left.")]
    assert [e for e, _ in hits] == ["pattern:ORG:Minster Elective Care Ltd"] * 2


@pytest.mark.parametrize("text, want", [
    ("The Overview and Scrutiny Committee of Wirral Council agreed.",  # a committee 'of' a council: two bodies
     {("ORG", "Overview and Scrutiny Committee"), ("ORG", "Wirral Council")}),
    ("Hampshire CCGs and Reading Borough Council agreed.", {("ORG", "Reading Borough Council")}),
    ("The Success Regime and NHS Hampshire CCG met.", {("ORG", "Hampshire CCG")}),  # 'NHS' starts a new name
    ("Eastham Clinic and Parkfield Medical Centre merged.",
     {("ORG", "Eastham Clinic"), ("ORG", "Parkfield Medical Centre")}),
    ("The Labour MP for Colne Valley spoke.", {("PLACE", "Colne Valley")}),  # the place, not the MP
    ("Kerry-Ann Lunt told us.", {("PERSON", "Kerry-Ann Lunt")}),  # not 'Ann Lunt'
    ("The Copeland by-election was held.", {("EVENT", "Copeland by-election")}),
    ("We met at the Beacon Museum.", {("PLACE", "Beacon Museum")}),
])
def test_names_end_where_the_next_name_starts(text, want):
    assert pattern_names(text) == want


def test_a_listed_hospital_by_its_short_name_later_in_the_post():
    from entities.gazetteer import Entity
    gaz = Gazetteer([Entity("wch", "West Cumberland Hospital", "ORG"), Entity("cumberland", "Cumberland", "PLACE")])
    text = "Births stay at West Cumberland Hospital. The unit at West Cumberland is safe."
    assert [(h.entity, text[h.start:h.end]) for h in Matcher(gaz).find(text)] == \
        [("wch", "West Cumberland Hospital"), ("wch", "West Cumberland")]  # not the place West Cumberland
    assert {h.entity for h in Matcher(gaz).find("The unit at West Cumberland is safe.")} != {"wch"}


def test_a_given_name_alone_is_the_posts_person_of_that_name_or_a_person_of_its_own():
    text = "Julie Bailey wrote to us. Julie said no; Bailey agreed. Toby was nine. At the Alex, Alan waited."
    got = [(e, text[h.start:h.end]) for e, h in ((h.entity, h) for h in MATCHER.find(text))]
    people = {name: e for e, name in got}
    assert people["Julie"] == people["Julie Bailey"]  # the same person, by given name
    assert people["Toby"] == "pattern:PERSON:Toby" and people["Alan"] == "pattern:PERSON:Alan"
    assert "Alex" not in people  # 'the Alex' is a hospital's nickname, not a person
    assert pattern_names("Queen Elizabeth opened it; St John came.") == set()  # titles and saints
    assert pattern_names("Grace is what we need.") == set()  # a given name that is also a word


def test_a_surname_alone_is_the_posts_person_of_that_surname():
    # 'Francis' is a given name too; after 'Robert Francis' it is his surname.
    text = "Robert Francis reported. Francis said the culture must change."
    assert {h.entity for h in MATCHER.find(text)} == {"pattern:PERSON:Robert Francis"}


@pytest.mark.parametrize("text, want", [
    ("Thanet Stroke Action met; staff took Industrial Action.", {("ORG", "Thanet Stroke Action")}),
    ("Beds at the Hazelwood Unit, not the Intensive Care Unit.", {("ORG", "Hazelwood Unit")}),
    ("Support Stafford Hospital marched.", {("ORG", "Support Stafford Hospital")}),
])
def test_groups_and_units_by_their_last_or_first_word(text, want):
    assert pattern_names(text) == want


def test_a_possessive_ends_the_name_before_a_place_and_hyphenated_places_are_found_spaced():
    from entities.gazetteer import Entity
    gaz = Gazetteer([Entity("rcn", "Royal College of Nursing", "ORG"), Entity("em", "East Midlands", "PLACE"),
                     Entity("sot", "Stoke-on-Trent", "PLACE")])
    m = Matcher(gaz)
    assert {h.entity for h in m.find("The Royal College of Nursing’s East Midlands office objected.")} == {"rcn", "em"}
    assert {h.entity for h in m.find("Families in Stoke on Trent and Stoke-on-Trent.")} == {"sot"}


@pytest.mark.parametrize("text, want", [
    ("Wrightington, Wigan and Leigh NHS Foundation Trust runs it.",
     {("ORG", "Wrightington, Wigan and Leigh NHS Foundation Trust")}),
    ("The Plan, and Calderdale and Huddersfield NHS Foundation Trust too.",  # a list's comma is not a name's
     {("ORG", "Calderdale and Huddersfield NHS Foundation Trust")}),
    ("The Victims and Prisoners Bill passed; my Energy Bill rose.", {("LAW", "Victims and Prisoners Bill")}),
    ("She brought a Private Member's Bill, then a Ten Minute Rule Bill.", set()),  # kinds of bill
    ("Horton Park Pharmacy closed; Coventry Foodbank opened.",
     {("ORG", "Horton Park Pharmacy"), ("ORG", "Coventry Foodbank")}),
    ("Weston Hospital Defenders wrote to the Gangmasters and Labour Abuse Authority, not the local authority.",
     {("ORG", "Weston Hospital Defenders"), ("ORG", "Gangmasters and Labour Abuse Authority")}),
    ("The Bill Relief fund paid out.", set()),  # 'the' before a given name: not a person
])
def test_lists_in_names_bills_pharmacies_and_groups(text, want):
    assert pattern_names(text) == want


def test_local_government_acts_and_a_given_name_after_another_capitalised_word():
    assert pattern_names("Under the Local Government Finance Act 1988 councils pay.") == \
        {("LAW", "Local Government Finance Act 1988")}  # 'Local' opens the name here, not the sentence
    # 'Anju' is not on the list of given names; 'Mathew' after it is her surname, not a person called Mathew.
    assert ("PERSON", "Mathew") not in pattern_names("Nurse Anju Mathew said no.")


def _matcher(*entities):
    from entities.gazetteer import Entity
    return Matcher(Gazetteer([Entity(*e[:3], **(e[3] if len(e) > 3 else {})) for e in entities]))


def test_a_bare_the_after_a_listed_name_starts_a_new_name():
    m = _matcher(("scotland", "Scotland", "PLACE"), ("cornwall", "Cornwall", "PLACE"))
    assert pattern_names("In Scotland the Penrose Inquiry reported in 2015.", m) == {("ORG", "Penrose Inquiry")}
    # After a link word, 'the' still joins a name.
    assert pattern_names("Cornwall and the Isles of Scilly Health and Care Partnership met.", m) == \
        {("ORG", "Cornwall and the Isles of Scilly Health and Care Partnership")}


def test_a_ward_number_is_a_capitalised_ward_only():
    text = "In ward 3 the council won. Chris Ward 12 years on spoke of Ward 2019 plans."
    assert not [h for h in MATCHER.find(text) if "Ward" in text[h.start:h.end] and h.entity.startswith("pattern:ORG")]


def test_names_inside_a_longer_keys_failed_prefix_are_still_found():
    # A key that the text follows for four words and then leaves ('The Queen Elizabeth Hospital' then 'in'):
    # the names that begin inside it must still be found (pyahocorasick's iter_long lost them, its issue #133).
    m = _matcher(("qeh-trust", "The Queen Elizabeth Hospital King Lynn NHS Foundation Trust", "ORG",
                  {"aliases": ["Queen Elizabeth Hospital King Lynn"]}), ("lynn", "King Lynn", "PLACE"))
    text = "Patients at The Queen Elizabeth Hospital in King Lynn wait longest."
    assert [text[h.start:h.end] for h in m.find(text)] == ["Queen Elizabeth Hospital", "King Lynn"]


def test_a_hyphenated_place_is_also_known_spaced(tmp_path):
    from entities.gazetteer import build
    from entities.settings import configure
    data = tmp_path / "places.toml"
    data.write_text('[[entity]]\nid = "stoke"\nname = "Stoke-on-Trent"\ntype = "PLACE"\n', encoding="utf-8")
    gaz = build(configure({"PATH": str(tmp_path), "ENTITIES_GAZETTEER": [str(data)]}), lambda path: ("", {}))
    assert gaz.by_id["stoke"].aliases == ["Stoke on Trent"]  # shown on its page, and in entities.json
    assert [h.entity for h in Matcher(gaz).find("From Stoke on Trent to Stoke-on-Trent.")] == ["stoke", "stoke"]


def test_a_bill_is_the_act_it_became_where_one_act_has_that_name():
    m = _matcher(("env-act", "Environment Act 2021", "LAW"), ("mha-1983", "Mental Health Act 1983", "LAW"),
                 ("mha-2007", "Mental Health Act 2007", "LAW"))
    assert [h.entity for h in m.find("MPs debated the Environment Bill.")] == ["env-act"]
    # Two Mental Health Acts: which one a Bill became is not for the matcher to guess.
    assert not {h.entity for h in m.find("MPs debated the Mental Health Bill.")} & {"mha-1983", "mha-2007"}


def test_a_hospitals_one_word_name_that_is_the_posts_persons_surname_is_the_person():
    m = _matcher(("corbett", "Corbett Hospital", "ORG"))
    text = "Hannah Corbett lost her baby. Corbett has campaigned ever since."
    assert [h.entity for h in m.find(text)] == ["pattern:PERSON:Hannah Corbett"]
    assert [h.entity for h in m.find("Patients at Corbett were moved.")] == ["corbett"]


def test_a_straight_apostrophe_in_a_listed_name_matches_a_curly_one():
    m = _matcher(("kings-cross", "King's Cross", "PLACE"))
    assert [h.entity for h in m.find("Sleeping rough at King’s Cross and King's Cross.")] == ["kings-cross"] * 2


def test_a_bodys_initials_stand_for_it_in_the_post_that_names_it():
    m = _matcher(("bristol-ri", "Bristol Royal Infirmary", "ORG", {"aliases": ["BRI"]}),
                 ("bradford-ri", "Bradford Royal Infirmary", "ORG"))
    def got(text):
        return [(h.entity, text[h.start:h.end]) for h in m.find(text)]
    assert got("Bradford Royal Infirmary is busy; porters at the BRI walked out.") == \
        [("bradford-ri", "Bradford Royal Infirmary"), ("bradford-ri", "BRI")]
    assert got("Porters at the BRI walked out.") == [("bristol-ri", "BRI")]  # the gazetteer's, where no other
    # Where the post names the gazetteer's body as well, the initials stay with it.
    assert got("Bristol Royal Infirmary and Bradford Royal Infirmary: the BRI.")[-1] == ("bristol-ri", "BRI")
    # An unlisted trust, shortened without its 'NHS Foundation Trust'; never a person's initials.
    assert got("Oxford University Hospitals NHS Foundation Trust (OUH) said OUH would.")[1:] == \
        [("pattern:ORG:Oxford University Hospitals NHS Foundation Trust", "OUH")] * 2
    assert [e for e, _ in got("Dr John Adam Smith, or JAS, said so.")] == ["pattern:PERSON:John Adam Smith"]


def test_local_papers_are_named_after_a_listed_place():
    m = _matcher(("banbury", "Banbury", "PLACE"), ("hull", "Hull", "PLACE"), ("nhse", "NHS England", "ORG"),
                 ("guardian", "The Guardian", "ORG", {"aliases": ["Guardian"]}))
    assert pattern_names("We told the Banbury Guardian and the Hull Daily Mail.", m) == \
        {("ORG", "Banbury Guardian"), ("ORG", "Hull Daily Mail")}
    # After a word that is not a listed place, or after a body, these words are not a paper's name.
    assert pattern_names("Staff News said so; NHS England Press office replied; the Sunday Guardian too.", m) == set()
    assert {h.entity for h in m.find("He reads the Guardian.")} == {"guardian"}


@pytest.mark.parametrize("text, want", [
    ("Campaigners from Keep the Horton General marched.", {("ORG", "Keep the Horton General")}),
    ("Pupils at Elmfield Rise Primary School and Cheshire College wrote.",
     {("ORG", "Elmfield Rise Primary School"), ("ORG", "Cheshire College")}),
    ("The Horton Maternity Working Group met at the Marsden Inn.",
     {("ORG", "Horton Maternity Working Group"), ("PLACE", "Marsden Inn")}),
    ("Queues in the Tyne Tunnel; a rally at Newport Minster.", {("PLACE", "Tyne Tunnel"), ("PLACE", "Newport Minster")}),
    ("The High School and a Sixth Form College; a Working Group.", set()),  # kinds of body, not names
    ("We walked down School Lane.", {("PLACE", "School Lane")}),
])
def test_campaigns_schools_groups_pubs_and_landmarks(text, want):
    assert pattern_names(text) == want


@pytest.mark.parametrize("text", [
    "Unison says it will ballot members.",
    "Unison is also concerned about the plan.",
    "Unison has been calling for talks.",
    "Unison and the Care Quality Commission disagree.",  # paired with another body's certain name
])
def test_an_ambiguous_name_opening_a_sentence_with_what_a_body_says_or_another_body(text):
    assert "unison" in ids(text)


def test_a_sentence_start_word_stays_a_word_before_a_passive_or_alone():
    assert ids("Monitor has been promised by every minister.") == set()  # passive: 'has been <verb>ing' only
    assert ids("Reading and writing matter.") == set()  # 'writing' is no body


def test_a_surname_alone_is_the_posts_person_or_the_one_listed_person_of_that_surname():
    m = _matcher(("lansley", "Andrew Lansley", "PERSON"), ("j-hunt", "Jeremy Hunt", "PERSON"),
                 ("p-hunt", "Philip Hunt", "PERSON"), ("ribeiro", "Bernard Ribeiro", "PERSON"),
                 ("milton", "Milton", "PLACE"), ("a-milton", "Anne Milton", "PERSON"))
    def people(text):
        return [(h.entity, text[h.start:h.end]) for h in m.find(text)]
    assert people("We wrote to Lansley asking for a meeting.") == [("lansley", "Lansley")]
    assert people("Lord Ribeiro chaired the panel.") == [("ribeiro", "Ribeiro")]
    assert people("Hunt said no.") == []  # two listed Hunts: which one?
    assert people("Jeremy Hunt came. Hunt said no.") == [("j-hunt", "Jeremy Hunt"), ("j-hunt", "Hunt")]
    # The post's own person comes first; a listed person never takes another's surname or an eponym.
    assert people("Ellie Hunt is a nurse. Hunt said no.") == [("pattern:PERSON:Ellie Hunt", "Ellie Hunt"),
                                                              ("pattern:PERSON:Ellie Hunt", "Hunt")]
    assert people("The Lansley reforms, from Lansley to Hunt.") == []
    assert people("Zara Lansley spoke.") == [("pattern:PERSON:Zara Lansley", "Zara Lansley")]
    assert people("We met in Milton.") == [("milton", "Milton")]  # a place's name is never a surname anchor
    black = _matcher(("d-black", "Douglas Black", "PERSON"))
    assert black.find("We know that Black people are more likely to be detained.") == []  # not Sir Douglas
    assert [h.entity for h in black.find("Douglas Black wrote it.")] == ["d-black"]


def test_a_title_and_surname_alone_is_the_posts_person_or_no_one():
    m = _matcher(("heywood", "Heywood", "PLACE"))
    text = "Dr Alan Kirby spoke. Dr Kirby said more. Mr Heywood and Dr Otieno did not."
    assert [(h.entity, text[h.start:h.end]) for h in m.find(text)] == \
        [("pattern:PERSON:Alan Kirby", "Alan Kirby"), ("pattern:PERSON:Alan Kirby", "Kirby")]


@pytest.mark.parametrize("text, want", [
    ("The Kent and Medway Stroke Review reported; so did the Whitmore Review.",
     {("DOCUMENT", "Kent and Medway Stroke Review"), ("DOCUMENT", "Whitmore Review")}),
    ("The Oxfordshire Transformation Programme began.", {("DOCUMENT", "Oxfordshire Transformation Programme")}),
    ("A Serious Case Review, the Annual Report and a Judicial Review.", set()),  # kinds of document
    ("The Care Quality Commission Report came out.", set()),  # a body's report is the body
])
def test_named_reviews_and_plans_are_documents(text, want):
    assert pattern_names(text) == want


def test_a_name_starting_inside_a_longer_non_word_match_is_not_lost():
    # 'Care Act' is the longest key at 'Care Action' but not a whole word there; 'Action' starts inside it.
    m = _matcher(("care-act", "Care Act 2014", "LAW", {"aliases": ["Care Act"]}), ("coventry", "Coventry", "PLACE"))
    assert pattern_names("We joined Coventry Social Care Action last year.", m) == {("ORG", "Coventry Social Care Action")}
    assert [h.entity for h in m.find("The Care Actionists met; the Care Act applies.")] == ["care-act"]


def test_a_town_named_in_full_may_then_go_by_its_first_word():
    m = _matcher(("stoke-on-trent", "Stoke-on-Trent", "PLACE"), ("burton-upon-trent", "Burton upon Trent", "PLACE"),
                 ("burton", "Burton", "PLACE"))
    def places(text):
        return [(h.entity, text[h.start:h.end]) for h in m.find(text)]
    assert places("Stoke-on-Trent lost beds; in Stoke, wards shut.") == [("stoke-on-trent", "Stoke-on-Trent"),
                                                                         ("stoke-on-trent", "Stoke")]
    assert places("From Burton upon Trent to Burton.") == [("burton-upon-trent", "Burton upon Trent"),
                                                           ("burton-upon-trent", "Burton")]  # not the village
    assert places("In Stoke, wards shut; Burton too.") == [("burton", "Burton")]  # not named in full: as listed


def test_a_hospital_goes_by_one_word_in_a_post_that_names_it():
    m = _matcher(("glenfield-hospital", "Glenfield Hospital", "ORG"), ("glenfield", "Glenfield", "PLACE"),
                 ("leicester", "Leicester", "PLACE"))
    text = "Families at the Glenfield Hospital in Leicester. What it means for the Glenfield. In Glenfield itself."
    assert [(h.entity, text[h.start:h.end]) for h in m.find(text)] == [
        ("glenfield-hospital", "Glenfield Hospital"), ("leicester", "Leicester"),
        ("glenfield-hospital", "Glenfield"),  # 'the Glenfield' is the hospital…
        ("glenfield", "Glenfield")]  # …'in Glenfield' the place
    # 'the Horton' is Horton General Hospital in a post that names it; 'Horton' alone is still the place.
    m = _matcher(("horton-general-hospital", "Horton General Hospital", "ORG"), ("horton", "Horton", "PLACE"))
    text = "Births at the Horton General Hospital stopped. The Horton’s unit shut. Horton is a village."
    assert [(h.entity, text[h.start:h.end]) for h in m.find(text)] == [
        ("horton-general-hospital", "Horton General Hospital"), ("horton-general-hospital", "Horton"),
        ("horton", "Horton")]
    # A one-word name that is no place stands for the hospital anywhere in the post; generic words never do.
    assert {h.entity for h in MATCHER.find("Patients at Leighton Hospital wait. Leighton has been propped up.")} == \
        {"pattern:ORG:Leighton Hospital"}
    city = _matcher(("city-hospital", "City Hospital", "ORG"))
    assert [h.end - h.start for h in city.find("City Hospital is full. The City is busy.")] == [len("City Hospital")]


def test_a_place_with_a_possessive_is_not_part_of_the_next_name_but_a_saint_is():
    m = _matcher(("corby", "Corby", "PLACE"), ("chad", "Chad", "PLACE"))
    assert pattern_names("Corby’s Lakeside Health Centre closed.", m) == {("ORG", "Lakeside Health Centre")}
    assert pattern_names("We met at St Chad’s Church.", m) == {("PLACE", "St Chad’s Church")}


def test_charity_funds_are_bodies_and_money_funds_are_not():
    assert pattern_names("The Leeds Hospital Fund gave; so did Save Our Surgery.") == \
        {("ORG", "Leeds Hospital Fund"), ("ORG", "Save Our Surgery")}
    assert pattern_names("The Hardship Fund and the Adult Social Care Discharge Fund paid.") == set()


def test_a_doubtful_given_name_before_a_town_is_not_supported_by_the_town():
    m = _matcher(("stamford", "Stamford", "PLACE"))
    text = "3. Will Stamford lose its beds? The meeting is in Stamford."
    assert ("PERSON", "Will Stamford") not in pattern_names(text, m)
    assert ("PERSON", "Grace Otieno") in pattern_names("Grace Otieno was dismissed. Otieno appealed.", m)


def test_an_ambiguous_name_opening_a_sentence_counts_before_has_and_a_past_participle():
    assert ids("Monitor has approved the merger.") == {"monitor"}  # like 'Monitor approved'
    assert ids("Monitor has to be done daily.") == set()


def test_a_listed_surname_is_no_local_doctor_and_no_office():
    m = _matcher(("kirby", "Simon Kirby", "PERSON"), ("bishop", "Matt Bishop", "PERSON"),
                 ("ribeiro", "Bernard Ribeiro", "PERSON"))
    assert [h.entity for h in m.find("Dr Kirby says the CCG chose badly.")] == []  # a local doctor
    assert [h.entity for h in m.find("The panel, chaired by the former Bishop of Liverpool, met.")] == []
    assert [h.entity for h in m.find("Lord Ribeiro chaired the panel; Mr Kirby said so.")] == ["ribeiro", "kirby"]


def test_a_listed_street_inside_a_longer_street_name_does_not_hide_it():
    m = _matcher(("grange-road", "Grange Road", "PLACE"), ("horton", "Horton", "PLACE"))
    assert [(h.entity, h.end - h.start) for h in m.find("We met on Horton Grange Road.")] == \
        [("pattern:PLACE:Horton Grange Road", len("Horton Grange Road"))]
    assert [h.entity for h in m.find("Shops on Grange Road closed.")] == ["grange-road"]  # the listed one


def test_a_listed_hospital_by_its_name_without_hospital_standing_alone():
    m = _matcher(("conquest", "Conquest Hospital", "ORG"), ("kings-mill", "King's Mill Hospital", "ORG"),
                 ("freeman", "Freeman Hospital", "ORG"), ("west-cornwall", "West Cornwall Hospital", "ORG"),
                 ("cornwall", "Cornwall", "PLACE"))
    def got(text):
        return [(h.entity, text[h.start:h.end]) for h in m.find(text)]
    assert got("Births go to the Conquest; wards at King’s Mill are full.") == [("conquest", "Conquest"),
                                                                               ("kings-mill", "King’s Mill")]
    assert got("After the Norman Conquest, Mr Freeman said so.") == []  # inside a name, or a surname
    assert got("We went to the Freeman.") == [("freeman", "Freeman")]
    assert got("Freeman is a good surname.") == []  # a sentence start needs the post to name it elsewhere
    assert "west-cornwall" not in {e for e, _ in got("In West Cornwall, beds closed.")}  # an area, not a short name


@pytest.mark.parametrize("text, want", [
    ("We met at All Souls Church Hall.", {("PLACE", "All Souls Church Hall")}),  # 'All' opens a saint's name
    ("The Grimethorpe Colliery Band played; Hemel Hospital Matters marched.",
     {("ORG", "Grimethorpe Colliery Band"), ("ORG", "Hemel Hospital Matters")}),
    ("It went to the East Sussex HOSC.", {("ORG", "East Sussex HOSC")}),
    ("A brass band played; What Matters is care; the Brass Band met.", set()),
])
def test_halls_of_saints_bands_campaigns_and_scrutiny_committees(text, want):
    assert pattern_names(text) == want


def test_a_listed_trust_named_hospitals_goes_by_its_name_without_hospitals():
    m = _matcher(("calder", "Calder Valley Hospitals NHS Foundation Trust", "ORG"),
                 ("tyneside", "South Tyneside NHS Foundation Trust", "ORG"), ("st", "South Tyneside", "PLACE"))
    text = "Calder Valley Hospitals NHS Foundation Trust said no; Calder Valley wants cuts. South Tyneside NHS " \
           "Foundation Trust too, and South Tyneside will lose out."
    assert [(h.entity, text[h.start:h.end]) for h in m.find(text)][1:] == [
        ("calder", "Calder Valley"), ("tyneside", "South Tyneside NHS Foundation Trust"),
        ("st", "South Tyneside")]  # a trust named after a place leaves the place its name


@pytest.mark.parametrize("text, want", [
    ("Paul von der Heyde and Ana da Silva spoke.", {("PERSON", "Paul von der Heyde"), ("PERSON", "Ana da Silva")}),
    ("Members of Kennet Autism Families met at Teignmouth Pavilions.",
     {("ORG", "Kennet Autism Families"), ("PLACE", "Teignmouth Pavilions")}),
    ("Close Ness Ward, they said.", {("ORG", "Ness Ward")}),  # an imperative opens the sentence
    ("Brighter Futures for Children and Wokingham Borough Council agreed.",
     {("ORG", "Wokingham Borough Council")}),  # a name with 'for' is no area's
    ("Symphony Healthcare Services took over.", {("ORG", "Symphony Healthcare Services")}),
    ("Porters moved to AGH Solutions; we need solutions.", {("ORG", "AGH Solutions")}),  # a trust's company
    ("Endometriosis UK said so.", {("ORG", "Endometriosis UK")}),  # a charity
    ("Support the Bill; save the date.", set()),  # a plea, not a campaign called that
])
def test_particles_openers_and_company_names(text, want):
    assert pattern_names(text) == want


def test_a_listed_place_or_body_before_uk_keeps_its_own_name():
    m = _matcher(("london", "London", "PLACE"), ("rcn", "Royal College of Nursing", "ORG"),
                 ("uk", "United Kingdom", "PLACE", {"aliases": ["UK"]}))
    text = "Endometriosis UK met in London UK with the Royal College of Nursing UK."
    assert [(h.entity, text[h.start:h.end]) for h in m.find(text)] == [
        ("pattern:ORG:Endometriosis UK", "Endometriosis UK"), ("london", "London"), ("uk", "UK"),
        ("rcn", "Royal College of Nursing"), ("uk", "UK")]


def test_a_companys_one_word_name_and_a_party_by_its_adjective():
    assert [t[h.start:h.end] for t in ["Symphony Healthcare Services took over; Symphony said so."]
            for h in MATCHER.find(t)] == ["Symphony Healthcare Services", "Symphony"]
    m = _matcher(("green", "Green Party", "ORG"), ("reform", "Reform UK", "ORG"))
    text = "The Green MP and two Reform councillors spoke. Green spaces matter; the Green Paper; Reform is needed."
    assert [(h.entity, text[h.start:h.end]) for h in m.find(text)] == [("green", "Green"), ("reform", "Reform")]


def test_the_built_in_files_know_clubs_by_their_names_and_leave_towns_theirs():
    from entities.settings import DEFAULTS
    m = Matcher(Gazetteer([e for path in DEFAULTS["ENTITIES_GAZETTEER"] for e in load_builtin(Path(path))]))
    text = ("Sheffield Wednesday and Reading FC gave to the appeal in Shepherd’s Bush; the meeting in Sheffield was "
            "on a Wednesday.")
    assert [(h.entity, text[h.start:h.end]) for h in m.find(text)] == [
        ("sheffield-wednesday-fc", "Sheffield Wednesday"), ("reading-fc", "Reading FC"),
        ("shepherds-bush", "Shepherd’s Bush"), ("sheffield", "Sheffield")]
