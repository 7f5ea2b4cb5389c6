"""Checks of a project: are the template, the catalogs and the compiled catalogs current?"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..catalogs import compile_files, merge, update_files
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
    """The project's catalogs that are not merged with its template, and those only laid out otherwise (read once for both checks)."""
    template = project.template
    if not template.is_file():
        return [], []
    files = [template, *project.catalogs()]
    stats = [(str(path), path.stat()) for path in files if path.is_file()]
    key = tuple((name, stat.st_mtime_ns, stat.st_size) for name, stat in stats)
    if key not in _STATES:
        _STATES.clear()
        changed = [path for path, differs in update_files(project, check=True) if differs]
        current = read_po(template) if changed else None
        layout_only = [path for path in changed if current is not None and _only_layout(read_po(path), current)]
        _STATES[key] = ([path for path in changed if path not in layout_only], layout_only)
    return _STATES[key]


def _only_layout(catalog: Catalog, template: Catalog) -> bool:
    """Whether merging ``catalog`` with ``template`` changes no message: its file differs only in how it is written."""
    return catalog_bytes(merge(catalog, template)) == catalog_bytes(catalog)


@check("stale-mo", "warning", scope="project")
def stale_mo(project: Project) -> Iterator[tuple[Path, str]]:
    """Stale compiled catalog: a .mo was not made from its current .po (gettext in an application would show older texts).

    A `.mo` not compiled from the current `.po`.
    """
    for path, changed in compile_files(project, check=True):
        if changed:
            state = "not compiled from the current .po" if path.is_file() else "not compiled yet"
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
