"""The reader against GNU msgfmt itself, on thousands of generated and mutated catalogs.

For each catalog of :mod:`gettext_corpus` (seeded: the same files every run),
``msgfmt --statistics`` and the reader must agree: the same verdict (compiled,
or refused), the same three counts, and a refusal at a line msgfmt names.
The differences are the documented ones (docs/po-files.md), each recognized
here by what it is, never by the file it is in.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest

from trigger_content.po import CatalogError, read_po, statistics

from gettext_corpus import Verdict, catalogs, msgfmt

pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")

#: How many catalogs a run compares: enough for every layout and mutation, a few seconds.
COUNT = 2000

#: Refusals of text msgfmt passes on without reading it (docs/po-files.md, "Refused on purpose").
REFUSED_ON_PURPOSE = (
    "escape sequences in ",  # bytes from escapes that are not text in the charset
    "byte 0x",  # a byte that is not text in the charset, where msgfmt does not look (see below)
    "msgcat conflict markers",
    "a domain directive",
    "a NUL character",
    "NUL byte",
)
#: msgfmt refuses a translation whose newlines at its ends differ from the
#: English, even without -c; for this reader that is a finding of check.
_NEWLINE_ONLY = re.compile(r"entries do not both (begin|end) with '\\n'")


def _msgfmt_refused_for_newlines_only(verdict: Verdict) -> bool:
    errors = [line for line in verdict.output.splitlines() if re.match(r"^\S+\.po:\d+", line)]
    return bool(errors) and all(_NEWLINE_ONLY.search(line) for line in errors)


def _difference(data: bytes, verdict: Verdict) -> str | None:
    """What differs between msgfmt and the reader on ``data`` beyond what is documented; ``None`` when nothing does."""
    try:
        counts = statistics("corpus.po", data, fast=False).counts
        ours: tuple[int, int, int] | CatalogError = (counts.translated, counts.fuzzy, counts.untranslated)
    except CatalogError as error:
        ours = error
    if isinstance(ours, CatalogError):
        if ours.message.startswith(REFUSED_ON_PURPOSE):
            return None
        if verdict.accepted or _msgfmt_refused_for_newlines_only(verdict):
            return f"refused ({ours}) what msgfmt compiles"
        assert ours.line is not None
        # The line msgfmt names, or the next: after a comment or a string
        # left open, msgfmt's lexer has read the line's end already.
        if ours.line not in verdict.lines and ours.line + 1 not in verdict.lines:
            return f"refused at line {ours.line}, msgfmt at {verdict.lines}"
        return None
    if not verdict.accepted and not _msgfmt_refused_for_newlines_only(verdict):
        if data.startswith(b"\xef\xbb\xbf"):
            return None  # a byte order mark: skipped with a note
        return f"read what msgfmt refuses: {verdict.output.strip()}"
    if ours != verdict.counts:
        return f"counted {ours}, msgfmt {verdict.counts}"
    return None


@pytest.mark.parametrize("seed", [1, 2])
def test_the_reader_gives_msgfmts_verdict_and_counts(seed: int) -> None:
    datas = catalogs(seed, COUNT // 2)
    verdicts = msgfmt(datas)
    differences = {index: found for index, (data, verdict) in enumerate(zip(datas, verdicts)) if (found := _difference(data, verdict))}
    assert differences == {}, "\n\n".join(f"{datas[index]!r}\n{found}" for index, found in list(differences.items())[:5])
    # The corpus exercises both outcomes, and several kinds of refusal.
    accepted = sum(verdict.accepted for verdict in verdicts)
    assert COUNT // 8 < accepted < COUNT // 2 - COUNT // 8
    kinds: Counter[str] = Counter()
    for data in datas:
        try:
            read_po("corpus.po", data)
        except CatalogError as error:
            kinds[re.sub(r"[0-9]+|'.*'", "N", error.message)] += 1
    assert len(kinds) >= 15, kinds


def test_the_fast_paths_agree_with_the_strict_reader_on_the_corpus() -> None:
    for data in catalogs(3, 500):
        try:
            strict: object = read_po("corpus.po", data, fast=False)
            strict = (strict.entries, strict.header_entry, strict.notes)  # type: ignore[attr-defined]
        except CatalogError as error:
            strict = str(error)
        try:
            fast: object = read_po("corpus.po", data)
            fast = (fast.entries, fast.header_entry, fast.notes)  # type: ignore[attr-defined]
        except CatalogError as error:
            fast = str(error)
        assert fast == strict
        try:
            counted: object = statistics("corpus.po", data, fast=False)
        except CatalogError as error:
            counted = str(error)
        try:
            quick: object = statistics("corpus.po", data)
        except CatalogError as error:
            quick = str(error)
        assert quick == counted
