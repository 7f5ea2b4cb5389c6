"""How complete each catalog is: counts, words and percent, per catalog and per section.

The counting rules are msgfmt's, and live with the PO files
(:mod:`trigger_content.po.stats`); this module gives them per section of the
pages, and as a table, JSON, Markdown and badges.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Callable, Iterable, Sequence
from html import escape
from pathlib import Path

from .batch import batch_options, each_catalog
from .errors import TriggerContentError
from .po.entry import Catalog, Entry
from .po.reader import read_po, statistics
from .po.stats import Counts, ReviewCounts, count
from .project import catalog_paths, review_file

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

    from .batch import Outcome
    from .project import Project


class SectionStatus(namedtuple("SectionStatus", "id title counts reviews", defaults=(None,))):
    """The figures of one section of the pages (``site``, a page's lead, a section)."""

    __slots__ = ()
    id: str
    title: str
    counts: Counts
    reviews: ReviewCounts

    def __new__(cls, id: str, title: str, counts: Counts, reviews: ReviewCounts | None = None) -> SectionStatus:
        return super().__new__(cls, id, title, counts, reviews or ReviewCounts(unreviewed=counts.total))

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, **self.counts.to_json(), "reviews": self.reviews.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SectionStatus:
        return cls(data["id"], data["title"], Counts.from_json(data), ReviewCounts.from_json(data["reviews"]))


class CatalogStatus(namedtuple("CatalogStatus", "path locale counts sections reviews", defaults=((), None))):
    """The figures of one catalog (named tuples here, for a quick start: no dataclasses or typing module).

    ``reviews`` are its clinical review figures: every text unreviewed when
    the catalog has no review file.
    """

    __slots__ = ()
    path: str
    locale: str
    counts: Counts
    sections: tuple[SectionStatus, ...]
    reviews: ReviewCounts

    def __new__(
        cls, path: str, locale: str, counts: Counts, sections: tuple[SectionStatus, ...] = (), reviews: ReviewCounts | None = None
    ) -> CatalogStatus:
        return super().__new__(cls, path, locale, counts, sections, reviews or ReviewCounts(unreviewed=counts.total))

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "locale": self.locale,
            **self.counts.to_json(),
            "reviews": self.reviews.to_json(),
            "sections": [section.to_json() for section in self.sections],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CatalogStatus:
        sections = tuple(SectionStatus.from_json(section) for section in data["sections"])
        return cls(data["path"], data["locale"], Counts.from_json(data), sections, ReviewCounts.from_json(data["reviews"]))


#: Finds the section of an entry: a (section id, title) pair, from its msgctxt.
Sections = Callable[[Entry], "tuple[str, str]"]


def context_sections(entry: Entry) -> tuple[str, str]:
    """The section of an entry from its msgctxt alone: all but the last two parts."""
    if not entry.msgctxt:
        return ("", "no context")
    parts = entry.msgctxt.split(".")
    key = ".".join(parts[: max(1, min(2, len(parts) - 1))])
    return (key, key)


def catalog_status(catalog: Catalog, sections: Sections | None = None, *, reviews: bool = True) -> CatalogStatus:
    """The figures of a catalog, broken down by section when ``sections`` is given.

    With ``reviews``, the review file beside the catalog, if there is one, is
    read for the review figures (:mod:`trigger_content.reviews`).
    """
    found = None
    if reviews and review_file(Path(catalog.path)).is_file():
        from .reviews import catalog_reviews

        found = catalog_reviews(catalog)

    def review_counts(entries: Iterable[Entry]) -> ReviewCounts | None:
        if found is None:
            return None
        return ReviewCounts.tally(found.state(entry).state for entry in entries if not entry.obsolete)

    parts: tuple[SectionStatus, ...] = ()
    if sections is not None:
        groups: dict[tuple[str, str], list[Entry]] = {}
        for entry in catalog.entries:
            if not entry.obsolete:
                groups.setdefault(sections(entry), []).append(entry)
        parts = tuple(SectionStatus(key, title, count(members), review_counts(members)) for (key, title), members in groups.items())
    counts = count(catalog.entries, header=catalog.header_entry)
    return CatalogStatus(catalog.path, catalog.locale, counts, parts, review_counts(catalog.entries))


def status_json(path: str | Path, sections: Sections | None = None) -> tuple[dict[str, object], list[str]]:
    """The figures of the catalog at ``path`` as JSON-shaped data, and the reader's notes: the work of one worker of ``status``.

    Without ``sections`` or a review file, a catalog in the usual shape is counted from its
    bytes (:func:`trigger_content.po.reader.statistics`), a few times faster
    than reading it entry by entry; every other file goes through the strict
    reader.
    """
    if sections is None and not review_file(Path(path)).is_file():
        found = statistics(path)
        return CatalogStatus(str(path), found.locale, found.counts).to_json(), found.notes
    catalog = read_po(path)
    return catalog_status(catalog, sections).to_json(), catalog.notes


def project_status(
    project: Project, paths: Sequence[str | Path] = (), *, by_section: bool = False, cache: bool = True, jobs: int | None = None
) -> tuple[list[CatalogStatus], list[Outcome]]:
    """The figures of each catalog at ``paths`` (files, or folders searched), else of the project's: what ``status`` shows.

    Returns the figures of the catalogs that were read, and the outcome of
    each (its notes, or the error that stopped it). By section, the sections
    are the pages' when the catalogs are the project's, else the contexts'.
    Refuses a search that finds no catalog.
    """
    # A project without a catalog yet has its figures: none (as `check` checks it); a search that finds none is refused.
    found = project.catalogs() if not paths and project.root is not None else catalog_paths(project, paths)
    if by_section:
        sections: Sections = context_sections
        if not paths:
            from .source import load_pages

            sections = page_sections(load_pages(project.content))
        outcomes = each_catalog(found, status_json, (sections,))
    else:
        store, workers = batch_options(cache, jobs)
        outcomes = each_catalog(found, status_json, kind="status", cache=store, jobs=workers)
    statuses = [CatalogStatus.from_json({**outcome.value, "path": str(outcome.path)}) for outcome in outcomes if outcome.error is None]
    return statuses, outcomes


def page_sections(pages: Iterable[object]) -> Sections:
    """Sections from the pages' model: the site chrome, each page's lead, each top-level section."""
    from .inline import plain_text
    from .model import Page
    from .walker import segments

    owner: dict[str, tuple[str, str]] = {}
    for page in pages:
        assert isinstance(page, Page)
        title = plain_text(page.title)
        headings = {section.id: plain_text(section.heading) for section in page.sections}
        for segment in segments(page):
            parts = segment.context.split(".")
            if parts[0] == "site":
                owner[segment.context] = ("site", "Site header")
            elif len(parts) > 2 and parts[1] in headings:
                owner[segment.context] = (f"{page.id}.{parts[1]}", f"{title}: {headings[parts[1]]}")
            else:
                owner[segment.context] = (page.id, f"{title}: lead")

    def find(entry: Entry) -> tuple[str, str]:
        return owner.get(entry.msgctxt or "") or context_sections(entry)

    return find


# -- output --------------------------------------------------------------------


def to_json(statuses: Iterable[CatalogStatus], unreadable: Iterable[TriggerContentError] = ()) -> dict[str, object]:
    """The JSON document of ``status --format json``: the figures of each catalog, and each catalog that could not be read."""
    return {
        "catalogs": [item.to_json() for item in statuses],
        "unreadable": [error.to_json() for error in unreadable],
    }


_COLUMNS = ("locale", "translated", "fuzzy", "untranslated", "obsolete", "total", "percent", "words")
#: The columns of the review figures, shown once any catalog has a record.
_REVIEW_COLUMNS = ("approved", "stale", "unreviewed")


def _row(name: str, counts: Counts, reviews: ReviewCounts | None) -> list[str]:
    row = [
        name,
        str(counts.translated),
        str(counts.fuzzy),
        str(counts.untranslated),
        str(counts.obsolete),
        str(counts.total),
        f"{counts.percent:.1f}%",
        f"{counts.words_translated}/{counts.words_total}",
    ]
    if reviews is not None:
        row += [f"{reviews.approved} ({reviews.percent:.1f}%)", str(reviews.stale), str(reviews.unreviewed)]
    return row


def _reviewed(statuses: Sequence[CatalogStatus]) -> bool:
    return any(item.reviews.recorded for item in statuses)


def to_table(statuses: Iterable[CatalogStatus]) -> str:
    """A plain-text table, one row per catalog (and per section, indented); the review figures once any text has a record."""
    statuses = list(statuses)
    reviewed = _reviewed(statuses)
    rows: list[list[str]] = [[*_COLUMNS, *(_REVIEW_COLUMNS if reviewed else ()), "path"]]
    for item in statuses:
        rows.append([*_row(item.locale or "?", item.counts, item.reviews if reviewed else None), item.path])
        rows.extend([*_row(f"  {section.title}", section.counts, section.reviews if reviewed else None), ""] for section in item.sections)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.ljust(width) if i in (0, len(row) - 1) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def to_markdown(statuses: Iterable[CatalogStatus], unreadable: Iterable[TriggerContentError] = ()) -> str:
    """A Markdown table for a pull-request comment; a catalog that could not be read has a row that says why.

    Once any text has a review record, a column gives the approved texts and the stale approvals.
    """
    statuses = list(statuses)
    reviewed = _reviewed(statuses)
    lines = [
        "| Language | Translated | Fuzzy | Untranslated | Obsolete | Words |" + (" Approved | Stale |" if reviewed else "") + " |",
        "| --- | ---: | ---: | ---: | ---: | ---: |" + (" ---: | ---: |" if reviewed else "") + " --- |",
    ]

    def review_cells(reviews: ReviewCounts) -> str:
        return f" {reviews.approved}/{reviews.total} ({reviews.percent:.1f}%) | {reviews.stale} |" if reviewed else ""

    for item in statuses:
        counts = item.counts
        mark = "✅" if counts.percent == 100 else "⚠️" if counts.percent >= 80 else "❌"
        lines.append(
            f"| `{item.locale or item.path}` | {counts.translated}/{counts.total} ({counts.percent:.1f}%) "
            f"| {counts.fuzzy} | {counts.untranslated} | {counts.obsolete} "
            f"| {counts.words_translated}/{counts.words_total} |{review_cells(item.reviews)} {mark} |"
        )
        for section in item.sections:
            sc = section.counts
            lines.append(
                f"| ↳ {_md(section.title)} | {sc.translated}/{sc.total} ({sc.percent:.1f}%) | {sc.fuzzy} "
                f"| {sc.untranslated} | | {sc.words_translated}/{sc.words_total} |{review_cells(section.reviews)} |"
            )
    for error in unreadable:
        where = f"line {error.line}: " if error.line else ""
        lines.append(
            f"| `{_md(error.path or '')}` | cannot be read: {where}{_md(error.message)} | | | | |" + (" | |" if reviewed else "") + " ❌ |"
        )
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def badge_svg(label: str, percent: float) -> str:
    """A small SVG badge, ``label | 97%``, green at 100%, amber from 80%, red below."""
    value = f"{percent:.0f}%" if percent == int(percent) else f"{percent:.1f}%"
    colour = "#2e7d32" if percent >= 100 else "#b26a00" if percent >= 80 else "#c62828"
    left, right = 7 * len(label) + 12, 7 * len(value) + 12
    width = left + right
    label_x, value_x = left / 2, left + right / 2
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-label="{escape(label)}: {value}">\n'
        f"<title>{escape(label)}: {value}</title>\n"
        f'<rect width="{left}" height="20" fill="#555"/>\n'
        f'<rect x="{left}" width="{right}" height="20" fill="{colour}"/>\n'
        f'<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">\n'
        f'<text x="{label_x:g}" y="14">{escape(label)}</text>\n'
        f'<text x="{value_x:g}" y="14">{value}</text>\n'
        f"</g>\n</svg>\n"
    )


def write_badges(statuses: Iterable[CatalogStatus], folder: str | Path) -> list[Path]:
    """Write ``<locale>.svg`` for each catalog into ``folder``; return the paths."""
    from .files import write_atomic  # with tempfile and secrets: loaded only to write

    written: list[Path] = []
    for item in statuses:
        # A header's Language is text from the catalog: a file name only when it looks like a locale.
        name = item.locale if re.fullmatch(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]+)*(?:@[a-z]+)?", item.locale) else Path(item.path).stem
        target = Path(folder) / f"{name}.svg"
        if target in written:
            target = Path(folder) / f"{name}-{Path(item.path).stem}.svg"
        write_atomic(target, badge_svg(name, item.counts.percent).encode("utf-8"))
        written.append(target)
    return written
