"""The reader: what GNU msgfmt reads it reads, the same way; what msgfmt refuses it refuses, at the line msgfmt names.

Each file of ``data/hostile`` is refused with its line; each of
``data/valid`` and ``data/checked`` is read (``check`` judges the latter).
The fast paths are held to the strict reader on every fixture and on
generated catalogs; ``test_po_gettext.py`` holds the reader to msgfmt itself.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from trigger_content.cli import main
from trigger_content.po import CatalogError, read_po, statistics

from conftest import DATA, ROOT

HOSTILE = DATA / "hostile"
VALID = DATA / "valid"
CHECKED = DATA / "checked"
needs_gettext = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")

#: Each hostile file, and the line (and column) and message the reader gives.
REFUSED = [
    ("domain_directive", "6: a domain directive: this reader keeps one domain a file; split the file at it"),
    ("duplicate_definition", "9: duplicate message definition (first defined at line 7)"),
    ("duplicate_definition_with_context", "11: duplicate message definition (first defined at line 8)"),
    ("eot_escaped_inside_string", "6: the context separator (EOT, \\x04) inside a string"),
    ("eot_raw_inside_string", "6: the context separator (EOT, \\x04) inside a string"),
    ("escaped_single_quote", "7:17: invalid escape sequence '\\''"),
    ("escapes_that_are_not_utf8", "7: escape sequences in msgstr give bytes that are not valid UTF-8"),
    ("garbage_line", "9: unknown keyword 'hello'"),
    ("git_conflict_markers", "6: git conflict marker: resolve the merge of this catalog first"),
    ("git_conflict_separator_only", "8: git conflict marker: resolve the merge of this catalog first"),
    ("inconsistent_obsolete_lines", "6: inconsistent use of #~: an entry is obsolete in all its lines or in none"),
    ("invalid_escape", "7:13: invalid escape sequence '\\q'"),
    ("invalid_utf8", "7:18: byte 0xff is not valid UTF-8"),
    ("msgcat_conflict_markers", "8: msgcat conflict markers (#-#-#-#-#): choose one translation and remove the others"),
    ("msgctxt_without_msgid", "7: msgctxt without msgid"),
    ("msgid_plural_with_plain_msgstr", "8: msgid_plural needs msgstr[0], msgstr[1]…"),
    ("msgid_plural_without_msgid", "6: msgid_plural without msgid before it"),
    ("msgid_twice_in_one_entry", "6: msgid without msgstr"),
    ("msgid_without_msgstr", "6: msgid without msgstr"),
    ("msgstr_without_msgid", "6: msgstr without msgid before it"),
    ("non_ascii_in_ascii_catalog", "7:9: byte 0xc3 is not valid ASCII"),
    ("nul_byte", "7:13: NUL byte in the file"),
    ("obsolete_entry_defined_twice", "9: duplicate message definition (first defined at line 7)"),
    ("obsolete_header_beside_the_header", "9: duplicate message definition (first defined at line 2)"),
    ("obsolete_unterminated_string", "7:11: unterminated string"),
    ("plural_forms_out_of_order", "8: the first plural form must be msgstr[0]"),
    ("plural_forms_without_msgid_plural", "6: msgstr[N] without msgid_plural before it"),
    ("plural_index_empty", "8: a plural form is written msgstr[N] with N a number"),
    ("plural_index_not_a_number", "8: a plural form is written msgstr[N] with N a number"),
    ("plural_index_skipped", "9: msgstr[2] where msgstr[1] is expected: plural forms go in order, none missing"),
    ("previous_line_before_a_comment", "7: #| lines must be followed by the msgctxt or msgid of their entry"),
    ("previous_lines_at_the_end_of_the_file", "10: #| lines must be followed by the msgctxt or msgid of their entry"),
    ("quote_inside_string", "7:14: text after the end of the string"),
    ("second_header", "6: a second header entry (the first is at line 2)"),
    ("string_ending_in_backslash", "7:8: unterminated string"),
    ("string_without_keyword", "1: a string with no keyword before it"),
    ("text_after_string", "7:19: text after the end of the string"),
    ("truncated_utf8_sequence", "7:18: byte 0xc3 is not valid UTF-8"),
    (
        "unknown_charset_with_non_ascii_text",
        "6:18: byte 0xc3: the header's charset 'KLINGON-8' is not one this reader can decode, so this text cannot be read; declare UTF-8",
    ),
    ("unknown_keyword", "7: unknown keyword 'msgstrr'"),
    ("unquoted_msgstr", "7: msgstr must be followed by a quoted string"),
    ("unterminated_string", "7:8: unterminated string"),
    ("utf16_be_with_bom", "1: UTF-16 is not a PO file encoding; save the file as UTF-8"),
    ("utf16_le_with_bom", "1: UTF-16 is not a PO file encoding; save the file as UTF-8"),
    ("utf16_without_bom", "1: UTF-16 is not a PO file encoding; save the file as UTF-8"),
]
#: Files msgfmt compiles though they are broken, that this reader refuses on
#: purpose (docs/po-files.md): text it cannot read right, and leftovers of a merge.
REFUSED_ON_PURPOSE = {
    "domain_directive",
    "escapes_that_are_not_utf8",
    "msgcat_conflict_markers",
    "nul_byte",
    "unknown_charset_with_non_ascii_text",
}


def test_the_corpus_has_a_file_per_case() -> None:
    assert sorted(path.stem for path in HOSTILE.glob("*.po")) == sorted(case for case, _ in REFUSED)
    assert len(REFUSED) >= 40


@pytest.mark.parametrize(("case", "where"), REFUSED, ids=[case for case, _ in REFUSED])
def test_hostile_file_is_refused_with_its_line(case: str, where: str) -> None:
    path = HOSTILE / f"{case}.po"
    for fast in (True, False):
        with pytest.raises(CatalogError) as caught:
            read_po(path, fast=fast)
        assert str(caught.value) == f"{path}:{where}"
    if shutil.which("msgfmt"):
        verdict = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert verdict.returncode == (0 if case in REFUSED_ON_PURPOSE else 1), verdict.stderr
        if case not in REFUSED_ON_PURPOSE and not case.startswith("utf16"):
            # msgfmt names the same line (or, after a comment or an open string, the next one).
            line = int(where.split(":")[0])
            assert f"{path}:{line}:" in verdict.stderr or f"{path}:{line + 1}:" in verdict.stderr, verdict.stderr


def test_status_names_each_bad_file_and_still_reports_the_good_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--no-cache", str(HOSTILE), str(VALID / "same_msgid_in_two_contexts.po")]) == 2
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == len(REFUSED)
    assert "Traceback" not in captured.err
    assert "same_msgid_in_two_contexts.po" in captured.out


def test_check_on_a_hostile_file_exits_2_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(HOSTILE / "git_conflict_markers.po")]) == 2
    assert (
        capsys.readouterr().err.strip().endswith("git_conflict_markers.po:6: git conflict marker: resolve the merge of this catalog first")
    )


# -- what gettext reads, read as it reads it ----------------------------------------------


@needs_gettext
@pytest.mark.parametrize("path", sorted({*VALID.glob("*.po"), *CHECKED.glob("*.po")} - {VALID / "utf8_bom.po"}), ids=lambda path: path.stem)
def test_what_msgfmt_compiles_is_read_and_counted_as_msgfmt_counts_it(path: Path) -> None:
    verdict = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    # msgfmt refuses a newline that differs at the ends even without -c; it counts the file all the same
    assert verdict.returncode == (1 if path.stem == "newline_differs" else 0), verdict.stderr
    counts = statistics(path).counts
    said = verdict.stderr.splitlines()[-1]
    figures = dict((kind, int(number)) for number, kind in __import__("re").findall(r"(\d+) (translated|fuzzy|untranslated)", said))
    assert (counts.translated, counts.fuzzy, counts.untranslated) == (
        figures.get("translated", 0),
        figures.get("fuzzy", 0),
        figures.get("untranslated", 0),
    )


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


def test_tokens_are_free_form_and_a_backslash_joins_lines_as_for_gettext() -> None:
    assert [(e.msgid, e.msgstr) for e in read_po(VALID / "free_form_tokens.po").entries] == [
        ("Exercise", ("Bewegung",)),
        ("Stretching", ("Dehnen und mehr",)),
        ("day", ("Tag", "Tage")),
    ]
    (joined,) = read_po(VALID / "continued_lines.po").entries
    assert (joined.msgid, joined.msgstr, joined.msgid_line, joined.msgstr_line) == ("Exercise", ("Bewegung",), 7, 9)


def test_octal_and_hex_escapes_are_bytes_of_the_files_charset() -> None:
    """``\\303\\274`` (as ``msgcat --escape`` writes it) is "ü" in a UTF-8 catalog, not "Ã¼"."""
    assert [entry.msgstr[0] for entry in read_po(VALID / "octal_and_hex_escapes.po")] == ["für", "über", "a.", "A"]


def test_an_escape_ends_with_its_string_as_for_msgfmt() -> None:
    head = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr ""\n'
    # "\1" then "2" is U+0001 and "2", not "\12"; "\x4" then "1" is an EOT, which msgfmt refuses.
    assert read_po("octal.po", (head + '"\\1"\n"2"\n').encode()).entries[0].msgstr == ("\x012",)
    with pytest.raises(CatalogError) as refused:
        read_po("hexadecimal.po", (head + '"\\x4"\n"1"\n').encode())
    assert str(refused.value) == "hexadecimal.po:6: the context separator (EOT, \\x04) inside a string"


def test_flags_are_split_at_commas_and_white_space_so_fuzzy_c_format_is_fuzzy() -> None:
    entries = read_po(VALID / "flags_split_at_white_space.po").entries
    assert [entry.fuzzy for entry in entries] == [True, True, False]
    assert entries[0].flags == ("fuzzy", "c-format")


def test_only_the_last_flag_line_counts_as_for_msgfmt_and_the_reader_says_so() -> None:
    catalog = read_po(VALID / "second_flag_line_without_fuzzy.po")
    assert not catalog.entries[0].fuzzy
    assert catalog.notes == ["line 7: a second flag line without 'fuzzy': gettext keeps only the last flag line, so the entry is not fuzzy"]


@pytest.mark.parametrize(
    ("case", "text"), [("utf8_file_whose_comment_says_latin1", "Étirements"), ("latin1_file_whose_comment_says_utf8", "Étirements")]
)
def test_the_charset_is_the_headers_not_a_comments(case: str, text: str) -> None:
    assert read_po(VALID / f"{case}.po").entries[0].msgstr == (text,)


@pytest.mark.parametrize("codec", ["base64", "hex", "rot13", "punycode"])
def test_a_charset_that_is_no_text_encoding_is_read_as_ascii_with_a_note(codec: str) -> None:
    catalog = read_po(VALID / f"charset_named_{codec}.po")
    assert catalog.entries[0].msgstr == ("Bewegung",)
    assert catalog.notes == [f"the header's charset {codec!r} is not one this reader can decode; the file is read as ASCII"]


def test_a_sun_style_location_is_a_translator_comment_as_for_gettext_0_21() -> None:
    assert read_po(VALID / "sun_style_reference.po").entries[0].comments == ("File: page.toml, line: 14",)


def test_line_separators_inside_strings_are_text() -> None:
    (entry,) = read_po(VALID / "line_separator_inside_string.po").entries
    assert entry.msgstr == ("Bewegung\u2028Dehnen\x0cSeite",)
    assert entry.msgstr_line == 8


def test_an_empty_file_and_a_file_without_header_are_read_with_a_note() -> None:
    empty = read_po(VALID / "empty_file.po")
    assert empty.entries == [] and empty.notes == ["no header entry: the catalog has no Language, charset or Plural-Forms"]
    bare = read_po(VALID / "no_header.po")
    assert len(bare.entries) == 1 and bare.notes


def test_an_empty_header_counts_as_untranslated_as_for_msgfmt() -> None:
    assert statistics(VALID / "empty_header.po").counts[:3] == (1, 0, 1)


def test_a_comment_that_is_not_text_in_the_charset_is_read_with_a_note(tmp_path: Path) -> None:
    """gettext does not check comments; the reader keeps what it can and says so."""
    data = b'# Jos\xe9\nmsgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    catalog = read_po("comment.po", data)
    assert catalog.header_entry.comments == ("Jos\ufffd",)  # type: ignore[union-attr]
    assert catalog.notes == ["line 1: a comment is not valid UTF-8; read with U+FFFD in place of its bad bytes"]


def test_a_five_megabyte_line(tmp_path: Path) -> None:
    long = "x" * 5_000_000
    path = tmp_path / "long.po"
    path.write_text(f'msgid "Exercise"\nmsgstr "{long}"\n', encoding="utf-8")
    assert read_po(path).entries[0].msgstr == (long,)


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext (msgcat) is not installed")
@pytest.mark.parametrize("case", ["crlf", "latin1", "koi8r", "no_final_newline"])
def test_written_back_as_msgcat_writes_it_keeping_line_ends_and_charset(case: str) -> None:
    """CRLF stays CRLF (msgcat would write LF), Latin-1 stays Latin-1, KOI8-R stays KOI8-R."""
    from trigger_content.po import catalog_bytes

    path = DATA / "catalogs" / f"{case}.po"
    expected = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
    if b"\r\n" in path.read_bytes():
        expected = expected.replace(b"\n", b"\r\n")
    assert catalog_bytes(read_po(path)) == expected


# -- nothing but the library's error, whatever the bytes ----------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_the_librarys_error(data: bytes) -> None:
    for fast in (True, False):
        try:
            read_po("fuzz.po", data, fast=fast)
        except CatalogError:
            pass


_PO_PIECES = st.sampled_from(
    [
        'msgid "a"\n',
        'msgstr "b"\n',
        'msgctxt "c"\n',
        'msgid_plural "as"\n',
        'msgstr[0] "x"\n',
        'msgstr[1] "y"\n',
        '"continued"\n',
        "#, fuzzy\n",
        "#~ ",
        '#| msgid "old"\n',
        "# comment\n",
        "\n",
        '"\\q"\n',
        '"open\n',
        'msgstr[9] "z"\n',
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n',
        "\r\n",
        "\u2028",
        "\x04",
        "<<<<<<< HEAD\n",
        "#~\n",
        '#~| msgid "z"\n',
        '#| msgid "o" x\n',
        '#~ "continued"\n',
        '\u00a0msgid "a"\n',
        "\\\n",
        "#! fuzzy\n",
        '"\\x4"\n',
        '"\\101"\n',
        '"\\303\\251"\n',
        '"1"\n',
        '"\\\\"\n',
        '"\\n\\t\\""\n',
        "#. note\n",
        "#: page.toml:3\n",
        'msgstr[01] "q"\n',
        '  msgid "s"\n',
        "\udcff",
        '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n',
        'domain "d"\n',
        "#, fuzzy c-format\n",
        "#,fuzzy\n#, c-format\n",
    ]
)


def _read(data: bytes, *, fast: bool) -> tuple[object, ...]:
    """What the reader gives for ``data``, with or without its fast path (which must give the same)."""
    try:
        catalog = read_po("fuzz.po", data, fast=fast)
        return (catalog.entries, catalog.header_entry, catalog.header_index, catalog.notes, catalog.charset)
    except CatalogError as error:
        return ("error", str(error))


@settings(max_examples=400, deadline=None)
@given(st.lists(_PO_PIECES, max_size=25))
def test_arbitrary_po_shaped_text_raises_only_the_librarys_error_and_both_paths_agree(pieces: list[str]) -> None:
    data = "".join(pieces).encode("utf-8", "surrogateescape")
    strict = _read(data, fast=False)
    if strict[0] == "error":
        error = strict[1]
        assert isinstance(error, str) and error.startswith("fuzz.po:") and error.split(":")[1].isdigit()
    assert _read(data, fast=True) == strict


_ESCAPED = st.sampled_from(["a", "1", "7", "B", "\\x4", "\\x41", "\\1", "\\101", "\\303\\251", "\\\\", "\\n", "\\t", '\\"', "\\q", "\\"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.lists(_ESCAPED, max_size=3).map("".join), min_size=1, max_size=3), min_size=1, max_size=4))
def test_the_fast_path_agrees_on_strings_of_escapes(messages: list[list[str]]) -> None:
    """Well-formed entries whose translations are strings of escapes, over several lines."""
    body = "".join(
        f'msgid "m{index}"\nmsgstr ""\n' + "".join(f'"{part}"\n' for part in parts) + "\n" for index, parts in enumerate(messages)
    )
    data = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + body).encode()
    assert _read(data, fast=True) == _read(data, fast=False)


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

    text = "".join(
        draw(st.lists(st.sampled_from(["#. note\n", "#, fuzzy\n", "#: f.py:1 g.py\n", "# tr\n", "#\n", "#, fuzzy c-format\n"]), max_size=3))
    )
    if draw(st.booleans()):
        mark = "#~|" if prefix else "#|"
        text += f'{mark} msgctxt "k"\n' if draw(st.booleans()) else ""
        text += f'{mark} msgid "old"\n{mark} "er"\n'
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
def test_both_paths_read_active_and_obsolete_entries_alike(entries: list[str]) -> None:
    data = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "".join(entries)).encode()
    assert _read(data, fast=True) == _read(data, fast=False)


def test_the_fast_path_reads_the_usual_catalogs_itself() -> None:
    from trigger_content.po.fast import read_fast

    for path in sorted((ROOT / "locales").rglob("*.po")):
        assert read_fast(path.read_text(encoding="utf-8")) is not None


def test_status_warns_about_what_the_reader_noticed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--no-cache", str(VALID / "utf8_bom.po"), str(VALID / "empty_file.po")]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{VALID / 'utf8_bom.po'}: warning: a UTF-8 byte order mark starts the file; it was ignored",
        f"{VALID / 'empty_file.po'}: warning: no header entry: the catalog has no Language, charset or Plural-Forms",
    ]


def _every_catalog() -> list[Path]:
    return sorted({*DATA.rglob("*.po"), *(ROOT / "locales").rglob("*.po"), ROOT / "locales" / "trigger_content.pot"})


@pytest.mark.parametrize("path", _every_catalog(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_fast_paths_read_exactly_what_the_strict_reader_reads(path: Path) -> None:
    data = path.read_bytes()
    assert _read(data, fast=True) == _read(data, fast=False)
    assert _statistics(path, data, fast=True) == _statistics(path, data, fast=False)


def _statistics(path: Path, data: bytes, *, fast: bool) -> object:
    try:
        return statistics(path, data, fast=fast)
    except CatalogError as error:
        return str(error)


# -- the fast count ------------------------------------------------------------------------

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'


def _counted_alike(data: bytes) -> bool:
    """Whether the fast count gives what the strict reader gives; False when it declined."""
    from trigger_content.po.fast import count_fast

    quick = count_fast("gen.po", data)
    strict = _statistics(Path("gen.po"), data, fast=False)
    if isinstance(strict, str):
        assert quick is None, "the fast count read a file the strict reader refuses"
        return False
    if quick is None:
        return False
    assert quick == strict
    return True


def test_the_fast_count_reads_the_usual_catalogs_itself() -> None:
    catalogs = sorted((ROOT / "locales").rglob("*.po"))
    assert len(catalogs) == 5 and all(_counted_alike(path.read_bytes()) for path in catalogs)


def test_the_fast_count_reads_plurals_obsolete_fuzzy_multiline_and_escapes() -> None:
    text = HEADER + "\n".join(
        [
            '#. a note\n#, fuzzy, c-format\n#| msgid "old"\nmsgctxt "a"\nmsgid "one \\"two\\" three"\nmsgstr "un"\n',
            'msgid ""\n"wrapped "\n"text"\nmsgstr ""\n""\n',
            'msgid "day"\nmsgid_plural "days"\nmsgstr[0] "jour"\nmsgstr[1] ""\n',
            'msgid "week"\nmsgid_plural "weeks"\nmsgstr[0] ""\nmsgstr[1] "semaines"\n',
            'msgid "tab\\tand\\\\n"\nmsgstr "x"\n',
            '#, fuzzy c-format\nmsgid "%d b"\nmsgstr "%d c"\n',
            '#, fuzzy\n#~ msgid "gone"\n#~ msgstr "parti"\n',
        ]
    )
    data = text.encode()
    assert _counted_alike(data)
    counts = statistics("t.po", data).counts
    assert (counts.translated, counts.fuzzy, counts.untranslated, counts.obsolete) == (2, 2, 2, 1)


@pytest.mark.parametrize(
    "text",
    [
        'msgid "a"\nmsgstr "b"\n\nmsgid ""\n"a"\nmsgstr "c"\n',  # one message twice, written two ways
        'msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt ""\n"x"\nmsgid "a"\nmsgstr "c"\n',
        'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n',  # an obsolete entry is a definition too
        'msgid ""\nmsgstr "second header"\n',
        '# say "hi"\n"stray string"\nmsgid "a"\nmsgstr "b"\n',
        'msgid "a"\nmsgstr "b" \n',
        'msgid "\\q"\nmsgstr "b"\n',
        'msgid "a"\nmsgstr "b"',
        '#| msgid "old"\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n',  # a comment after #| lines
        '#| "old"\nmsgid "a"\nmsgstr "b"\n',
        '#! fuzzy\nmsgid "a"\nmsgstr "b"\n',
        '# a comment \\\nmsgid "a"\nmsgstr "b"\n',  # the backslash joins the msgid to the comment
    ],
)
def test_the_fast_count_leaves_every_doubtful_file_to_the_strict_reader(text: str) -> None:
    from trigger_content.po.fast import count_fast

    data = (HEADER + text).encode()
    assert count_fast("t.po", data) is None
    _counted_alike(data)


_GENERATED_ENTRY = st.builds(
    lambda comment, flags, previous, context, msgid, plural, msgstr, obsolete: (
        "".join([comment, flags, previous.replace("#|", "#~|") if obsolete else previous])
        + "".join(
            ("#~ " if obsolete else "") + line + "\n"
            for line in "\n".join(
                [
                    *([f"msgctxt {context}"] if context else []),
                    f"msgid {msgid}",
                    *([f"msgid_plural {msgid}", f"msgstr[0] {msgstr}", f"msgstr[1] {msgstr}"] if plural else [f"msgstr {msgstr}"]),
                ]
            ).split("\n")
        )
    ),
    st.sampled_from(["", "#. note\n", "# translator\n", "#: a.py:1\n", "#\n"]),
    st.sampled_from(
        [
            "",
            "",
            "#, fuzzy\n",
            "#, c-format, fuzzy\n",
            "#, no-fuzzy\n",
            "#,fuzzy \n",
            "#, python-format\n",
            "#,fuzzy\n#, python-format\n",
            "#, fuzzy c-format\n",
        ]
    ),
    st.sampled_from(["", '#| msgid "old"\n', '#| msgid ""\n#| "old"\n', '#| msgctxt "k"\n#| msgid "old"\n']),
    st.sampled_from(["", '"c"', '""', '"c"\n"d"']),
    st.sampled_from(['"a"', '""\n"a"', '"a \\"b\\""', '"tab\\there"', '"x\\\\"', '"it’s-a well-known"', '"<a1>link</a1> é"', '"b"']),
    st.booleans(),
    st.sampled_from(['""', '"x"', '""\n""', '""\n"y"', '"\\n"']),
    st.booleans(),
)
_NOISE = st.sampled_from([""] * 30 + ["\n", "\r\n", " ", "\t", '"stray"\n', "#~\n", 'msgstr[2] "z"\n', "\\q", "\x04", "\\\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_GENERATED_ENTRY, _NOISE), max_size=6), st.sampled_from([HEADER] * 5 + [""]))
def test_the_fast_count_agrees_with_the_strict_reader_on_generated_catalogs(entries: list[tuple[str, str]], header: str) -> None:
    text = header + "\n".join(entry + noise for entry, noise in entries)
    _counted_alike(text.encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        HEADER + '#, fuzzy\u00a0\nmsgid "a"\nmsgstr "b"\n',  # str.strip() takes the no-break space, bytes.strip() not
        HEADER + '#, fuzzy\x1f\nmsgid "a"\nmsgstr "b"\n',
        "# charset=latin1\n" + HEADER + 'msgid "naïve it’s"\nmsgstr "b"\n',  # a comment does not decide the charset
        'msgid ""\nmsgstr ""\n"X-Note: charset=latin1\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "naïve it’s"\nmsgstr "b"\n',  # the header's first charset= does
        "# charset=ascii\n" + HEADER + 'msgid "é"\nmsgstr "b"\n',
    ],
)
def test_the_fast_count_agrees_on_flag_white_space_and_the_charset_that_decides(text: str) -> None:
    _counted_alike(text.encode("utf-8"))


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_word_counts_of_utf8_bytes_equal_those_of_text(text: str) -> None:
    from trigger_content.po.stats import count_words, count_words_utf8

    assert count_words_utf8(text.encode("utf-8")) == count_words(text)


@given(st.text(alphabet="ab1_-'’ .<>/é\n", max_size=40))
def test_word_counts_agree_on_connectors_and_tags(text: str) -> None:
    from trigger_content.po.stats import count_words, count_words_utf8

    assert count_words_utf8(text.encode("utf-8")) == count_words(text)


def test_the_example_of_docs_po_files_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    monkeypatch.chdir(ROOT)
    text = (ROOT / "docs" / "po-files.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    exec(compile(example, "docs/po-files.md", "exec"), {})


def test_the_codecs_of_gettexts_charsets_are_written_out_right() -> None:
    import codecs

    from trigger_content.po.charset import GETTEXT_CHARSETS, GETTEXT_CODECS

    found = set()
    for name in GETTEXT_CHARSETS:
        try:
            found.add(codecs.lookup(name).name)
        except LookupError:
            assert name in ("EUC-TW", "VISCII", "GEORGIAN-PS")  # no codec in Python
    assert found == GETTEXT_CODECS


def test_a_plural_index_of_thousands_of_digits_is_read_as_msgfmt_reads_it() -> None:
    head = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\nPlural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    zeros = "0" * 5000
    entry = read_po("zeros.po", (head + f'msgid "a"\nmsgid_plural "as"\nmsgstr[{zeros}] "x"\nmsgstr[{zeros}1] "y"\n').encode()).entries[0]
    assert entry.msgstr == ("x", "y")
    with pytest.raises(CatalogError) as refused:
        read_po("nines.po", (head + f'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[{"9" * 5000}] "y"\n').encode())
    assert str(refused.value) == "nines.po:7: msgstr[99999999…] where msgstr[1] is expected: plural forms go in order, none missing"


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext (msgcat) is not installed")
def test_the_first_charset_of_the_header_text_decides_even_split_or_escaped() -> None:
    """gettext takes the first ``charset=`` of the header's text: written across two strings, or with an escape, it is still the first."""
    from trigger_content.po import catalog_bytes

    for spelled in ('"X-Note: chars"\n"et=ISO-8859-1 \\n"\n', '"X-Note: charset\\x3dISO-8859-1 \\n"\n'):
        data = ('msgid ""\nmsgstr ""\n' + spelled + '"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "été"\n').encode(
            "latin-1"
        )
        catalog = read_po("split.po", data)
        assert (catalog.charset, catalog.entries[0].msgstr) == ("iso8859-1", ("été",))
        assert catalog_bytes(catalog) == subprocess.run(["msgcat", "-"], input=data, capture_output=True, check=True).stdout


