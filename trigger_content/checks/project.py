"""Checks of a project: are the template, the catalogs and the compiled catalogs current?"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..catalogs import compile_files, merge
from ..errors import CatalogError
from ..po.entry import Catalog
from ..po.reader import read_po
from ..po.writer import catalog_bytes
from ..project import Project
from ..translations import missing_catalog
from .registry import check


@check("stale-template", "error", scope="project")
def stale_template(project: Project) -> Iterator[tuple[Path, str]]:
    """Stale template: the template no longer matches the source documents.

    The template matches the source documents.
    """
    from ..extract import project_sources, write_template

    pages, references = project_sources(project)
    template = project.template
    if write_template(pages, template, references=references, check=True, bugs_to=project.bugs_to):
        yield template, "not current with the source documents; run `trigger-content extract`"


@check("not-merged", "error", scope="project")
def not_merged(project: Project) -> Iterator[tuple[Path, str]]:
    """Not merged: a catalog's messages are not the current template's.

    Each catalog holds the current template's messages (texts added,
    reworded, moved or removed since are merged by `update`).
    """
    for path in _merge_states(project)[0]:
        yield path, "not merged with the current template; run `trigger-content update`"


@check("layout", "note", scope="project")
def layout(project: Project) -> Iterator[tuple[Path, str]]:
    """Layout: a catalog whose messages are current, saved otherwise than `update` writes it.

    A catalog saved by Poedit, Weblate or polib, or with leftover `#|` lines:
    its messages are current, only its layout differs from what `update` (and
    msgcat) writes; `update` rewrites it. A note: it fails no policy unless
    `fail-on` names it.
    """
    for path in _merge_states(project)[1]:
        yield path, "its messages are current, laid out otherwise than msgcat and `trigger-content update` write them; `update` rewrites it"


_STATES: dict[tuple[object, ...], tuple[list[Path], list[Path]]] = {}


def _merge_states(project: Project) -> tuple[list[Path], list[Path]]:
    """The project's catalogs whose messages are not the template's, and those only written otherwise (each merged once for both checks).

    Only written otherwise: what ``update`` would change is not a message, its
    translation, its fuzzy flag or previous English, but the layout, the
    comments the tools rewrap, the references (a line moved in a document),
    or the header's creation date.
    """
    template = project.template
    if not template.is_file():
        return [], []
    files = [template, *project.catalogs()]
    stats = [(str(path), path.stat()) for path in files if path.is_file()]
    key = tuple((name, stat.st_mtime_ns, stat.st_size) for name, stat in stats)
    if key not in _STATES:
        _STATES.clear()
        current = read_po(template)
        stale: list[Path] = []
        layout_only: list[Path] = []
        for path in project.catalogs():
            try:
                catalog = read_po(path)
            except CatalogError:
                continue  # reported once, as "unreadable"; the others are still checked
            merged = merge(catalog, current)
            if catalog_bytes(merged) != catalog.data:
                (layout_only if _messages(merged) == _messages(catalog) else stale).append(path)
        _STATES[key] = (stale, layout_only)
    return _STATES[key]


def _messages(catalog: Catalog) -> list[tuple[object, ...]]:
    """What a catalog says, apart from how it is written: each message, its translation, fuzzy flag and previous English."""
    return sorted(
        (
            (entry.obsolete, entry.msgctxt or "", entry.msgid, entry.msgid_plural or "", entry.msgstr, entry.fuzzy)
            + (entry.previous_msgctxt or "", entry.previous_msgid or "", entry.previous_msgid_plural or "")
            for entry in catalog.entries
        ),
    )


@check("stale-mo", "warning", scope="project")
def stale_mo(project: Project) -> Iterator[tuple[Path, str]]:
    """Stale compiled catalog: a .mo was not made from its current .po (gettext in an application would show older texts).

    A `.mo` not compiled from the current `.po`.
    """
    for catalog in project.catalogs():
        try:
            ((path, changed),) = compile_files(project, [catalog.parent.parent.name], check=True)  # its locale
        except CatalogError:
            continue  # a catalog that cannot be read: reported once, as "unreadable"; the others are still checked
        if changed:
            state = "does not say what the current .po says" if path.is_file() else "not compiled yet"
            yield path, f"{state}; run `trigger-content compile`"


@check("no-catalog", "warning", scope="project")
def no_catalog(project: Project) -> Iterator[tuple[Path, str]]:
    """No catalog: a language of site.toml has no catalog yet, so it is not published.

    A language of `site.toml` without a catalog yet: `render` and `build` do not
    publish or link it.
    """
    from ..source import SITE_FILE, load_site

    site = project.content / SITE_FILE
    if not site.is_file():
        return
    for locale in load_site(site).locales:
        missing = missing_catalog(project.catalog(locale))
        if missing is not None:
            yield site, f"lists {locale!r}, which is not published: {missing}"
