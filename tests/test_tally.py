"""status's quick count (trigger_content.tally) against the strict reader it stands in for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trigger_content.poreader import CatalogError, read_po
from trigger_content.status import count, count_words, count_words_utf8
from trigger_content.tally import tally

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'


def _agree(path: str | Path, data: bytes) -> bool:
    """Whether tally gives what the strict reader and ``count`` give; False when tally declined."""
    quick = tally(path, data)
    try:
        catalog = read_po(path, data)
    except CatalogError:
        assert quick is None, "tally accepted a file the strict reader refuses"
        return False
    if quick is None:
        return False
    header, counts = quick
    assert counts == count(catalog.entries)
    assert (header.locale, header.header, header.notes) == (catalog.locale, catalog.header, catalog.notes)
    return True


def _every_catalog() -> list[Path]:
    return sorted({*DATA.rglob("*.po"), *(ROOT / "locales").rglob("*.po")})


@pytest.mark.parametrize("path", _every_catalog(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_tally_counts_what_the_strict_reader_counts_or_declines(path: Path) -> None:
    _agree(path, path.read_bytes())


def test_tally_reads_the_project_catalogs_itself() -> None:
    catalogs = sorted((ROOT / "locales").rglob("*.po"))
    assert len(catalogs) == 5 and all(_agree(path, path.read_bytes()) for path in catalogs)


def test_tally_reads_plurals_obsolete_fuzzy_multiline_and_escapes() -> None:
    text = HEADER + "\n".join([
        '#. a note\n#, fuzzy, c-format\n#| msgid "old"\nmsgctxt "a"\nmsgid "one \\"two\\" three"\nmsgstr "un"\n',
        'msgid ""\n"wrapped "\n"text"\nmsgstr ""\n""\n',
        'msgid "day"\nmsgid_plural "days"\nmsgstr[0] "jour"\nmsgstr[1] ""\n',
        'msgid "tab\\tand\\\\n"\nmsgstr "x"\n',
        '#, fuzzy\n#~ msgid "gone"\n#~ msgstr "parti"\n',
    ])
    data = text.encode()
    assert _agree("t.po", data)
    counts = tally("t.po", data)[1]
    assert (counts.translated, counts.fuzzy, counts.untranslated, counts.obsolete) == (1, 1, 2, 1)


@pytest.mark.parametrize("text", [
    'msgid "a"\nmsgstr "b"\n\nmsgid ""\n"a"\nmsgstr "c"\n',  # one message twice, written two ways
    'msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt ""\n"x"\nmsgid "a"\nmsgstr "c"\n',
    'msgid ""\nmsgstr "second header"\n',
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\n',  # fewer forms than Plural-Forms says
    '# say "hi"\n"stray string"\nmsgid "a"\nmsgstr "b"\n',
    'msgid "a"\nmsgstr "b" \n',
    'msgid "\\q"\nmsgstr "b"\n',
    'msgid "a"\nmsgstr "b"',
])
def test_tally_leaves_every_doubtful_file_to_the_strict_reader(text: str) -> None:
    data = (HEADER + text).encode()
    assert tally("t.po", data) is None
    _agree("t.po", data)


_ENTRY = st.builds(
    lambda comment, flags, previous, context, msgid, plural, msgstr, obsolete: (
        "".join([comment, flags, previous])
        + "".join(("#~ " if obsolete else "") + line + "\n" for line in "\n".join([
            *([f"msgctxt {context}"] if context else []),
            f"msgid {msgid}",
            *([f"msgid_plural {msgid}", f"msgstr[0] {msgstr}", f"msgstr[1] {msgstr}"] if plural else [f"msgstr {msgstr}"]),
        ]).split("\n"))
    ),
    st.sampled_from(["", "#. note\n", "# translator\n", "#: a.py:1\n", "#\n"]),
    st.sampled_from(["", "", "#, fuzzy\n", "#, c-format, fuzzy\n", "#, no-fuzzy\n", "#,fuzzy \n", "#, python-format\n", "#,fuzzy\n#, python-format\n"]),
    st.sampled_from(["", '#| msgid "old"\n', '#| msgid ""\n#| "old"\n']),
    st.sampled_from(["", '"c"', '""', '"c"\n"d"']),
    st.sampled_from(['"a"', '""\n"a"', '"a \\"b\\""', '"tab\\there"', '"x\\\\"', '"it’s-a well-known"', '"<a1>link</a1> é"', '"b"']),
    st.booleans(),
    st.sampled_from(['""', '"x"', '""\n""', '""\n"y"', '"\\n"']),
    st.booleans(),
)
_NOISE = st.sampled_from([""] * 30 + ["\n", "\r\n", " ", "\t", '"stray"\n', "#~\n", "msgstr[2] \"z\"\n", "\\q", "\x04"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_ENTRY, _NOISE), max_size=6), st.sampled_from([HEADER] * 5 + [""]))
def test_tally_agrees_with_the_strict_reader_on_generated_catalogs(entries: list[tuple[str, str]], header: str) -> None:
    text = header + "\n".join(entry + noise for entry, noise in entries)
    _agree("gen.po", text.encode("utf-8"))


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_word_counts_of_utf8_bytes_equal_those_of_text(text: str) -> None:
    assert count_words_utf8(text.encode("utf-8")) == count_words(text)


@given(st.text(alphabet="ab1_-'’ .<>/é\n", max_size=40))
def test_word_counts_agree_on_connectors_and_tags(text: str) -> None:
    assert count_words_utf8(text.encode("utf-8")) == count_words(text)


@pytest.mark.parametrize("text", [
    HEADER + '#, fuzzy\u00a0\nmsgid "a"\nmsgstr "b"\n',  # str.strip() takes the no-break space, bytes.strip() not
    HEADER + '#, fuzzy\x1f\nmsgid "a"\nmsgstr "b"\n',
    "# charset=latin1\n" + HEADER + 'msgid "naïve it’s"\nmsgstr "b"\n',  # the first charset= decides
    'msgid ""\nmsgstr ""\n"X-Note: charset=latin1\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "naïve it’s"\nmsgstr "b"\n',
    "# charset=ascii\n" + HEADER + 'msgid "é"\nmsgstr "b"\n',  # refused by the strict reader
])
def test_tally_agrees_on_flag_white_space_and_the_charset_that_decides(text: str) -> None:
    data = text.encode("utf-8")
    _agree("t.po", data)
