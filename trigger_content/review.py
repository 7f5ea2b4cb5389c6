"""The review page: a catalog's translations beside the English, for medical reviewers.

:func:`render_review` walks the pages in reading order (the site chrome first,
once), finds each text's entry in a catalog by message context and English,
and writes one self-contained HTML5 document: a summary (counts, a bar per
section), then a row per text with its context, where it appears, the English,
the translation, its state (translated, fuzzy, untranslated, missing; by
colour *and* by label), what changed in the English of a fuzzy entry (a word
diff against the previous English), and the check findings for it.

Everything that comes from the catalog, the findings or the pages is text:
the template is Jinja2 with autoescape, and inline tags such as ``<a1>`` are
shown as labelled badges, never as markup.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import checks, status
from .errors import TriggerContentError
from .inline import plain_text, unique_id
from .languages import declared_locale, declared_tag, english_name, text_direction
from .model import Page
from .po.entry import Catalog, Entry
from .po.stats import Counts, ReviewCounts, count, state
from .project import Project
from .readability import Reading
from .render.html import environment
from .reviews import CatalogReviews, Review, catalog_reviews, english_text, entry_digest, iso, translation_digest
from .source import load_pages
from .tags import TAG_RE
from .translations import read_source_catalog, usable_texts
from .walker import Segment, segments

__all__ = ["render_review", "review_locale"]

#: Splits a text into inline tags, runs of other characters and runs of whitespace.
_TOKEN = re.compile(rf"{TAG_RE.pattern}|\s+|[^\s<]+|<")

#: The label a reviewer reads for each state (the colour only repeats it).
STATE_LABELS = {
    "translated": "Translated",
    "fuzzy": "Fuzzy",
    "untranslated": "Untranslated",
    "missing": "Missing",
}


@dataclass(frozen=True)
class Piece:
    """A run of text, or an inline tag (``<a1>``, ``</a1>``) shown as a badge."""

    text: str
    tag: bool = False


@dataclass(frozen=True)
class Change:
    """A part of a word diff: ``equal``, ``del`` (only in the old text) or ``ins`` (only in the new)."""

    op: str
    pieces: tuple[Piece, ...]


@dataclass
class Row:
    """One text of the pages, with what the catalog says of it."""

    anchor: str
    context: str
    where: str
    notes: tuple[str, ...]
    english: tuple[Piece, ...]
    #: ``translated``, ``fuzzy``, ``untranslated`` or ``missing`` (no entry).
    state: str
    #: The translation, one item per form: (label or "", pieces).
    translations: tuple[tuple[str, tuple[Piece, ...]], ...]
    findings: tuple[checks.Finding, ...]
    #: The word diff of the previous English (``#| msgid``) against the current one.
    previous: tuple[Change, ...] | None = None
    #: A fuzzy entry without a previous English.
    no_previous: bool = False
    #: When the entry is missing but the catalog translates other English in this context.
    other_english: tuple[Change, ...] | None = None
    line: int | None = None
    #: The clinical review: ``approved``, ``stale`` or ``unreviewed`` (``None`` for a text not in the catalog).
    review: str | None = None
    #: Who approved it and when (``2026-12-02``), for an approved or stale one.
    approved_by: str = ""
    approved_on: str = ""
    #: For a stale approval: what changed since, and word diffs of the English and the translation approved against today's.
    review_changed: str = ""
    review_english: tuple[Change, ...] | None = None
    review_translation: tuple[Change, ...] | None = None
    #: What the sign-off box of an approvable text carries: context (``None`` for none) and the two digests.
    signoff: tuple[str | None, str, str] | None = None

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass
class SectionSummary:
    """One section's figures and the anchor of its first row."""

    anchor: str
    title: str
    counts: Counts
    findings: int = 0
    shares: dict[str, str] = field(default_factory=dict)


@dataclass
class Run:
    """Rows in reading order that belong to one section."""

    section: SectionSummary
    rows: list[Row]
    first: bool


def review_locale(project: Project, locale: str) -> tuple[str, list[checks.Finding]]:
    """The review page of ``project``'s catalog of ``locale``, with its findings under the project's policy: what ``review`` does."""
    pages = load_pages(project.content)
    catalog = read_source_catalog(project.catalog(locale))
    findings = checks.check_catalog(catalog, checks.load_policy(project.check, project.root, source=project.pyproject))
    return render_review(pages, catalog, findings=findings, reviews=catalog_reviews(catalog)), findings


