"""Catalogs: init, update (merge) and compile, the workflow of a locale's ``.po`` and ``.mo``.

One gettext domain holds the site chrome and every page, so a locale has one
catalog: ``locales/<locale>/LC_MESSAGES/trigger_content.po``. The template,
``locales/trigger_content.pot``, is made by :mod:`trigger_content.extract`;
the translations are read for use by :mod:`trigger_content.translations`.

The functions on :class:`~trigger_content.po.Catalog` objects are pure; the
``*_file`` ones read, and write through
:func:`~trigger_content.files.write_atomic` only when a file's bytes change,
so running a command twice changes nothing. Catalogs are read by the strict
reader and written as msgcat writes them (:mod:`trigger_content.po`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .errors import TriggerContentError
from .files import write_atomic
from .languages import english_name
from .po.entry import Catalog, Entry, header_date, header_text
from .po.mo import SOURCE_DIGEST, compile_mo, compiled_from, mo_is_current, source_digest
from .po.plural import MAX_NPLURALS, nplurals, plural_forms
from .po.reader import read_po
from .po.writer import catalog_bytes
from .project import Project

# -- init --------------------------------------------------------------------------

CATALOG_COMMENT = (
    "{language} translation of the trigger_content pages.\n"
    "Translators edit this file (Poedit, Weblate, a text editor); "
    "`trigger-content update`\n"
    "merges changes of the English into it and keeps every translation."
)


def init_catalog(template: Catalog, locale: str, *, revision_date: str | None = None, team: str | None = None) -> Catalog:
    """A new, empty catalog for ``locale`` from ``template``, with a complete header.

    The header names the language and its team (``team``, else the
    language's English name), and carries UTF-8 and the Plural-Forms that
    GNU gettext, Poedit and Weblate use for it (not Babel's CLDR proposal).
    """
    language = english_name(locale)
    fields = {
        "Project-Id-Version": template.header.get("Project-Id-Version", "trigger_content"),
        "Report-Msgid-Bugs-To": template.header.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": template.header.get("POT-Creation-Date", ""),
        "PO-Revision-Date": revision_date or header_date(),
        "Last-Translator": "",
        "Language-Team": team or language,
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(locale),
    }
    header = Entry("", (header_text(fields.items()),), comments=tuple(CATALOG_COMMENT.format(language=language).split("\n")))
    count = nplurals(fields["Plural-Forms"])
    return Catalog(f"{locale}.po", [_fresh(entry, count) for entry in template.entries if not entry.obsolete], header)


def _fresh(entry: Entry, nplurals: int = 2) -> Entry:
    """An untranslated copy of a template entry, with ``nplurals`` empty forms if it is plural."""
    return Entry(
        msgid=entry.msgid,
        msgstr=("",) * nplurals if entry.msgid_plural is not None else ("",),
        msgctxt=entry.msgctxt,
        msgid_plural=entry.msgid_plural,
        flags=tuple(flag for flag in entry.flags if flag != "fuzzy"),
        extracted=entry.extracted,
        references=entry.references,
    )


# -- update ------------------------------------------------------------------------


#: How a translation of the same English from elsewhere (another context, a compendium) comes in: ``fuzzy`` or ``translated``.
EXACT_MATCHES = ("fuzzy", "translated")


def merge(catalog: Catalog, template: Catalog, memory: Iterable[Entry] = (), *, exact: str = "fuzzy") -> Catalog:
    """The catalog brought up to the template, as ``msgmerge --previous`` does.

    Entries follow the template's order. An entry whose English changed (same
    msgctxt, new msgid) keeps its translation, marked fuzzy, with the previous
    msgid; an English text that moved (new msgctxt, same msgid) likewise, with
    the previous msgctxt; one that moved and changed takes the translation of
    the most similar English, as msgmerge's fuzzy search finds it (more than
    60% alike, by the measure of GNU fstrcmp), marked fuzzy with the English
    and context it had. A new text takes the translation of the same English
    elsewhere (another context of the catalog, then ``memory``: the entries
    of compendium catalogs in its language), fuzzy unless ``exact`` is
    ``translated``, since a medical text must be re-read in its new place;
    failing that, the most similar English's, from both, fuzzy with that
    English. Entries gone from the template become obsolete when
    translated, without their extracted comments and references. Translator
    comments, flags and the header survive, every line of it as it was; only
    the header's POT-Creation-Date follows the template. No translation is lost.
    """
    active = [entry for entry in catalog.entries if not entry.obsolete]
    by_key = {entry.key: entry for entry in active}
    by_context = {entry.msgctxt: entry for entry in active if entry.msgctxt is not None}
    wanted = {entry.key for entry in template.entries if not entry.obsolete}
    template_contexts = {key[0] for key in wanted}
    # Translations of texts that left their place, by English text: a block moved.
    movable: dict[str, Entry] = {}
    for entry in active:
        if entry.msgctxt not in template_contexts and entry.has_translation:
            movable.setdefault(entry.msgid, entry)
    revivable = {entry.key: entry for entry in catalog.entries if entry.obsolete}

    forms = nplurals(catalog.header.get("Plural-Forms"))
    if forms > MAX_NPLURALS and any(entry.msgid_plural is not None for entry in template.entries):
        raise TriggerContentError(
            f"Plural-Forms says more plural forms than any language has (at most {MAX_NPLURALS}); correct it, then update",
            path=catalog.path,
            line=catalog.field_line("Plural-Forms"),
        )
    # What msgmerge's fuzzy search looks through: every translation, active or obsolete, used or not; then the memory's.
    remembered = [entry for entry in memory if entry.has_translation and not entry.fuzzy and not entry.is_header]
    candidates = [entry for entry in catalog.entries if entry.has_translation] + remembered
    fuzzy = _FuzzySearch(candidates)
    # The same English elsewhere, found at once (a catalog's own confirmed translations first).
    same_english: dict[tuple[str, str | None], Entry] = {}
    for entry in sorted(candidates, key=lambda entry: entry.fuzzy):
        same_english.setdefault((entry.msgid, entry.msgid_plural), entry)
    merged: list[Entry] = []
    used: set[int] = set()
    for source in template.entries:
        if source.obsolete:
            continue
        old = by_key.get(source.key) or revivable.get(source.key)
        if old is not None:
            entry = _carry(old, source, forms)
        elif source.msgctxt in by_context and by_context[source.msgctxt].has_translation:
            old = by_context[source.msgctxt]
            entry = _carry(old, source, forms, fuzzy=True, previous_msgid=old.previous_msgid or old.msgid)
        elif source.msgid in movable and id(movable[source.msgid]) not in used:
            old = movable[source.msgid]
            entry = _carry(old, source, forms, fuzzy=True, previous_msgctxt=old.msgctxt)
        elif (old := same_english.get((source.msgid, source.msgid_plural))) is not None:
            # The same English in another place: its translation, to be re-read here unless the project says otherwise.
            confirmed = exact == "translated" and not old.fuzzy
            entry = _carry(old, source, forms, fuzzy=not confirmed, previous_msgctxt=None if confirmed else old.msgctxt)
        elif (old := fuzzy.most_similar(source.msgid)) is not None:
            # Moved and reworded: msgmerge's fuzzy match, with the English and the place it had.
            entry = _carry(old, source, forms, fuzzy=True, previous_msgid=old.msgid, previous_msgctxt=old.msgctxt)
        else:
            merged.append(_fresh(source, forms))
            continue
        used.add(id(old))
        merged.append(entry)

    for entry in catalog.entries:
        if id(entry) in used or entry.key in wanted:
            continue
        if entry.obsolete or entry.has_translation:
            # What tied it to the source goes with the source; the
            # translator's comments, flags and previous msgid stay.
            merged.append(entry._replace(obsolete=True, extracted=(), references=()))
    # As msgmerge: the template's creation date and bug address, every other line of the header as it was.
    fields: dict[str, str] = {
        name: template.header[name] for name in ("Report-Msgid-Bugs-To", "POT-Creation-Date") if name in template.header
    }
    return catalog.replace(merged, fields=fields or None)


#: How similar two English texts must be for msgmerge to offer one's translation for the other.
FUZZY_THRESHOLD = 0.6


class _FuzzySearch:
    """msgmerge's fuzzy search over a catalog's translations: the one whose English is the most like a text.

    Up to :attr:`EXHAUSTIVE` candidates, each is measured, as msgmerge does.
    Past that, only a shortlist is: the candidates that share the most runs
    of three words with the text (indexed by the :attr:`SKETCH` smallest
    hashes of each text's runs, so that common words do not make every text
    a candidate), at least half as many as the one that shares the most, or,
    for a text of one or two words, the short candidates that share the most
    words with it. Filling thousands of texts from tens of
    thousands of translations then costs about as much as reading them,
    where a comparison of every pair would take hours.
    """

    EXHAUSTIVE = 1000
    SHORTLIST = 16
    SKETCH = 12
    SHORT = 4
    #: A run of words shared by more texts than this says little of which is alike: it is not counted.
    COMMON = 256

    def __init__(self, candidates: list[Entry]) -> None:
        self.candidates = candidates
        self.texts = [candidate.msgid.encode("utf-8") for candidate in candidates]
        self._index: tuple[dict[int, list[int]], dict[bytes, list[int]]] | None = None

    def most_similar(self, msgid: str) -> Entry | None:
        """The candidate most like ``msgid`` (the first of equals), if more than :data:`FUZZY_THRESHOLD` alike."""
        text = msgid.encode("utf-8")
        best: Entry | None = None
        best_score = FUZZY_THRESHOLD
        masks = _masks(text)
        for index in range(len(self.texts)) if len(self.texts) <= self.EXHAUSTIVE else self._shortlist(text):
            other = self.texts[index]
            total = len(text) + len(other)
            if not total or 2 * min(len(text), len(other)) / total <= best_score:
                continue  # the lengths alone keep it at or below the best so far
            score = 2 * _common_length(text, other, masks) / total
            if score > best_score:
                best, best_score = self.candidates[index], score
        return best

    def _shortlist(self, text: bytes) -> list[int]:
        if self._index is None:
            runs: dict[int, list[int]] = {}
            words: dict[bytes, list[int]] = {}
            for index, other in enumerate(self.texts):
                for run in _sketch(other, self.SKETCH):
                    runs.setdefault(run, []).append(index)
                parts = other.split()
                if len(parts) <= self.SHORT:
                    for word in set(parts):
                        words.setdefault(word, []).append(index)
            self._index = (runs, words)
        runs, words = self._index
        hits: Counter[int] = Counter()
        parts = text.split()
        postings = (
            [runs.get(run, ()) for run in _sketch(text, self.SKETCH)] if len(parts) >= 3 else [words.get(word, ()) for word in set(parts)]
        )
        for posting in postings:
            if len(posting) <= self.COMMON:
                hits.update(posting)
        ranked = hits.most_common(self.SHORTLIST)
        # The texts alike share most runs: those with half as many as the best are the ones worth measuring.
        enough = (ranked[0][1] + 1) // 2 if ranked else 0
        return sorted(index for index, count in ranked if count >= enough)


def _sketch(text: bytes, size: int) -> list[int]:
    """The ``size`` smallest hashes of the runs of three words of ``text``: texts alike share most of theirs."""
    import zlib

    parts = text.split()
    return sorted({zlib.crc32(b" ".join(parts[start : start + 3])) for start in range(len(parts) - 2)})[:size]


def _masks(text: bytes) -> list[int]:
    """For each byte value, the positions of ``text`` that hold it, as the bits of one number."""
    masks = [0] * 256
    for position, byte in enumerate(text):
        masks[byte] |= 1 << position
    return masks


def _common_length(a: bytes, b: bytes, masks: list[int] | None = None) -> int:
    """The length of the longest common subsequence of ``a`` and ``b`` (bit-parallel, Hyyrö 2004): the measure of GNU fstrcmp.

    ``masks`` are :func:`_masks` of ``a``, when the caller measures ``a`` against many texts.
    """
    if masks is None:
        masks = _masks(a)
    full = (1 << len(a)) - 1
    row = full
    for byte in b:
        matched = row & masks[byte]
        row = ((row + matched) | (row - matched)) & full
    return len(a) - row.bit_count()


def _carry(
    old: Entry,
    source: Entry,
    nplurals: int,
    *,
    fuzzy: bool = False,
    previous_msgid: str | None = None,
    previous_msgctxt: str | None = None,
) -> Entry:
    """The old entry's translation and translator's notes on the template's entry."""
    msgstr = old.msgstr
    # A message that became plural, or singular, keeps its translation as the
    # first form (or from it), for the translator to review.
    if source.msgid_plural is not None and old.msgid_plural is None:
        msgstr = (old.msgstr[0],) + ("",) * (nplurals - 1)
        fuzzy = fuzzy or bool(old.msgstr[0])
    elif old.msgid_plural is not None and source.msgid_plural is None:
        msgstr = (old.msgstr[0],)
        fuzzy = fuzzy or bool(msgstr[0])
    entry = old._replace(
        obsolete=False,
        msgctxt=source.msgctxt,
        msgid=source.msgid,
        msgid_plural=source.msgid_plural,
        msgstr=msgstr,
        extracted=source.extracted,
        references=source.references,
    )
    if fuzzy:
        if "fuzzy" not in entry.flags:
            entry = entry._replace(flags=("fuzzy", *entry.flags))
        if previous_msgid is not None and previous_msgid != source.msgid:
            entry = entry._replace(previous_msgid=previous_msgid)
            if entry.previous_msgctxt is None:
                entry = entry._replace(previous_msgctxt=old.msgctxt)  # msgmerge names the context too
        if previous_msgctxt is not None and previous_msgctxt != source.msgctxt:
            entry = entry._replace(previous_msgctxt=previous_msgctxt, previous_msgid=entry.previous_msgid or old.msgid)
    elif "fuzzy" not in entry.flags:
        entry = entry._replace(previous_msgctxt=None, previous_msgid=None, previous_msgid_plural=None)
    return entry