def test_a_compiled_catalog_is_in_the_catalogs_charset_with_what_msgfmt_compiles(tmp_path: Path) -> None:
    import gettext

    from trigger_content.catalogs import compile_catalog

    data = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Summer"\nmsgstr "Été"\n\nmsgid "one day"\nmsgid_plural "%d days"\nmsgstr[0] "un jour"\nmsgstr[1] ""\n'
    ).encode("latin-1")
    catalog = read_po("fr.po", data)
    mo = tmp_path / "fr.mo"
    mo.write_bytes(compile_catalog(catalog, data))
    with open(mo, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.gettext("Summer") == "Été"
    assert compiled.ngettext("one day", "%d days", 1) == "un jour"  # msgfmt compiles it: the first form is there
    if shutil.which("msgfmt"):
        made = tmp_path / "msgfmt.mo"
        subprocess.run(["msgfmt", "-o", str(made), "-"], input=data, check=True)
        with open(made, "rb") as handle:
            theirs = gettext.GNUTranslations(handle)
        assert (theirs.gettext("Summer"), theirs.ngettext("one day", "%d days", 1)) == ("Été", "un jour")


def test_text_that_the_charset_cannot_hold_is_refused_not_written(tmp_path: Path) -> None:
    from trigger_content.catalogs import merge
    from trigger_content.po import Catalog, Entry, catalog_bytes

    catalog = read_po("x.po", b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n\nmsgid "a"\nmsgstr "b"\n')
    merged = merge(catalog, Catalog("t.pot", [Entry("Café")], Entry("", ("Content-Type: text/plain; charset=UTF-8\n",))))
    with pytest.raises(CatalogError) as refused:
        catalog_bytes(merged)
    assert str(refused.value) == "x.po: 'é' cannot be written in the catalog's charset CHARSET; change it to UTF-8"


def test_the_read_check_reports_what_the_reader_read_past(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["check", "--no-cache", "--disable", "header", str(VALID / "second_flag_line_without_fuzzy.po"), str(VALID / "utf8_bom.po")])
        == 1
    )
    out = capsys.readouterr().out.splitlines()
    assert (
        f"{VALID / 'second_flag_line_without_fuzzy.po'}:7: warning: a second flag line without 'fuzzy': gettext keeps only the last flag line, so the entry is not fuzzy [read]"
        in out
    )
    assert f"{VALID / 'utf8_bom.po'}:1: warning: a UTF-8 byte order mark starts the file; it was ignored [read]" in out
