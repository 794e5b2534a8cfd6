import pytest

from wpimport.decode import decode
from wpimport.model import ImportError_

TEXT = "The trust’s £6m deficit – “unacceptable”, café owners said.\n"


def test_plain_utf8_is_untouched():
    text, notes = decode(TEXT.encode("utf-8"), "a.txt")
    assert text == TEXT and notes == []


def test_utf8_bom_removed():
    text, notes = decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "a.txt")
    assert text == TEXT
    assert any("byte-order mark" in n for n in notes)


def test_windows_1252():
    text, notes = decode(TEXT.encode("cp1252"), "a.txt")
    assert text == TEXT
    assert any("Windows-1252" in n and "line 1" in n for n in notes)


def test_crlf_and_mixed_line_endings():
    raw = "one\r\ntwo\nthree\rfour".encode("utf-8")
    text, notes = decode(raw, "a.txt")
    assert text.split("\n") == ["one", "two", "three", "four"]
    assert any("CRLF" in n for n in notes)


def test_mojibake_repaired_and_curly_quotes_kept():
    # UTF-8 bytes read as Windows-1252 (its undefined bytes pass through as Latin-1), as old tools did
    broken = "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
                     for b in TEXT.encode("utf-8"))
    assert "â€" in broken
    text, notes = decode(broken.encode("utf-8"), "a.txt")
    assert text == TEXT
    assert any("mojibake" in n for n in notes)


def test_utf16_with_bom():
    text, _ = decode(TEXT.encode("utf-16"), "a.txt")
    assert text == TEXT


@pytest.mark.parametrize("raw, says", [(b"", "empty"), (b"  \n\t\n", "empty"), (b"\xa0\n".decode("latin-1").encode("utf-8"), "white space")])
def test_empty_inputs_are_named_errors(raw, says):
    with pytest.raises(ImportError_) as err:
        decode(raw, "posts/empty.txt")
    assert "posts/empty.txt" in str(err.value) and says in str(err.value)


def test_binary_file_is_a_clear_error():
    with pytest.raises(ImportError_) as err:
        decode(b"PK\x03\x04\x00\x00binary", "scan.docx")
    assert "scan.docx" in str(err.value) and "not a text file" in str(err.value) and "UTF-8" in str(err.value)