def count_translations(catalog: Catalog) -> int:
    """Entries that hold a translation, active and obsolete: an update never lowers this number."""
    return sum(1 for entry in catalog.entries if entry.has_translation)


# -- compile -----------------------------------------------------------------------


def compile_catalog(catalog: Catalog, source: bytes) -> bytes:
    """The ``.mo`` of a catalog: its translated, non-fuzzy entries, as msgfmt compiles them.

    The header records the SHA-256 of the ``.po`` bytes (:func:`~trigger_content.po.mo.mo_is_current`),
    so a reader can tell whether the ``.mo`` is current without parsing the ``.po``.
    """
    return compile_mo(catalog, {SOURCE_DIGEST: source_digest(source)})


# -- files of a project ------------------------------------------------------------


def init_file(project: Project, locale: str, *, force: bool = False) -> Path:
    """Create the catalog of ``locale`` from the project's template; return its path."""
    target = project.catalog(locale)
    if target.exists() and not force:
        raise TriggerContentError("catalog exists already; `trigger-content update` merges the template into it", path=target)
    template = _read_template(project)
    write_atomic(target, catalog_bytes(init_catalog(template, locale, team=project.teams.get(locale))))
    return target


def update_files(
    project: Project, locales: Iterable[str] = (), *, check: bool = False, compendia: Iterable[str | Path] = ()
) -> list[tuple[Path, bool]]:
    """Merge the template into each catalog; return each path and whether it changed.

    ``compendia`` (with those of ``[tool.trigger-content.update]``) are
    catalogs of translations to reuse, each for the catalogs of its language
    (:func:`merge`). Every catalog is read and merged before any is written,
    so a malformed one stops the update with every file as it was. With
    ``check``, nothing is written.
    """
    template = _read_template(project)
    exact, memory = _memory(project, compendia)
    results = []
    for path in project.catalogs(locales):
        catalog = read_po(path)
        before = catalog.data
        remembered = [entry for compendium in memory if _same_language(compendium.locale, catalog.locale) for entry in compendium.entries]
        merged = merge(catalog, template, remembered, exact=exact)
        # A fuzzy match copies a translation (so there may be more), never loses one.
        if count_translations(merged) < count_translations(catalog):  # pragma: no cover - an invariant
            raise TriggerContentError("update would lose translations; nothing written", path=path)
        data = catalog_bytes(merged)
        results.append((path, data, before))
    if not check:
        for path, data, before in results:
            if data != before:
                write_atomic(path, data, expected=before)
    return [(path, data != before) for path, data, before in results]