def render_review(
    pages: Sequence[Page],
    catalog: Catalog,
    *,
    findings: Sequence[checks.Finding] = (),
    sections: status.Sections | None = None,
    reviews: CatalogReviews | None = None,
) -> str:
    """A self-contained HTML5 document to review ``catalog``'s translations of ``pages``.

    With ``reviews`` (:func:`trigger_content.reviews.catalog_reviews`), each
    row shows its clinical review (approved, stale with what changed, or
    unreviewed), and the page lets a reviewer tick the texts they approve and
    save a sign-off file, which ``approve --from`` records. The page holds no
    date of its own: made again from the same files, it is the same bytes.

    Each text of the pages (the site chrome first, once) is looked up in the
    catalog by msgctxt and msgid. ``findings`` (from
    :func:`trigger_content.checks.check_catalog`) are listed in the row of the
    entry they name; the others (the catalog's header, entries not on these
    pages) at the top. ``sections`` groups the rows for the summary; by
    default the pages' sections (:func:`trigger_content.status.page_sections`).
    """
    pages = list(pages)
    if sections is None:
        sections = status.page_sections(pages)
    table = {(entry.msgctxt, entry.msgid): entry for entry in catalog.active}
    by_context: dict[str | None, Entry] = {}
    for item in catalog.active:
        by_context.setdefault(item.msgctxt, item)
    by_entry: dict[tuple[str | None, str], list[checks.Finding]] = {}
    for finding in findings:
        by_entry.setdefault((finding.msgctxt, finding.msgid), []).append(finding)

    rows: list[Row] = []
    counted: list[Entry] = []
    summaries: dict[tuple[str, str], SectionSummary] = {}
    members: dict[tuple[str, str], list[Entry]] = {}
    runs: list[Run] = []
    anchors: set[str] = set()
    used: set[tuple[str | None, str]] = set()
    for segment in _reading_order(pages):
        key = (segment.context, segment.text)
        entry = table.get(key)
        used.add(key)
        row = _row(segment, entry, by_context.get(segment.context), tuple(by_entry.get(key, ())), anchors)
        if entry is not None and reviews is not None:
            _with_review(row, reviews.state(entry))
        # A missing text counts as untranslated, with its words.
        stand_in = entry or Entry(segment.text, msgctxt=segment.context)
        counted.append(stand_in)
        where = sections(stand_in)
        summary = summaries.get(where)
        if summary is None:
            summary = summaries[where] = SectionSummary(f"section-{len(summaries) + 1}", where[1], Counts())
        members.setdefault(where, []).append(stand_in)
        summary.findings += len(row.findings)
        if runs and runs[-1].section is summary:
            runs[-1].rows.append(row)
        else:
            runs.append(Run(summary, [row], first=not any(run.section is summary for run in runs)))
        rows.append(row)
    for where, summary in summaries.items():
        summary.counts = count(members[where])
        summary.shares = _shares(summary.counts)

    totals = count(counted)
    elsewhere = [finding for finding in findings if (finding.msgctxt, finding.msgid) not in used]
    severities = {severity: sum(1 for f in findings if f.severity == severity) for severity in checks.SEVERITIES}
    locale = catalog.locale
    values: dict[str, Any] = {
        "titles": [plain_text(page.title) for page in pages],
        "catalog": catalog,
        "locale": locale,
        "tag": declared_tag(locale),
        "direction": _direction(locale),
        "language": _language_name(locale),
        "header": [
            (name, catalog.header[name]) for name in ("Language-Team", "Last-Translator", "PO-Revision-Date") if catalog.header.get(name)
        ],
        "rows": rows,
        "runs": runs,
        "sections": list(summaries.values()),
        "totals": totals,
        "shares": _shares(totals),
        "missing": sum(1 for row in rows if row.state == "missing"),
        "findings": list(findings),
        "severities": severities,
        "rows_with_findings": sum(1 for row in rows if row.findings),
        "elsewhere": elsewhere,
        "not_on_pages": sum(1 for entry in catalog.active if (entry.msgctxt, entry.msgid) not in used),
        "pieces_of": pieces,
        "reviews": reviews,
        "review_counts": ReviewCounts.tally(row.review for row in rows if row.review) if reviews is not None else None,
        "catalog_name": Path(catalog.path).name,
        "readings": _readings(pages, catalog),
    }
    return environment().get_template("review.html").render(**values)


