"""``format_po`` writes what GNU gettext's ``msgcat`` writes, byte for byte.

The reference is the real ``msgcat`` (GNU gettext 0.21 here): each fixture in
``data/pofile/`` is read with ``read_po``, written with ``format_po`` and
compared with ``msgcat``'s output for the same file. Tests that need ``msgcat`` are
skipped where it is not installed; the others pin the behaviour down with
expected text.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from trigger_content.po import Catalog, Entry, read_po
from trigger_content.po.entry import header_text
from trigger_content.po.writer import format_po, iter_po_lines, wrap_string

from conftest import DATA as TESTS_DATA

DATA = TESTS_DATA / "pofile"
CASES = sorted(DATA.glob("*.po"))
MSGCAT = shutil.which("msgcat")

needs_msgcat = pytest.mark.skipif(MSGCAT is None, reason="GNU gettext's msgcat is not on PATH (Debian package 'gettext')")


def msgcat(source: Path | str, *, width: int | None = None) -> str:
    """msgcat's output for a file, or for PO text given as a string."""
    assert MSGCAT is not None
    # --force-po: write a catalog that has no message besides its header too.
    options = ["--force-po"] + ([] if width is None else [f"--width={width}"])
    if isinstance(source, Path):
        result = subprocess.run([MSGCAT, *options, str(source)], capture_output=True, check=True)
    else:
        result = subprocess.run([MSGCAT, *options, "-"], input=source.encode("utf-8"), capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def catalog(*entries: Entry, **fields: str) -> Catalog:
    header = Entry("", (header_text({"Content-Type": "text/plain; charset=UTF-8", **fields}.items()),))
    return Catalog("case.po", list(entries), header)


# --------------------------------------------------------------------------
# Against the real msgcat


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 20


@needs_msgcat
@pytest.mark.parametrize("width", [79, 40])
@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_format_po_matches_msgcat(path: Path, width: int) -> None:
    expected = msgcat(path, width=width)
    assert format_po(read_po(path), width=width) == expected


@needs_msgcat
def test_default_width_is_msgcats() -> None:
    path = DATA / "french.po"
    assert format_po(read_po(path)) == msgcat(path)


@needs_msgcat
@pytest.mark.parametrize("width", [0, 5, 20, 21])
def test_width_limits_are_msgcats(width: int) -> None:
    path = DATA / "long_references.po"
    assert format_po(read_po(path), width=width) == msgcat(path, width=width)


def _obsolete_with_previous_strings() -> Catalog:
    """Obsolete entries with previous strings (``#~|``), which polib drops when it reads."""
    stale = Entry(
        "Getting a trigger point injection",
        ("Recevoir une injection dans un point gâchette",),
        obsolete=True,
        flags=("fuzzy",),
        previous_msgctxt="sections.getting.title",
        previous_msgid="Getting trigger point injections, which is a title long enough to be wrapped",
    )
    plural = Entry(
        "%(count)d injection",
        ("%(count)d injection", "%(count)d injections"),
        msgid_plural="%(count)d injections",
        obsolete=True,
        previous_msgid="%(count)d shot",
        previous_msgid_plural="%(count)d shots",
    )
    return catalog(Entry("Exercise", ("Exercice",)), stale, plural)


@needs_msgcat
def test_obsolete_previous_strings_match_msgcat() -> None:
    text = format_po(_obsolete_with_previous_strings())
    assert "#~| msgctxt" in text
    assert msgcat(text) == text


@needs_msgcat
@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_read_then_write_is_a_round_trip_through_msgcat(path: Path) -> None:
    """What msgcat writes, read and written again, is the same bytes: nothing is lost or changed on the way."""
    text = msgcat(path)
    assert format_po(read_po("again.po", text.encode("utf-8"))) == text


ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "     .,;:!?()[]{}<>/\\\"'-+%#_*&@=~|"
    "–—‐‑\u00a0\u202f«»„“”‘’…€°№"
    "éèêàâçôûœæÉÀÇäöüßñãõíóú"
    "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗ"
    "\u0301\u200b\u200d\u2060\u00ad\u4e00\u3001\U0001f44d\U0001f3fd"
    "\n\t"
)
TOKENS = [
    "%(count)d",
    "%s",
    "% d",
    "{count}",
    "{place.name}",
    "<a1>",
    "</a1>",
    "<em1>",
    "</em1>",
    "COVID-19",
    "in-person",
    "and/or",
    "https://www.rush.edu/services/trigger-point-injections",
    "Pneumonoultramicroscopicsilicovolcanoconiosis",
    " — ",
    " – ",
    " : ",
    "\\n",
]
texts = st.lists(st.one_of(st.text(ALPHABET, min_size=1, max_size=15), st.sampled_from(TOKENS)), max_size=14).map("".join)
entries = st.lists(
    st.tuples(
        texts,
        texts,
        st.sampled_from([[], ["python-format"], ["python-brace-format"], ["no-wrap"], ["fuzzy"]]),
        st.booleans(),  # with a previous msgid
        st.booleans(),  # obsolete
    ),
    min_size=1,
    max_size=6,
)