def _memory(project: Project, compendia: Iterable[str | Path]) -> tuple[str, list[Catalog]]:
    """How exact matches come in, and the compendium catalogs, from the command line and ``[tool.trigger-content.update]``."""
    from .project import Settings

    table = Settings("update", project.update, {"exact-matches", "compendium"}, project.pyproject)
    exact = table.text("exact-matches", "fuzzy")
    if exact not in EXACT_MATCHES:
        table.fail(f"exact-matches must be one of {', '.join(EXACT_MATCHES)}, not {exact!r}", "exact-matches")
    root = project.root or Path.cwd()
    paths = [Path(path) for path in compendia] + [root / path for path in table.texts("compendium")]
    catalogs = []
    for path in paths:
        if not path.is_file():
            raise TriggerContentError("no such compendium", path=path)
        compendium = read_po(path)
        if not compendium.locale:
            raise TriggerContentError("a compendium's header names its Language, so that it serves that language's catalogs", path=path)
        catalogs.append(compendium)
    return exact, catalogs


def _same_language(a: str, b: str) -> bool:
    """Whether two catalogs' locales are one (``pt_BR`` and ``pt-BR`` are; ``pt`` and ``pt_BR`` are not)."""
    return a.replace("-", "_").lower() == b.replace("-", "_").lower()