# -- rows ----------------------------------------------------------------------


def _reading_order(pages: Iterable[Page]) -> Iterable[Segment]:
    """Each page's segments in reading order; a text shared by pages (the site chrome) once."""
    seen: set[tuple[str, str]] = set()
    for page in pages:
        for segment in segments(page):
            if (segment.context, segment.text) not in seen:
                seen.add((segment.context, segment.text))
                yield segment


def _row(
    segment: Segment,
    entry: Entry | None,
    same_context: Entry | None,
    findings: tuple[checks.Finding, ...],
    anchors: set[str],
) -> Row:
    where, *notes = segment.comment.splitlines() or [segment.role]
    anchor = _anchor("text-" + segment.context, anchors)
    if entry is None:
        other = None
        if same_context is not None and same_context.msgid != segment.text:
            other = _diff(same_context.msgid, segment.text)
        return Row(anchor, segment.context, where, tuple(notes), pieces(segment.text), "missing", (), findings, other_english=other)
    forms = entry.msgstr
    if len(forms) > 1:
        translations = tuple((f"Form {index}", pieces(text)) for index, text in enumerate(forms))
    else:
        translations = (("", pieces(forms[0])),) if forms[0] else ()
    previous = None
    if entry.previous_msgid is not None and entry.previous_msgid != entry.msgid:
        previous = _diff(entry.previous_msgid, entry.msgid)
    return Row(
        anchor,
        segment.context,
        where,
        tuple(notes),
        pieces(segment.text),
        state(entry),
        translations,
        findings,
        previous=previous,
        no_previous=entry.fuzzy and entry.previous_msgid is None,
        line=entry.msgstr_line,
    )


def _readings(pages: Sequence[Page], catalog: Catalog) -> list[tuple[str, Reading]]:
    """The reading level of the pages' own texts in English and in the catalog's language (its translated texts), where a formula exists."""
    from .readability import page_texts, plain, reading

    texts = [key for page in pages for key in page_texts(page)]
    translated = usable_texts(catalog.entries)
    found = [
        ("English", reading([plain(text) for _, text in texts], "en")),
        (_language_name(catalog.locale), reading([plain(translated[key]) for key in texts if key in translated], catalog.locale or "")),
    ]
    return [(name, value) for name, value in found if value is not None]


def _with_review(row: Row, review: Review) -> None:
    """``row`` with its clinical review, and its sign-off box when it can be approved."""
    entry = review.entry
    row.review = review.state
    record = review.record
    if record is not None:
        row.approved_by, row.approved_on = record.reviewer, iso(record.date)[:10]
    if review.state == "stale" and record is not None:
        row.review_changed = review.why
        if (record.english, record.english_plural) != (entry.msgid, entry.msgid_plural):
            row.review_english = _diff(english_text(record.english, record.english_plural), english_text(entry.msgid, entry.msgid_plural))
        if record.translation != tuple(entry.msgstr):
            row.review_translation = _diff(" | ".join(record.translation), " | ".join(entry.msgstr))
    if review.state != "approved" and entry.complete and not entry.fuzzy:
        row.signoff = (entry.msgctxt, entry_digest(entry), translation_digest(entry.msgstr))


def pieces(text: str) -> tuple[Piece, ...]:
    """``text`` as runs of text and inline tags.

    >>> pieces("See <a1>news</a1>.")
    (Piece(text='See ', tag=False), Piece(text='<a1>', tag=True), Piece(text='news', tag=False), Piece(text='</a1>', tag=True), Piece(text='.', tag=False))
    """
    out: list[Piece] = []
    position = 0
    for found in TAG_RE.finditer(text):
        if found.start() > position:
            out.append(Piece(text[position : found.start()]))
        out.append(Piece(found.group(0), tag=True))
        position = found.end()
    if position < len(text):
        out.append(Piece(text[position:]))
    return tuple(out)


#: Word pairs a diff compares at most (difflib's time grows with their product): past it,
#: a text is shown as its common start and end around one change.
_DIFF_LIMIT = 250_000


