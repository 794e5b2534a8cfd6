"""Property-based: the importer never crashes, never loses a body sentence, never keeps a clutter block."""
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import body_text, contains_words, convert_file, words
from wpimport.model import ImportError_

WORD = st.from_regex(r"[a-z]{2,9}", fullmatch=True)
SENTENCE = st.lists(WORD, min_size=7, max_size=25).map(lambda ws: " ".join(ws).capitalize() + ".")
CLUTTER = [
    ["Share this:", "Twitter", "Facebook", "Email", "Print"],
    ["Like this:", "Like Loading..."],
    ["Advertisements", "Report this ad"],
    ["Related", "Another post about cuts", "March 2, 2017", "In \"NHS\""],
    ["Rate this:"],
    ["Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use."],
]
TAIL = [
    ["Posted in Hospitals | Tagged cuts | 3 Comments"],
    ["This entry was posted in Hospitals on by ."],
    ["← Previous post", "Next post →"],
    ["2 Comments", "Mary Smith", "March 24, 2017 at 9:14 am", "A reader's view on the matter.", "Reply"],
    ["Leave a Reply", "Enter your comment here...", "Connecting to %s"],
    ["Blog at WordPress.com."],
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def pages(draw):
    body = draw(st.lists(SENTENCE, min_size=1, max_size=8))
    parts, kept = [draw(st.lists(WORD, min_size=2, max_size=6).map(lambda ws: " ".join(ws).title()))], []
    for sentence in body:
        if draw(st.booleans()):
            parts += draw(st.sampled_from(CLUTTER))
        parts.append(sentence)
        kept.append(sentence)
    for block in draw(st.lists(st.sampled_from(TAIL), max_size=3)):
        parts += block
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    gap = draw(st.sampled_from([newline, newline * 2]))
    return gap.join(parts) + newline, kept


@SETTINGS
@given(pages())
def test_body_sentences_survive_and_clutter_goes(tmp_path_factory, page):
    text, kept = page
    path = Path(tmp_path_factory.mktemp("p")) / "post.txt"
    path.write_bytes(text.encode("utf-8"))
    [(_, post)] = convert_file(path)
    body = words(body_text(post.body))
    for sentence in kept:
        assert contains_words(body, words(sentence)), sentence
    rendered = body_text(post.body)
    for line in {line for block in CLUTTER + TAIL for line in block}:
        if len(line) > 12:  # long clutter lines are unmistakable; short words could be prose
            assert line not in rendered


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(tmp_path_factory, raw):
    path = Path(tmp_path_factory.mktemp("b")) / "post.txt"
    path.write_bytes(raw)
    try:
        convert_file(path)
    except ImportError_ as err:
        assert "post.txt" in str(err)


@SETTINGS
@given(st.text(max_size=1500), st.sampled_from(["post.txt", "page.html"]))
def test_arbitrary_text_and_html_never_crash(tmp_path_factory, text, name):
    path = Path(tmp_path_factory.mktemp("t")) / name
    path.write_bytes(text.encode("utf-8"))
    try:
        convert_file(path)
    except ImportError_ as err:
        assert name in str(err)