def compile_files(project: Project, locales: Iterable[str] = (), *, check: bool = False) -> list[tuple[Path, bool]]:
    """Write the ``.mo`` beside each catalog that is not current; return each ``.mo`` path and whether it changed.

    A ``.mo`` that says what its ``.po`` says is current, whoever compiled it
    (:func:`~trigger_content.po.mo.mo_is_current`): another tool's is left as
    it is, and one compiled here is written again only to record the digest of
    a ``.po`` changed in its comments or references. With ``check``, nothing
    is written, and only a ``.mo`` that is not current counts as changed.
    """
    results: list[tuple[Path, bytes | None, bool]] = []
    for path in project.catalogs(locales):
        catalog = read_po(path)
        target = path.with_suffix(".mo")
        old = target.read_bytes() if target.is_file() else None
        if old is not None and compiled_from(old, catalog.data):
            results.append((target, None, False))  # compiled here from these very bytes: nothing to do
            continue
        current = old is not None and mo_is_current(target, catalog)
        ours = old is not None and f"{SOURCE_DIGEST}: ".encode("ascii") in old
        if current and (check or not ours):
            results.append((target, None, False))
        else:
            results.append((target, compile_catalog(catalog, catalog.data), True))
    if not check:
        for target, compiled, changed in results:
            if changed and compiled is not None:
                write_atomic(target, compiled)
    return [(target, changed) for target, _, changed in results]


def _read_template(project: Project) -> Catalog:
    if not project.template.is_file():
        raise TriggerContentError("no template; run `trigger-content extract` first", path=project.template)
    return read_po(project.template)
