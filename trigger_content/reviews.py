"""Clinical review records: which translation of which English a reviewer approved, and when.

gettext knows only "fuzzy or not"; a patient page also needs to know that
someone qualified read a translation against the English. A record says who
approved one text of one catalog and when, and binds the approval to the
exact texts with two SHA-256 digests: of the English as gettext keys it in a
``.mo`` (``msgctxt`` EOT ``msgid``, NUL ``msgid_plural``) and of the
translation as gettext stores it (the forms joined by NUL). The texts
themselves are kept beside their digests, so a record that no longer matches
can be shown with what was approved and what is there now.

The records of ``trigger_content.po`` live beside it, in
``trigger_content.reviews.toml`` (:func:`~trigger_content.project.review_file`):
a file no tool of the translators' chain opens, so msgmerge, msgcat, Poedit,
polib and Weblate cannot drop or move a record, and a repository can give
reviewers alone the right to change it. ``docs/reviews.md`` says why a file of
its own rather than a comment in the ``.po``.

A record is *approved* while both digests match the entry and the entry is
not fuzzy, *stale* once either text changed (or a translator marked it fuzzy),
and an entry without a record is *unreviewed*. A record is data, never markup
or code: its texts are compared and shown escaped.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from fnmatch import fnmatchcase
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import TriggerContentError
from .files import write_atomic
from .languages import locale_problem
from .po.entry import Catalog, Entry
from .po.stats import ReviewCounts
from .project import Project, review_file
from .tomlfile import read_toml, toml_lines

__all__ = [
    "Approval",
    "Record",
    "Review",
    "approve",
    "approve_locale",
    "approve_signoff",
    "catalog_reviews",
    "english_digest",
    "locale_reviews",
    "read_records",
    "review_states",
    "translation_digest",
    "write_records",
]

#: The states of a text's review, in the order reports give them.
STATES = ("approved", "stale", "unreviewed")

#: The longest reviewer name a record holds.
MAX_REVIEWER = 200

#: What a sign-off file from the review page says it is.
SIGNOFF_FORMAT = "trigger-content-signoff"

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def english_digest(msgctxt: str | None, msgid: str, msgid_plural: str | None = None) -> str:
    """The SHA-256 (hex) of an English text as gettext keys it in a ``.mo``: context EOT msgid, NUL plural."""
    key = msgid if msgctxt is None else f"{msgctxt}\x04{msgid}"
    if msgid_plural is not None:
        key += f"\x00{msgid_plural}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def entry_digest(entry: Entry) -> str:
    """The :func:`english_digest` of ``entry``'s English."""
    return english_digest(entry.msgctxt, entry.msgid, entry.msgid_plural)


