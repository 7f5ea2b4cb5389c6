"""Every path that reads untrusted text takes time in proportion to it.

Each case builds an input of size n and of size 4n, times both in the same
run (the best of a few tries, so a busy machine does not decide), and
asserts that the ratio stays near 4: a path that reads a line twice for every
line before it gives 16. No absolute time is asserted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from trigger_content.errors import TriggerContentError
from trigger_content.po import CatalogError, read_po, statistics

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
#: Quadratic growth gives 16 for 4n; linear gives 4, and less while fixed costs weigh.
LIMIT = 8


def _best(function: Callable[[], object], tries: int = 5) -> float:
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        try:
            function()
        except TriggerContentError:
            pass
        best = min(best, time.perf_counter() - start)
    return best


def _ratio(make: Callable[[int], Callable[[], object]], n: int) -> float:
    small, large = make(n), make(4 * n)
    _best(small, 1)  # warm up: caches, compiled expressions
    return _best(large) / _best(small)


def _catalog(text: str) -> bytes:
    return (HEADER + text).encode("utf-8")


CATALOGS = {
    # k reference lines before an entry whose string holds a carriage return
    "references before a carriage return": lambda k: _catalog("#: a.py:1\n" * k + 'msgid "a\r"\nmsgstr "b"\n'),
    # a line that cannot be read after k comment lines
    "a bad line after comments": lambda k: _catalog("# a comment\n" * k + "junk\n"),
    "a bad line after flags and references": lambda k: _catalog("#: a.py:1\n#, fuzzy\n" * k + 'msgid "a"\n'),
    "many entries": lambda k: _catalog("".join(f'msgid "m{index}"\nmsgstr "x"\n\n' for index in range(k))),
    "many entries, one not in the usual shape": lambda k: _catalog(
        "".join(f'msgid "m{index}"\nmsgstr "x"\n\n' for index in range(k)) + 'msgid "z" msgstr "y"\n'
    ),
    "a long hexadecimal escape": lambda k: _catalog('msgid "a"\nmsgstr "\\x' + "f" * 10 * k + '"\n'),
    "joined lines": lambda k: _catalog('msgid "a"\nmsgstr "' + "b\\\n" * k + '"\n'),
    "previous strings": lambda k: _catalog('#| msgid "a"\n' + '#| "b"\n' * k + 'msgid "a"\nmsgstr "b"\n'),
    "an unterminated string after many": lambda k: _catalog('msgid "a"\nmsgstr ""\n' + '"b"\n' * k + '"open\n'),
    "a plural form over many lines": lambda k: _catalog(
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] ""\n' + ('"' + "x" * 100 + '"\n') * k + 'msgstr[1] "y"\n'
    ),
    "references with colons apart": lambda k: _catalog("#: " + "a.c : 1 b : " * k + '\nmsgid "a"\nmsgstr "b"\n'),
}


@pytest.mark.parametrize("case", CATALOGS, ids=list(CATALOGS))
@pytest.mark.parametrize("fast", [True, False], ids=["fast", "strict"])
def test_reading_a_catalog_is_linear(case: str, fast: bool) -> None:
    make = CATALOGS[case]
    assert _ratio(lambda k: lambda data=make(k): read_po("case.po", data, fast=fast), 2000) < LIMIT
    assert _ratio(lambda k: lambda data=make(k): statistics("case.po", data, fast=fast), 2000) < LIMIT


CHECKED = {
    # "%(" again and again in a python-format text: a mapping key never closed
    "python-format keys never closed": lambda k: _catalog('#, python-format\nmsgid "' + "%(" * k + '"\nmsgstr "' + "%(" * k + '"\n'),
    "c-format directives": lambda k: _catalog('#, c-format\nmsgid "' + "%" * k + '"\nmsgstr "' + "%1$" * k + '"\n'),
    "brace-format fields never closed": lambda k: _catalog('#, python-brace-format\nmsgid "' + "{" * k + '"\nmsgstr "' + "{a" * k + '"\n'),
    "tags never closed": lambda k: _catalog('msgid "' + "<a1>" * k + '"\nmsgstr "' + "<a " * k + '"\n'),
    "end marks then spaces": lambda k: _catalog('msgid "a."\nmsgstr "' + "!" * k + " " * k + 'x"\n'),
    "French punctuation": lambda k: _catalog('"Language: fr\\n"\nmsgid "a"\nmsgstr "' + ":" * k + '"\n'),
    "invisible characters": lambda k: _catalog('msgid "a"\nmsgstr "' + "\u202e\u200b" * k + '"\n'),
    "markup": lambda k: _catalog('msgid "<b>a</b>"\nmsgstr "' + "<b x='1' " * k + '"\n'),
}


@pytest.mark.parametrize("case", CHECKED, ids=list(CHECKED))
def test_checking_a_catalog_is_linear(case: str) -> None:
    from trigger_content.checks import Policy, check_catalog

    make = CHECKED[case]
    assert _ratio(lambda k: lambda data=make(k): check_catalog(read_po("case.po", data), Policy()), 2000) < LIMIT


def test_checking_a_plural_expression_is_linear_and_a_huge_one_is_refused_unread() -> None:
    """A Plural-Forms tree of products: checked in time linear in its size, and past 1,000 tokens not evaluated at all."""
    from trigger_content.po.plural import plural_problem

    def products(k: int) -> Callable[[], object]:
        return lambda: plural_problem("nplurals=2; plural=" + "*".join(["(n%2)"] * k) + ";")

    assert _ratio(products, 40) < LIMIT
    start = time.perf_counter()
    assert plural_problem("nplurals=2; plural=" + "*".join(["(n%2)"] * 50_000) + ";") == (
        "the plural expression is longer than 1000 tokens; gettext tools' rules have fewer than 100"
    )
    assert plural_problem("nplurals=2; plural=" + "(" * 110 + "n" + ")" * 110 + ";") == "plural form index 2 for n = 2 is outside 0..1"
    assert time.perf_counter() - start < 5  # a bound far above its cost, against a hang, not a speed goal


def test_the_review_diff_is_linear() -> None:
    from trigger_content.review import word_diff

    def texts(k: int) -> Callable[[], object]:
        old = " ".join(f"w{index}" for index in range(k))
        new = " ".join(f"v{index}" for index in range(k))
        return lambda: word_diff(old, new)

    assert _ratio(texts, 2000) < LIMIT


def test_loading_a_deep_toml_document_is_refused_at_its_line(tmp_path: Path) -> None:
    import trigger_content as tc

    for depth in (300, 500, 5000):
        path = tmp_path / f"deep-{depth}.toml"
        path.write_text(f'id = "deep"\ntitle = "Deep"\nx = {"[" * depth}{"]" * depth}\n', encoding="utf-8")
        with pytest.raises(tc.SourceError) as refused:
            tc.load_page(path)
        assert (
            str(refused.value)
            == f"{path}:3:37: values nested more than 32 deep (arrays or inline tables); no document of this project nests so deep"
        )


def test_a_catalog_that_cannot_be_read_is_refused_whatever_its_size() -> None:
    with pytest.raises(CatalogError):
        read_po("case.po", _catalog("# a comment\n" * 100_000 + "junk\n"))


def test_a_plural_forms_header_of_many_forms_costs_nothing_and_is_said(tmp_path: Path) -> None:
    """The number of forms a header claims sets no cost: counted at once, reported by check, refused by update."""
    from trigger_content.checks import Policy, check_catalog

    for claimed in ("32000", "0" * 5000 + "2", "9" * 5000):
        data = _catalog('msgid "day"\nmsgid_plural "days"\nmsgstr[0] "Tag"\nmsgstr[1] "Tage"\n').replace(
            b"nplurals=2", b"nplurals=" + claimed.encode()
        )
        start = time.perf_counter()
        assert statistics("case.po", data).counts.translated == 1
        found = [finding.message for finding in check_catalog(read_po("case.po", data), Policy()) if finding.check == "plural-forms"]
        if claimed.startswith("0"):  # nplurals=2, written with 5,000 zeros before it
            assert found == []
        else:
            assert len(found) == 1 and "no language has more than 6 plural forms" in found[0]
        assert time.perf_counter() - start < 5  # against a hang, not a speed goal