def _ends_diff(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The opcodes of a diff that keeps only the common start and end: in time linear in the texts."""
    shortest = min(len(a), len(b))
    start = 0
    while start < shortest and a[start] == b[start]:
        start += 1
    end = 0
    while end < shortest - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    opcodes = [("equal", 0, start, 0, start)] if start else []
    if start < len(a) - end or start < len(b) - end:
        opcodes.append(("replace", start, len(a) - end, start, len(b) - end))
    if end:
        opcodes.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    return opcodes


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """A word-level diff of ``old`` against ``new``: ``(op, text)`` with op ``equal``, ``del`` or ``ins``.

    Inline tags count as words; within a change, removed words come before added ones.

    >>> word_diff("Injections are given in the office.", "Injections are given in the doctor’s office.")
    [('equal', 'Injections are given in the '), ('ins', 'doctor’s '), ('equal', 'office.')]
    >>> word_diff("a big dog", "a small dog")
    [('equal', 'a '), ('del', 'big'), ('ins', 'small'), ('equal', ' dog')]
    """
    a = [found.group(0) for found in _TOKEN.finditer(old)]
    b = [found.group(0) for found in _TOKEN.finditer(new)]
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if len(a) * len(b) <= _DIFF_LIMIT else _ends_diff(a, b)
    # Whitespace alone between two changes joins them: "<del>big red</del>", not "<del>big</del> <del>red</del>".
    parts: list[tuple[str, str, str]] = []  # (op, old text, new text)
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
        between = 0 < index < len(opcodes) - 1 and opcodes[index - 1][0] != "equal" and opcodes[index + 1][0] != "equal"
        if op == "equal" and between and not old_text.strip():
            op = "replace"
        if op != "equal" and parts and parts[-1][0] != "equal":
            _, before_old, before_new = parts.pop()
            old_text, new_text = before_old + old_text, before_new + new_text
            op = "replace"
        parts.append((op, old_text, new_text))
    out: list[tuple[str, str]] = []
    for op, old_text, new_text in parts:
        if op == "equal":
            out.append(("equal", new_text))
            continue
        # Whitespace shared by both sides stays outside the change.
        lead = len(old_text) - len(old_text.lstrip())
        lead = min(lead, len(new_text) - len(new_text.lstrip()))
        if lead and old_text[:lead] == new_text[:lead]:
            out.append(("equal", new_text[:lead]))
            old_text, new_text = old_text[lead:], new_text[lead:]
        trail = min(len(old_text) - len(old_text.rstrip()), len(new_text) - len(new_text.rstrip()))
        tail = ""
        if trail and old_text[-trail:] == new_text[-trail:]:
            tail = new_text[-trail:]
            old_text, new_text = old_text[:-trail], new_text[:-trail]
        if old_text:
            out.append(("del", old_text))
        if new_text:
            out.append(("ins", new_text))
        if tail:
            out.append(("equal", tail))
    merged: list[tuple[str, str]] = []
    for op, text in out:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged


def _diff(old: str, new: str) -> tuple[Change, ...]:
    return tuple(Change(op, pieces(text)) for op, text in word_diff(old, new))


def _anchor(name: str, taken: set[str]) -> str:
    """An id for ``name``: no whitespace, unique in the document."""
    return unique_id(re.sub(r"[^A-Za-z0-9._-]+", "-", name), taken)


def _shares(counts: Counts) -> dict[str, str]:
    """The width of each state in a bar, as CSS percentages."""
    total = counts.total or 1
    return {
        name: f"{100 * getattr(counts, name) / total:.2f}%" if getattr(counts, name) else "0%"
        for name in ("translated", "fuzzy", "untranslated")
    }


# -- locale ----------------------------------------------------------------------


def _direction(language: str) -> str:
    """``ltr`` or ``rtl`` from CLDR (Babel); ``auto`` for a catalog whose Language names no locale."""
    locale = declared_locale(language)
    return text_direction(locale) if locale else "auto"


def _language_name(language: str) -> str:
    """The language's English name (CLDR); the field itself when it names no locale Babel knows."""
    if not language.strip():
        return "language not declared"
    locale = declared_locale(language)
    try:
        return english_name(locale) if locale else language
    except TriggerContentError:
        return language
