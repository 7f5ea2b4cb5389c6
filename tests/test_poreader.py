"""The strict reader: it refuses what msgfmt refuses, says where, and accepts what is valid."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA
from trigger_content.cli import main
from trigger_content.poreader import CatalogError, read_po

HOSTILE = DATA / "hostile"
VALID = DATA / "valid"

#: Each hostile file, and the line (and column) and message the reader gives.
REFUSED = [
    ("duplicate_definition", '9: duplicate message definition (first defined at line 6)'),
    ("duplicate_definition_with_context", '11: duplicate message definition (first defined at line 7)'),
    ("eot_escaped_inside_string", '6: the context separator (EOT, \\x04) inside a string'),
    ("eot_raw_inside_string", '6: the context separator (EOT, \\x04) inside a string'),
    ("fewer_plural_forms_than_nplurals", '8: 2 plural forms where Plural-Forms says nplurals=3'),
    ("garbage_line", "9: unknown keyword 'hello'"),
    ("git_conflict_markers", '6: git conflict marker: resolve the merge of this catalog first'),
    ("git_conflict_separator_only", '8: git conflict marker: resolve the merge of this catalog first'),
    ("inconsistent_obsolete_lines", '6: inconsistent use of #~: an entry is obsolete in all its lines or in none'),
    ("invalid_escape", "7:13: invalid escape sequence '\\q'"),
    ("invalid_utf8", '7:18: byte 0xff is not valid UTF-8'),
    ("more_plural_forms_than_nplurals", '8: 3 plural forms where Plural-Forms says nplurals=2'),
    ("msgcat_conflict_markers", '8: msgcat conflict markers (#-#-#-#-#): choose one translation and remove the others'),
    ("msgctxt_without_msgid", '7: msgctxt without msgid'),
    ("msgid_plural_with_plain_msgstr", '8: msgid_plural needs msgstr[0], msgstr[1]…'),
    ("msgid_plural_without_msgid", '6: msgid_plural without msgid before it'),
    ("msgid_twice_in_one_entry", '6: msgid without msgstr'),
    ("msgid_without_msgstr", '6: msgid without msgstr'),
    ("msgstr_without_msgid", '6: msgstr without msgid before it'),
    ("non_ascii_in_ascii_catalog", '7:9: byte 0xc3 is not valid ASCII'),
    ("nul_byte", '7:13: NUL byte in the file'),
    ("obsolete_unterminated_string", '7:11: unterminated string'),
    ("plural_forms_calls_a_function", "4: Plural-Forms: unexpected '__import__' in the plural expression"),
    ("plural_forms_division_by_zero", '4: Plural-Forms: division by zero for n = 0'),
    ("plural_forms_index_out_of_range", '4: Plural-Forms: plural form index 2 for n = 2 is outside 0..1'),
    ("plural_forms_syntax_error", '4: Plural-Forms: expected more in the plural expression'),
    ("plural_forms_without_msgid_plural", '7: msgstr[0] without msgid_plural'),
    ("plural_forms_without_nplurals", "4: Plural-Forms: expected 'nplurals=N; plural=EXPRESSION;'"),
    ("plural_index_empty", '8: msgstr[]: the plural index must be a number'),
    ("plural_index_not_a_number", '8: msgstr[x]: the plural index must be a number'),
    ("plural_index_skipped", '8: plural forms must be msgstr[0], msgstr[1]… in order, none missing'),
    ("quote_inside_string", '7:14: text after the end of the string'),
    ("second_header", '6: a second header entry (the first is at line 1)'),
    ("string_ending_in_backslash", '7:8: unterminated string'),
    ("string_without_keyword", '1: a string with no keyword before it'),
    ("text_after_string", '7:19: text after the end of the string'),
    ("truncated_utf8_sequence", '7:18: byte 0xc3 is not valid UTF-8'),
    ("unknown_charset", "3: unknown charset 'KLINGON-8' in Content-Type"),
    ("unknown_keyword", "7: unknown keyword 'msgstrr'"),
    ("unquoted_msgstr", '7: msgstr must be followed by a quoted string'),
    ("unterminated_string", '7:8: unterminated string'),
    ("utf16_be_with_bom", '1: UTF-16 is not a PO file encoding; save the file as UTF-8'),
    ("utf16_le_with_bom", '1: UTF-16 is not a PO file encoding; save the file as UTF-8'),
    ("utf16_without_bom", '1: UTF-16 is not a PO file encoding; save the file as UTF-8'),
]
#: Files GNU gettext 0.21 lets through though they are broken: a NUL byte, an
#: unknown charset, conflict markers msgcat left, a Plural-Forms without nplurals.
GETTEXT_LENIENT = {"msgcat_conflict_markers", "nul_byte", "plural_forms_without_nplurals", "unknown_charset"}


def test_the_corpus_has_a_file_per_case() -> None:
    assert sorted(path.stem for path in HOSTILE.glob("*.po")) == sorted(case for case, _ in REFUSED)
    assert len(REFUSED) >= 40


@pytest.mark.parametrize(("case", "where"), REFUSED, ids=[case for case, _ in REFUSED])
def test_hostile_file_is_refused_with_its_line(case: str, where: str) -> None:
    path = HOSTILE / f"{case}.po"
    with pytest.raises(CatalogError) as caught:
        read_po(path)
    assert str(caught.value) == f"{path}:{where}"
    if shutil.which("msgfmt") and case not in GETTEXT_LENIENT:
        assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True).returncode == 1


def test_status_names_each_bad_file_and_still_reports_the_good_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", str(HOSTILE), str(VALID / "same_msgid_in_two_contexts.po")]) == 2
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == len(REFUSED)
    assert "Traceback" not in captured.err
    assert "same_msgid_in_two_contexts.po" in captured.out


def test_check_on_a_hostile_file_exits_2_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(HOSTILE / "git_conflict_markers.po")]) == 2
    assert capsys.readouterr().err.strip().endswith("git_conflict_markers.po:6: git conflict marker: resolve the merge of this catalog first")


# -- what is valid ------------------------------------------------------------------------


def test_a_utf8_bom_is_stripped_and_noted() -> None:
    catalog = read_po(VALID / "utf8_bom.po")
    assert catalog.header["Language"] == "de" and catalog.entries[0].msgstr == ("Bewegung",)
    assert catalog.notes == ["a UTF-8 byte order mark starts the file; it was ignored"]


def test_contexts_empty_msgids_previous_msgids_and_no_wrap() -> None:
    (empty,) = read_po(VALID / "empty_msgid_with_context.po").entries
    assert (empty.msgctxt, empty.msgid, empty.msgstr) == ("page.empty", "", ("Leer",))
    assert [e.msgstr for e in read_po(VALID / "same_msgid_in_two_contexts.po").entries] == [("Aktiv",), ("Aktive",)]
    obsolete = read_po(VALID / "obsolete_with_previous_msgid.po").entries[1]
    assert obsolete.obsolete and obsolete.previous_msgid == "Old text" and obsolete.fuzzy
    assert "no-wrap" in read_po(VALID / "no_wrap_flag.po").entries[0].flags


def test_an_escape_ends_with_its_string_as_for_msgfmt() -> None:
    head = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr ""\n'
    # "\1" then "2" is U+0001 and "2", not "\12"; "\x4" then "1" is an EOT, which msgfmt refuses.
    assert read_po("octal.po", (head + '"\\1"\n"2"\n').encode()).entries[0].msgstr == ("\x012",)
    with pytest.raises(CatalogError) as refused:
        read_po("hexadecimal.po", (head + '"\\x4"\n"1"\n').encode())
    assert str(refused.value) == "hexadecimal.po:6: the context separator (EOT, \\x04) inside a string"


def test_line_separators_inside_strings_are_text() -> None:
    (entry,) = read_po(VALID / "line_separator_inside_string.po").entries
    assert entry.msgstr == ("Bewegung\u2028Dehnen\x0cSeite",)
    assert entry.msgstr_line == 8


def test_an_empty_file_and_a_file_without_header_are_read_with_a_note() -> None:
    empty = read_po(VALID / "empty_file.po")
    assert empty.entries == [] and empty.notes == ["no header entry: the catalog has no Language, charset or Plural-Forms"]
    bare = read_po(VALID / "no_header.po")
    assert len(bare.entries) == 1 and bare.notes


def test_a_five_megabyte_line(tmp_path: Path) -> None:
    long = "x" * 5_000_000
    path = tmp_path / "long.po"
    path.write_text(f'msgid "Exercise"\nmsgstr "{long}"\n', encoding="utf-8")
    assert read_po(path).entries[0].msgstr == (long,)


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext (msgcat) is not installed")
@pytest.mark.parametrize("case", ["crlf", "latin1", "koi8r", "no_final_newline"])
def test_written_back_as_msgcat_writes_it_keeping_line_ends_and_charset(case: str) -> None:
    """CRLF stays CRLF (msgcat would write LF), Latin-1 stays Latin-1, KOI8-R stays KOI8-R."""
    from trigger_content.catalogs import format_catalog, read_catalog

    path = DATA / "catalogs" / f"{case}.po"
    expected = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
    if b"\r\n" in path.read_bytes():
        expected = expected.replace(b"\n", b"\r\n")
    assert format_catalog(read_catalog(path)) == expected


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_the_librarys_error(data: bytes) -> None:
    try:
        read_po("fuzz.po", data)
    except CatalogError:
        pass


_PO_PIECES = st.sampled_from([
    'msgid "a"\n', 'msgstr "b"\n', 'msgctxt "c"\n', 'msgid_plural "as"\n', 'msgstr[0] "x"\n', 'msgstr[1] "y"\n',
    '"continued"\n', "#, fuzzy\n", "#~ ", "#| msgid \"old\"\n", "# comment\n", "\n", '"\\q"\n', '"open\n', "msgstr[9] \"z\"\n",
    'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', "\r\n", "\u2028", "\x04", "<<<<<<< HEAD\n",
    "#~\n", '#~| msgid "z"\n', '#| msgid "o" x\n', '#~ "continued"\n', "\u00a0msgid \"a\"\n",
    # escapes, which each string resolves before the strings are joined
    '"\\x4"\n', '"\\101"\n', '"1"\n', '"\\\\"\n', '"\\n\\t\\""\n', "#. note\n", "#: page.toml:3\n", 'msgstr[01] "q"\n', '  msgid "s"\n',
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PO_PIECES, max_size=25))
def test_arbitrary_po_shaped_text_raises_only_the_librarys_error(pieces: list[str]) -> None:
    try:
        read_po("fuzz.po", "".join(pieces).encode("utf-8"))
    except CatalogError as error:
        assert error.line is not None and error.line >= 1


_ESCAPED = st.sampled_from(["a", "1", "7", "B", "\\x4", "\\x41", "\\1", "\\101", "\\\\", "\\n", "\\t", '\\"', "\\q", "\\"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.lists(_ESCAPED, max_size=3).map("".join), min_size=1, max_size=3), min_size=1, max_size=4))
def test_the_fast_path_agrees_on_strings_of_escapes(messages: list[list[str]]) -> None:
    """Well-formed entries whose translations are strings of escapes, over several lines."""
    body = "".join(f'msgid "m{index}"\nmsgstr ""\n' + "".join(f'"{part}"\n' for part in parts) + "\n" for index, parts in enumerate(messages))
    data = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + body).encode()
    assert _read(data, fast=True) == _read(data, fast=False)


def _read(data: bytes, *, fast: bool) -> tuple:
    """What the reader gives for ``data``, with or without its fast path (which must give the same)."""
    import trigger_content.poreader as poreader

    original = poreader._Fast.read
    if not fast:
        poreader._Fast.read = lambda self, text: False  # type: ignore[method-assign]
    try:
        catalog = read_po("fuzz.po", data, plurals=False)
        return (catalog.entries, catalog.header, catalog.header_fuzzy, catalog.header_line, catalog.notes)
    except CatalogError as error:
        return ("error", str(error))
    finally:
        poreader._Fast.read = original  # type: ignore[method-assign]


def test_comments_that_end_a_catalog_belong_to_no_entry() -> None:
    data = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n\n#. left over\n# c\n'
    assert [entry.msgid for entry in read_po("end.po", data).entries] == ["a"]
    assert _read(data, fast=True) == _read(data, fast=False)


_STRINGS = st.lists(st.sampled_from(['"a"', '"b c"', '""', '"\\n"', '"x\\"y"', '"\\101"', '"é"']), min_size=1, max_size=3)


@st.composite
def _entry(draw: st.DrawFn) -> str:
    """A well-formed entry, active or obsolete, with comments, a context, plural forms, strings over several lines."""
    prefix = "#~ " if draw(st.booleans()) else ""

    def field(keyword: str, first: str = "") -> str:
        strings = ([first] if first else []) + draw(_STRINGS)
        return f"{prefix}{keyword} {strings[0]}\n" + "".join(f"{prefix}{string}\n" for string in strings[1:])

    text = "".join(draw(st.lists(st.sampled_from(["#. note\n", "#, fuzzy\n", "#: f.py:1\n", '#| msgid "before"\n', "# tr\n"]), max_size=3)))
    if prefix and draw(st.booleans()):
        text += '#~| msgid "old"\n#~| "er"\n'
    if draw(st.booleans()):
        text += field("msgctxt")
    text += field("msgid", '"m"')  # not a second header
    if draw(st.booleans()):
        text += field("msgid_plural") + field("msgstr[0]") + field("msgstr[1]")
    else:
        text += field("msgstr")
    return text + "\n" * draw(st.integers(0, 2))


@settings(max_examples=300, deadline=None)
@given(st.lists(_entry(), min_size=1, max_size=6))
def test_the_fast_path_reads_active_and_obsolete_entries_as_the_line_parser_does(entries: list[str]) -> None:
    import trigger_content.poreader as poreader

    data = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "".join(entries)).encode()
    original, used = poreader._Fast.read, []
    poreader._Fast.read = lambda self, text: used.append(original(self, text)) or used[-1]  # type: ignore[method-assign]
    try:
        fast = _read(data, fast=True)
    finally:
        poreader._Fast.read = original  # type: ignore[method-assign]
    assert used == [True]  # well formed: read by the fast path
    assert fast == _read(data, fast=False)


def test_status_warns_about_what_the_reader_noticed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", str(VALID / "utf8_bom.po"), str(VALID / "empty_file.po")]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{VALID / 'utf8_bom.po'}: warning: a UTF-8 byte order mark starts the file; it was ignored",
        f"{VALID / 'empty_file.po'}: warning: no header entry: the catalog has no Language, charset or Plural-Forms",
    ]


def _every_catalog() -> list[Path]:
    return sorted({*DATA.rglob("*.po"), *(DATA.parent.parent / "locales").rglob("*.po"), DATA.parent.parent / "locales" / "trigger_content.pot"})


@pytest.mark.parametrize("path", _every_catalog(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_fast_path_reads_exactly_what_the_line_parser_reads(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trigger_content.poreader as poreader

    def read() -> tuple:
        try:
            catalog = read_po(path, plurals=False)
        except CatalogError as error:
            return ("error", str(error))
        return (catalog.entries, catalog.header, catalog.header_fuzzy, catalog.header_line, catalog.notes)

    fast = read()
    monkeypatch.setattr(poreader._Fast, "read", lambda self, text: False)
    assert read() == fast


@settings(max_examples=300, deadline=None)
@given(st.lists(_PO_PIECES, max_size=25))
def test_the_fast_path_agrees_on_po_shaped_text(pieces: list[str]) -> None:
    data = "".join(pieces).encode("utf-8")
    assert _read(data, fast=True) == _read(data, fast=False)