@needs_msgcat
@settings(
    max_examples=100,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(entries=entries, width=st.sampled_from([79, 79, 40, 25, 100]))
def test_random_strings_match_msgcat(entries: list[tuple[str, str, list[str], bool, bool]], width: int) -> None:
    # msgcat reads format_po's text and writes it again: any line it breaks
    # elsewhere, any escape or flag it writes otherwise, shows up as a difference.
    po = catalog(
        *(
            Entry(
                msgid,
                (msgstr,),
                msgctxt=f"case.{number}",
                flags=tuple(flags),
                obsolete=obsolete,
                previous_msgid=msgstr if with_previous else None,
            )
            for number, (msgid, msgstr, flags, with_previous, obsolete) in enumerate(entries)
        )
    )
    text = format_po(po, width=width)
    assert msgcat(text, width=width) == text
    # ... and the text says what the catalog says (obsolete entries last, the
    # untranslated ones left out).
    written = [(msgid, msgstr) for msgid, msgstr, *_, obsolete in entries if not obsolete]
    written += [(msgid, msgstr) for msgid, msgstr, *_, obsolete in entries if obsolete and msgstr]
    assert [(entry.msgid, entry.msgstr[0]) for entry in read_po("written.po", text.encode("utf-8"))] == written


# --------------------------------------------------------------------------
# Behaviour, spelled out


def test_short_strings_stay_on_the_keyword_line() -> None:
    assert wrap_string("msgid", "Exercise") == ['msgid "Exercise"']
    assert wrap_string("msgstr", "") == ['msgstr ""']


def test_escapes() -> None:
    assert wrap_string("msgid", 'Say "hi"\\\t') == ['msgid "Say \\"hi\\"\\\\\\t"']
    assert wrap_string("msgid", "\r\f\v\b") == ['msgid "\\r\\f\\v\\b"']


def test_newlines_end_lines() -> None:
    assert wrap_string("msgid", "One\nTwo") == ['msgid ""', '"One\\n"', '"Two"']
    # A single newline at the end keeps a short string on the keyword line.
    assert wrap_string("msgid", "One\n") == ['msgid "One\\n"']
    assert wrap_string("msgid", "\n\n") == ['msgid ""', '"\\n"', '"\\n"']


def test_wrapping_keeps_trailing_spaces_and_fills_to_79_columns() -> None:
    text = "Trigger point injections are used to relieve painful trigger points, areas of muscle."
    lines = wrap_string("msgid", text)
    assert lines == [
        'msgid ""',
        '"Trigger point injections are used to relieve painful trigger points, areas "',
        '"of muscle."',
    ]
    assert max(len(line) for line in lines) <= 79


def test_a_word_longer_than_the_line_stays_whole() -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2
    assert wrap_string("msgid", word) == [f'msgid "{word}"']
    assert wrap_string("msgid", f"See {word} here") == ['msgid ""', '"See "', f'"{word} "', '"here"']


def test_no_break_spaces_hold_french_punctuation() -> None:
    text = "Parlez-en à votre médecin : il vous orientera si nécessaire vers un spécialiste\u202f!"
    lines = wrap_string("msgstr", text)
    assert lines == [
        'msgstr ""',
        '"Parlez-en à votre médecin : il vous orientera si nécessaire vers un "',
        '"spécialiste\u202f!"',
    ]


def test_no_wrap() -> None:
    text = "A long line that is not wrapped because the entry carries the no-wrap flag, however long."
    assert wrap_string("msgid", text, wrap=False) == [f'msgid "{text}"']


def test_prefix_starts_every_line() -> None:
    lines = wrap_string("msgid", "One\nTwo", prefix="#~ ")
    assert lines == ['#~ msgid ""', '#~ "One\\n"', '#~ "Two"']


def test_width_limits() -> None:
    po = read_po(DATA / "long_word.po")
    assert format_po(po, width=5) == format_po(po, width=20)
    assert all(line.count('"') <= 2 or "\\" in line for line in format_po(po, width=0).splitlines())
    with pytest.raises(ValueError):
        format_po(po, width=-1)


def test_the_header_is_written_with_its_comments_and_flags() -> None:
    po = catalog(Entry("Exercise", ("Bewegung",)), Language="de")
    po = po.replace(header=po.header_entry._replace(comments=("German translation.", "", "Translators:"), flags=("fuzzy",)))  # type: ignore[union-attr]
    assert format_po(po) == (
        "# German translation.\n"
        "#\n"
        "# Translators:\n"
        "#, fuzzy\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: de\\n"\n'
        "\n"
        'msgid "Exercise"\n'
        'msgstr "Bewegung"\n'
    )


def test_no_header_without_a_header_entry() -> None:
    assert format_po(Catalog("bare.po", [Entry("Exercise")])) == 'msgid "Exercise"\nmsgstr ""\n'


def test_flags_are_normalized_as_gettext_does() -> None:
    entry = Entry(
        "%(count)d point", ("%(count)d Punkt",), flags=("python-format", "my-flag", "fuzzy", "c-format", "range:", "1..5", "no-wrap")
    )
    assert "#, fuzzy, c-format, python-format, range: 1..5, no-wrap\n" in format_po(catalog(entry))
    untranslated = Entry("Exercise", flags=("fuzzy",))
    assert "#," not in format_po(catalog(untranslated))


def test_references() -> None:
    entry = Entry(
        "Exercise", references=("./a.py:1", "./a.py:1", "b.py", "c.py:3", *(f"content/page_{number}.toml:100" for number in range(4)))
    )
    # Duplicates go, "./" goes, and the lines are filled up to 79 columns.
    assert format_po(catalog(entry)).splitlines()[3:5] == [
        "#: a.py:1 b.py c.py:3 content/page_0.toml:100 content/page_1.toml:100",
        "#: content/page_2.toml:100 content/page_3.toml:100",
    ]


def test_obsolete_entries_go_last_and_untranslated_ones_go() -> None:
    po = catalog(
        Entry("Gone", ("Parti",), obsolete=True),
        Entry("Untranslated and gone", obsolete=True),
        Entry("Exercise", ("Exercice",)),
    )
    assert format_po(po).split("\n\n")[1:] == [
        'msgid "Exercise"\nmsgstr "Exercice"',
        '#~ msgid "Gone"\n#~ msgstr "Parti"\n',
    ]


def test_obsolete_previous_strings() -> None:
    assert format_po(_obsolete_with_previous_strings()).split("\n\n")[1:] == [
        'msgid "Exercise"\nmsgstr "Exercice"',
        "#, fuzzy\n"
        '#~| msgctxt "sections.getting.title"\n'
        '#~| msgid ""\n'
        '#~| "Getting trigger point injections, which is a title long enough to be "\n'
        '#~| "wrapped"\n'
        '#~ msgid "Getting a trigger point injection"\n'
        '#~ msgstr "Recevoir une injection dans un point gâchette"',
        '#~| msgid "%(count)d shot"\n'
        '#~| msgid_plural "%(count)d shots"\n'
        '#~ msgid "%(count)d injection"\n'
        '#~ msgid_plural "%(count)d injections"\n'
        '#~ msgstr[0] "%(count)d injection"\n'
        '#~ msgstr[1] "%(count)d injections"\n',
    ]


def test_iter_po_lines_are_the_lines_of_format_po() -> None:
    po = read_po(DATA / "plurals.po")
    assert "".join(line + "\n" for line in iter_po_lines(po, width=40)) == format_po(po, width=40)
