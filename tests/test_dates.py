from datetime import datetime

import pytest

from wpimport.dates import find_dates, parse_date, vague_dates


@pytest.mark.parametrize("text, when", [
    ("March 23, 2017", datetime(2017, 3, 23)),
    ("Mar 23rd 2017", datetime(2017, 3, 23)),
    ("23 March 2017", datetime(2017, 3, 23)),
    ("23rd of March, 2017", datetime(2017, 3, 23)),
    ("Monday, 4 July 2016", datetime(2016, 7, 4)),
    ("2017-03-23", datetime(2017, 3, 23)),
    ("18.12.15", datetime(2015, 12, 18)),
    ("12/04/2016", datetime(2016, 4, 12)),  # British: day first
    ("04/13/2016", datetime(2016, 4, 13)),  # impossible day-first reads month-first
    ("March 24, 2017 at 9:14 am", datetime(2017, 3, 24, 9, 14)),
    ("March 24, 2017 at 12:05 AM", datetime(2017, 3, 24, 0, 5)),
    ("24/03/2017 at 21:14", datetime(2017, 3, 24, 21, 14)),
    ("March 24, 2017 at 9:14 pm", datetime(2017, 3, 24, 21, 14)),
])
def test_date_shapes(text, when):
    found = parse_date(text)
    assert found is not None and found.when == when


@pytest.mark.parametrize("text", ["£10.6m for 2015/6", "version 2.5.6", "31.02.2017", "0300 311 2233", "The Times 4th July"])
def test_not_dates(text):
    assert find_dates(text) == []


def test_parse_date_wants_a_date_line_not_a_sentence():
    assert parse_date("Continued 18.12.15") is None  # a heading with a date, not a date line
    assert parse_date("The report was published on 3 March 2017 after long delays.") is None
    assert parse_date("23rd March 2017 ·") is not None


def test_vague_dates_for_guessing():
    found = {d.text: d.precision for d in vague_dates("In April 2017 the 2015 plan, not 2016/17 or £2012")}
    assert found == {"April 2017": "month", "2017": "year", "2015": "year"}