def translation_digest(msgstr: Sequence[str]) -> str:
    """The SHA-256 (hex) of a translation as gettext stores it in a ``.mo``: its forms joined by NUL."""
    return hashlib.sha256("\x00".join(msgstr).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Record:
    """One approval: the texts approved (with their digests), who approved them and when."""

    context: str | None
    english: str
    translation: tuple[str, ...]
    reviewer: str
    date: datetime
    english_plural: str | None = None
    #: The line of the record in its file (0 for a record not read from one).
    line: int = field(default=0, compare=False)

    @cached_property
    def english_sha256(self) -> str:
        return english_digest(self.context, self.english, self.english_plural)

    @cached_property
    def translation_sha256(self) -> str:
        return translation_digest(self.translation)

    @classmethod
    def of(cls, entry: Entry, reviewer: str, date: datetime) -> Record:
        """A record that ``reviewer`` approved ``entry`` as it is now, at ``date``."""
        return cls(entry.msgctxt, entry.msgid, tuple(entry.msgstr), reviewer, date, entry.msgid_plural)

    def to_json(self) -> dict[str, object]:
        return {
            "context": self.context,
            "english": self.english,
            "english_plural": self.english_plural,
            "translation": list(self.translation),
            "english_sha256": self.english_sha256,
            "translation_sha256": self.translation_sha256,
            "reviewer": self.reviewer,
            "date": iso(self.date),
            "line": self.line or None,
        }


def iso(moment: datetime) -> str:
    """A moment in UTC, to the second: ``2026-12-02T17:40:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


#: The first moment an approval may carry: none was recorded before this project's records.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


def moment_problem(moment: datetime) -> str | None:
    """What is wrong with the moment of an approval, or ``None``: it has an offset and is neither before 2000 nor in the future."""
    if moment.tzinfo is None:
        return "has no offset from UTC (write 2026-12-02T17:40:00Z)"
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        return "is out of range"
    if utc < EARLIEST:
        return f"{iso(utc)} is before {EARLIEST.year}"
    if utc > datetime.now(UTC) + timedelta(days=1):
        return f"{iso(utc)} is in the future"
    return None


def reviewer_problem(name: str) -> str | None:
    """What is wrong with a reviewer's name, or ``None``: it is one line of plain text."""
    if not name.strip():
        return "the reviewer's name is empty"
    if _CONTROL.search(name) or any(unicodedata.category(character) == "Cf" for character in name):
        return "the reviewer's name holds a control character, a line break or an invisible formatting character"
    if len(name) > MAX_REVIEWER:
        return f"the reviewer's name is longer than {MAX_REVIEWER} characters"
    return None


# -- the file ------------------------------------------------------------------------


def read_records(path: str | Path) -> list[Record]:
    """The records in the review file at ``path``; none when there is no such file.

    A record that is not well formed (a field missing or of the wrong type, a
    digest that does not match its text, a name that is not one line) is
    refused with its ``path:line``. A file in the layout :func:`write_records`
    writes is read a line at a time (:func:`_read_written`), several times
    faster than a TOML reader; any other is read by tomllib.
    """
    path = Path(path)
    if not path.is_file():
        return []
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        text = None  # said by read_toml, with where
    written = _read_written(text) if text is not None else None
    if written is not None:
        approvals, headers = written
        lines = _Lines(text or "")
    else:
        text, data = read_toml(path)
        lines = _Lines(text)
        unknown = set(data) - {"approval"}
        if unknown:
            name = sorted(unknown)[0]
            raise TriggerContentError(f"unknown key {name!r}: a review file holds [[approval]] tables", path=path, line=lines.get((name,)))
        approvals = data.get("approval", [])
        if not isinstance(approvals, list):
            raise TriggerContentError("approval must be an array of tables ([[approval]])", path=path, line=lines.get(("approval",)))
        headers = [lines.get(("approval", index)) or 0 for index in range(len(approvals))]
    return [_record(item, path, index, headers[index], lines) for index, item in enumerate(approvals)]


#: A date as :func:`write_records` writes it.
_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z")
#: What a JSON reader takes that TOML does not: a DEL, a tab, an escaped "/" or a surrogate code point.
_NOT_TOML = re.compile(r"[\x7f\t]|\\/|\\u[dD][89a-fA-F]")


def _read_written(text: str) -> tuple[list[dict[str, Any]], list[int]] | None:
    """The tables of a review file, and the line of each, if it is laid out as :func:`write_records` writes; else ``None``.

    Its values are JSON strings and arrays of strings (whose escapes TOML
    shares), and dates in UTC. Anything else, from a comment after a value to
    a key written twice, is left to tomllib, so both readers give the same
    records, or this one declines.
    """
    if _NOT_TOML.search(text):
        return None
    tables: list[dict[str, Any]] = []
    headers: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line == "[[approval]]":
            tables.append({})
            headers.append(number)
            continue
        if not line or line.startswith("#"):
            continue
        key, equals, raw = line.partition(" = ")
        if not equals or not tables or key in tables[-1] or key not in _FIELDS:
            return None
        value: Any
        date = _DATE.fullmatch(raw)
        if date is not None:
            try:
                year, month, day, hour, minute, second = map(int, date.groups())
                value = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
            except ValueError:
                return None
        elif raw[:1] in ('"', "["):
            try:
                value = json.loads(raw)
            except ValueError:
                return None
            if isinstance(value, list) and not all(isinstance(item, str) for item in value):
                return None
        else:
            return None
        tables[-1][key] = value
    return tables, headers


class _Lines:
    """The line of each key of a TOML text (:func:`~trigger_content.tomlfile.toml_lines`), mapped only when an error needs one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[tuple[int | str, ...], int] | None = None

    def get(self, key: tuple[int | str, ...]) -> int | None:
        if self.found is None:
            self.found = toml_lines(self.text)
        return self.found.get(key)


_FIELDS = {"context", "english", "english-plural", "translation", "reviewer", "date", "english-sha256", "translation-sha256"}


def _record(item: Any, path: Path, index: int, line: int, lines: _Lines) -> Record:
    def fail(message: str, key: str | None = None) -> Any:
        where = (lines.get(("approval", index, key)) or line) if key else line
        raise TriggerContentError(f"approval {index + 1}: {message}", path=path, line=where or None)

    if not isinstance(item, dict):
        line = line or lines.get(("approval",)) or 0
        fail("not a table: write each record as an [[approval]] table")
    for key in item:
        if key not in _FIELDS:
            fail(f"unknown field {key!r} (fields: {', '.join(sorted(_FIELDS))})", key)
    for key in ("english", "translation", "reviewer", "date", "english-sha256", "translation-sha256"):
        if key not in item:
            fail(f"no {key}")
    for key in ("context", "english", "english-plural", "reviewer", "english-sha256", "translation-sha256"):
        if key in item and not isinstance(item[key], str):
            fail(f"{key} must be a string", key)
    translation = item["translation"]
    if isinstance(translation, str):
        translation = [translation]
    if not isinstance(translation, list) or not translation or not all(isinstance(form, str) for form in translation):
        fail("translation must be a string, or an array of strings for plural forms", "translation")
    date = item["date"]
    if not isinstance(date, datetime):
        fail("date must be a date and time with its offset, as 2026-12-02T17:40:00Z", "date")
    problem = moment_problem(date)
    if problem:
        fail(f"date {problem}", "date")
    problem = reviewer_problem(item["reviewer"])
    if problem:
        fail(problem, "reviewer")
    record = Record(item.get("context"), item["english"], tuple(translation), item["reviewer"], date, item.get("english-plural"), line)
    if item["english-sha256"] != record.english_sha256:
        fail("english-sha256 is not the digest of the context and English it records", "english-sha256")
    if item["translation-sha256"] != record.translation_sha256:
        fail("translation-sha256 is not the digest of the translation it records", "translation-sha256")
    return record


def _string(text: str) -> str:
    """``text`` as a TOML basic string (JSON's escapes are TOML's, but for DEL)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def write_records(path: str | Path, records: Iterable[Record], catalog_name: str = "the catalog") -> None:
    """Write ``records`` to the review file at ``path``, atomically, in the order given."""
    out = [
        f"# Clinical review records of {catalog_name}: who approved which translation of which English, and when.",
        "# Written by `trigger-content approve`. A record counts while its two SHA-256 digests match the",
        "# entry: a reworded English or an edited translation makes it stale. See docs/reviews.md.",
    ]
    for record in records:
        out.append("")
        out.append("[[approval]]")
        if record.context is not None:
            out.append(f"context = {_string(record.context)}")
        out.append(f"english = {_string(record.english)}")
        if record.english_plural is not None:
            out.append(f"english-plural = {_string(record.english_plural)}")
        if len(record.translation) == 1 and record.english_plural is None:
            out.append(f"translation = {_string(record.translation[0])}")
        else:
            out.append(f"translation = [{', '.join(_string(form) for form in record.translation)}]")
        out.append(f"reviewer = {_string(record.reviewer)}")
        out.append(f"date = {iso(record.date)}")
        out.append(f'english-sha256 = "{record.english_sha256}"')
        out.append(f'translation-sha256 = "{record.translation_sha256}"')
    write_atomic(path, ("\n".join(out) + "\n").encode("utf-8"))


# -- states --------------------------------------------------------------------------


@dataclass(frozen=True)
class Review:
    """The review state of one entry: ``approved``, ``stale`` or ``unreviewed``, with its record."""

    entry: Entry
    state: str
    record: Record | None = None
    #: What changed since the approval, for a stale one: "the English", "the translation", "marked fuzzy".
    changed: tuple[str, ...] = ()

    @property
    def why(self) -> str:
        """A stale review's reason, as a sentence part: "the English and the translation changed since"."""
        return " and ".join(self.changed)


@dataclass(frozen=True)
class CatalogReviews:
    """The review state of each active entry of a catalog, and the records that match no entry."""

    path: str
    reviews: dict[tuple[str | None, str], Review]
    #: Records of texts no longer in the catalog.
    orphans: tuple[Record, ...] = ()
    records: tuple[Record, ...] = ()

    @property
    def counts(self) -> ReviewCounts:
        return ReviewCounts.tally(review.state for review in self.reviews.values())

    def state(self, entry: Entry) -> Review:
        return self.reviews.get((entry.msgctxt, entry.msgid)) or Review(entry, "unreviewed")

    @property
    def latest(self) -> datetime | None:
        """When the latest approval that still holds was made."""
        dates = [review.record.date for review in self.reviews.values() if review.state == "approved" and review.record]
        return max(dates) if dates else None


def review_states(catalog: Catalog, records: Sequence[Record]) -> CatalogReviews:
    """The review state of each active entry of ``catalog`` under ``records``.

    A record belongs to the entry whose English it approved; failing that, to
    the one entry of its (non-empty) context, whose English was then reworded.
    Of several records of one entry, one that still holds wins, else the latest.
    """
    owners = _owners(catalog, records)
    reviews: dict[tuple[str | None, str], Review] = {}
    orphans: list[Record] = []
    for record, entry in zip(records, owners, strict=True):
        if entry is None:
            orphans.append(record)
            continue
        review = _judge(entry, record)
        before = reviews.get(entry.key)
        if before is None or _rank(review) >= _rank(before):
            reviews[entry.key] = review
    for entry in catalog.active:
        reviews.setdefault(entry.key, Review(entry, "unreviewed"))
    return CatalogReviews(catalog.path, reviews, tuple(orphans), tuple(records))


def _owners(catalog: Catalog, records: Sequence[Record]) -> list[Entry | None]:
    """The entry each record belongs to (see :func:`review_states`), or ``None``."""
    by_digest = _by_digest(catalog)
    by_key = {entry.key: entry for entry in catalog.active}
    by_context: dict[str | None, list[Entry]] = {}
    for item in catalog.active:
        by_context.setdefault(item.msgctxt, []).append(item)
    owners: list[Entry | None] = []
    for record in records:
        # The same English; else the same msgid (its plural changed); else the one text of its context (reworded).
        entry = by_digest.get(record.english_sha256) or by_key.get((record.context, record.english))
        if entry is None and record.context:
            same = by_context.get(record.context, [])
            entry = same[0] if len(same) == 1 else None
        owners.append(entry)
    return owners


def _by_digest(catalog: Catalog) -> dict[str, Entry]:
    return {entry_digest(entry): entry for entry in catalog.active}


def _rank(review: Review) -> tuple[bool, datetime]:
    assert review.record is not None
    return (review.state == "approved", review.record.date)


def _judge(entry: Entry, record: Record) -> Review:
    changed = []
    if record.english_sha256 != entry_digest(entry):
        changed.append("the English changed")
    if record.translation_sha256 != translation_digest(entry.msgstr):
        changed.append("the translation changed")
    if entry.fuzzy and not changed:
        changed.append("a translator marked it fuzzy")
    return Review(entry, "stale" if changed else "approved", record, tuple(changed))


def catalog_reviews(catalog: Catalog) -> CatalogReviews:
    """The review states of ``catalog`` under the records in the review file beside it."""
    return review_states(catalog, read_records(review_file(Path(catalog.path))))


# -- approving -----------------------------------------------------------------------


@dataclass
class Approval:
    """What :func:`approve` or :func:`approve_signoff` did: texts approved now, already approved, and refused."""

    path: Path
    approved: list[Record] = field(default_factory=list)
    unchanged: list[Record] = field(default_factory=list)
    #: ``(context or msgid, why)`` of each text not approved.
    refused: list[tuple[str, str]] = field(default_factory=list)


def _approvable(entry: Entry) -> str | None:
    """Why ``entry`` cannot be approved, or ``None``."""
    if not entry.complete:
        return "not translated (or a plural form is missing)"
    if entry.fuzzy:
        return "fuzzy: a translator must confirm it first"
    return None


def _name(entry: Entry) -> str:
    return entry.msgctxt if entry.msgctxt is not None else entry.msgid


def _merge(catalog: Catalog, records: list[Record], approved: dict[tuple[str | None, str], Record]) -> list[Record]:
    """``records`` with the ``approved`` ones in place of every earlier record of their entries, in catalog order.

    The records of texts no longer in the catalog stay, at the end, for the audit.
    """
    order = {entry.key: index for index, entry in enumerate(catalog.active)}
    placed = [
        (order[entry.key] if entry is not None else len(order), record)
        for record, entry in zip(records, _owners(catalog, records), strict=True)
        if entry is None or entry.key not in approved
    ]
    placed += [(order[key], record) for key, record in approved.items()]
    return [record for _, record in sorted(placed, key=lambda pair: pair[0])]


def approve(
    catalog: Catalog,
    reviewer: str,
    contexts: Sequence[str] = (),
    *,
    every: bool = False,
    when: datetime | None = None,
) -> Approval:
    """Record that ``reviewer`` approved the texts of ``catalog`` named by ``contexts`` (or ``every`` translated one).

    A text is named by its context, or by its English when it has none (as
    in many catalogs of other projects); a name may be a pattern
    (``page.section.*``). Every text named must
    exist, be translated and not be fuzzy, else nothing is written and the
    error names each one; with ``every``, such texts are passed over and
    listed in :attr:`Approval.refused`. A text already approved as it is
    keeps its record.
    """
    problem = reviewer_problem(reviewer)
    if problem:
        raise TriggerContentError(problem)
    if not contexts and not every:
        raise TriggerContentError(
            "name the texts to approve by their contexts (patterns such as page.section.* too; the English of a text without one), or approve all with --all"
        )
    path = review_file(Path(catalog.path))
    records = read_records(path)
    states = review_states(catalog, records)
    active = catalog.active
    chosen: list[Entry] = []
    problems: list[str] = []
    for name in contexts:
        found = [entry for entry in active if fnmatchcase(_name(entry), name)]
        if not found:
            problems.append(f"{name}: no text has this context (nor, without a context, this English)")
        chosen.extend(found)
    if every:
        chosen = active
    result = Approval(path)
    moment = (when or datetime.now(UTC)).replace(microsecond=0)
    approved: dict[tuple[str | None, str], Record] = {}
    for entry in dict.fromkeys(chosen):
        why = _approvable(entry)
        if why:
            if every:
                result.refused.append((_name(entry), why))
            else:
                problems.append(f"{_name(entry)}: {why}")
            continue
        review = states.state(entry)
        if review.state == "approved" and review.record is not None:
            result.unchanged.append(review.record)
            continue
        approved[entry.key] = Record.of(entry, reviewer, moment)
    if problems:
        raise TriggerContentError("nothing approved: " + "; ".join(problems), path=catalog.path)
    result.approved = list(approved.values())
    if approved:
        write_records(path, _merge(catalog, records, approved), Path(catalog.path).name)
    return result


def read_signoff(path: str | Path) -> dict[str, Any]:
    """A sign-off file saved from the review page, checked for its shape; ``path:line`` when it is not one."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TriggerContentError(error.strerror or str(error), path=path) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise TriggerContentError("not UTF-8: not a sign-off file", path=path) from None
    except json.JSONDecodeError as error:
        raise TriggerContentError(f"not JSON: {error.msg}", path=path, line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise TriggerContentError("not a sign-off file: nested deeper than any sign-off file", path=path) from None
    if not isinstance(data, dict) or data.get("format") != SIGNOFF_FORMAT or type(data.get("version")) is not int or data["version"] != 1:
        raise TriggerContentError(f'not a sign-off file of the review page (no "format": {SIGNOFF_FORMAT!r}, version 1)', path=path)
    for key in ("locale", "reviewer", "signed"):
        if not isinstance(data.get(key), str):
            raise TriggerContentError(f"{key} must be a string", path=path)
    items = data.get("approved")
    if not isinstance(items, list) or not all(
        isinstance(item, dict)
        and isinstance(item.get("english_sha256"), str)
        and isinstance(item.get("translation_sha256"), str)
        and isinstance(item.get("context", ""), (str, type(None)))
        for item in items
    ):
        raise TriggerContentError("approved must be a list of {context, english_sha256, translation_sha256}", path=path)
    problem = reviewer_problem(data["reviewer"])
    if problem:
        raise TriggerContentError(problem, path=path)
    problem = locale_problem(data["locale"])  # it names a folder: a locale code, nothing else
    if problem:
        raise TriggerContentError(f"locale: {problem}", path=path)
    try:
        signed = datetime.fromisoformat(data["signed"].replace("Z", "+00:00"))
    except ValueError:
        raise TriggerContentError(f"signed is not a date and time: {data['signed']!r}", path=path) from None
    problem = moment_problem(signed)
    if problem:
        raise TriggerContentError(f"signed {problem}", path=path)
    data["signed"] = signed.astimezone(UTC)
    return data


def approve_signoff(catalog: Catalog, signoff: str | Path) -> Approval:
    """Record what a reviewer approved on the review page, as saved in ``signoff``.

    Each text is approved as the reviewer saw it: one whose English or
    translation changed since the page was made is refused, named in
    :attr:`Approval.refused`, and the others are recorded with the time the
    reviewer signed.
    """
    data = read_signoff(signoff)
    if data["locale"] != catalog.locale:
        raise TriggerContentError(f"signed for locale {data['locale']!r}, not for {catalog.locale!r} of {catalog.path}", path=signoff)
    path = review_file(Path(catalog.path))
    records = read_records(path)
    states = review_states(catalog, records)
    by_digest = _by_digest(catalog)
    result = Approval(path)
    approved: dict[tuple[str | None, str], Record] = {}
    for item in data["approved"]:
        name = item.get("context") or item["english_sha256"][:12]
        entry = by_digest.get(item["english_sha256"])
        if entry is None:
            result.refused.append((name, "the English changed since the review page was made (or the text is gone)"))
            continue
        if translation_digest(entry.msgstr) != item["translation_sha256"]:
            result.refused.append((name, "the translation changed since the review page was made"))
            continue
        why = _approvable(entry)
        if why:
            result.refused.append((name, why))
            continue
        review = states.state(entry)
        if review.state == "approved" and review.record is not None:
            result.unchanged.append(review.record)
            continue
        approved[entry.key] = Record.of(entry, data["reviewer"], data["signed"])
    result.approved = list(approved.values())
    if approved:
        write_records(path, _merge(catalog, records, approved), Path(catalog.path).name)
    return result


def stale_note(review: Review) -> str:
    """What a stale review says: who approved it, when, and what changed since (its texts escaped, for a terminal)."""
    assert review.record is not None
    return f"approved by {printable(review.record.reviewer)} on {iso(review.record.date)}, but {review.why} since"


def english_text(msgid: str, msgid_plural: str | None) -> str:
    """An English text as a report shows it: a plural message as its two forms."""
    return msgid if msgid_plural is None else f"{msgid} | {msgid_plural}"


# -- a project's locales -------------------------------------------------------------


def _catalog_of(project: Project, locale: str) -> Catalog:
    from .translations import read_source_catalog

    return read_source_catalog(project.catalog(locale))


def approve_locale(
    project: Project,
    locale: str | None,
    reviewer: str | None,
    contexts: Sequence[str] = (),
    *,
    every: bool = False,
    signoff: str | Path | None = None,
    when: datetime | None = None,
) -> Approval:
    """What ``approve`` does: record approvals in the review file of ``project``'s catalog of ``locale``.

    From a sign-off file of the review page (``signoff``: its locale and
    reviewer, unless they are given and differ, which is refused), else of
    ``reviewer`` for ``contexts`` or ``every`` text (:func:`approve`).
    """
    if signoff is not None:
        if contexts or every:
            raise TriggerContentError("a sign-off file says which texts were approved: give no contexts and no --all with it")
        data = read_signoff(signoff)
        for key, given in (("locale", locale), ("reviewer", reviewer)):
            if given is not None and given != data[key]:
                raise TriggerContentError(
                    f"signed by {data['reviewer']!r} for {data['locale']!r}: its {key} is not {given!r}", path=signoff
                )
        return approve_signoff(_catalog_of(project, data["locale"]), signoff)
    if locale is None or reviewer is None:
        raise TriggerContentError("say whose approval it is and of which catalog: --locale LOCALE --reviewer NAME")
    return approve(_catalog_of(project, locale), reviewer, contexts, every=every, when=when)


def locale_reviews(project: Project, locale: str) -> CatalogReviews:
    """The review state of each text of ``project``'s catalog of ``locale``: what ``reviews`` lists."""
    return catalog_reviews(_catalog_of(project, locale))


def printable(text: str) -> str:
    """A text of a record on one line, its control characters escaped: a terminal shows it, never obeys it."""
    return _CONTROL.sub(lambda found: json.dumps(found.group(0))[1:-1], text)


def reviews_text(found: CatalogReviews, states: Sequence[str] = STATES) -> str:
    """The audit as text: a line per text (state, context, reviewer, date), and what changed in a stale one, approved and now.

    Records of texts no longer in the catalog are listed with the stale ones.
    """
    counts = found.counts
    lines = [
        f"{found.path}: {counts.approved} approved, {counts.stale} stale, {counts.unreviewed} unreviewed "
        f"of {counts.total} ({counts.percent:.1f}% approved)"
    ]
    for review in found.reviews.values():
        if review.state not in states:
            continue
        name = printable(_name(review.entry))
        if review.record is None:
            lines.append(f"unreviewed  {name}")
            continue
        record = review.record
        lines.append(f"{review.state:<10}  {name}  {printable(record.reviewer)}  {iso(record.date)}")
        if review.state == "stale":
            lines.append(f"    {review.why} since the approval")
            entry = review.entry
            if (record.english, record.english_plural) != (entry.msgid, entry.msgid_plural):
                lines.append(f"    English approved:     {printable(english_text(record.english, record.english_plural))}")
                lines.append(f"    English now:          {printable(english_text(entry.msgid, entry.msgid_plural))}")
            if record.translation != tuple(review.entry.msgstr):
                lines.append(f"    translation approved: {printable(' | '.join(record.translation))}")
                lines.append(f"    translation now:      {printable(' | '.join(review.entry.msgstr))}")
    if "stale" in states:
        for record in found.orphans:
            lines.append(f"gone        {printable(record.context or record.english)}  {printable(record.reviewer)}  {iso(record.date)}")
            lines.append("    no longer in the catalog; the record stays for the audit")
    return "\n".join(lines) + "\n"


def reviews_json(found: CatalogReviews, states: Sequence[str] = STATES) -> dict[str, object]:
    """The audit as JSON: the counts, each text's state and record (of those in ``states``), and the records of texts no longer in the catalog."""
    texts = []
    for review in found.reviews.values():
        if review.state not in states:
            continue
        entry = review.entry
        texts.append(
            {
                "context": entry.msgctxt,
                "msgid": entry.msgid,
                "line": entry.msgstr_line,
                "state": review.state,
                "changed": list(review.changed),
                "translation": list(entry.msgstr),
                "record": review.record.to_json() if review.record else None,
            }
        )
    return {
        "path": found.path,
        "review_file": str(review_file(Path(found.path))),
        **found.counts.to_json(),
        "texts": texts,
        "gone": [record.to_json() for record in found.orphans],
    }
