"""Checks of a project: are the template, the catalogs and the compiled catalogs current?"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..catalogs import compile_files, merge, update_files
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
    """Not merged: a catalog is not what `update` writes (the current template's messages, laid out as msgcat does).

    Each catalog holds the current template's messages, laid out as `update`
    (and msgcat) writes it; the message says which differs.
    """
    template = project.template
    if not template.is_file():
        return
    stale = [path for path, changed in update_files(project, check=True) if changed]
    if not stale:
        return
    current = read_po(template)
    for path in stale:
        catalog = read_po(path)
        if catalog_bytes(merge(catalog, current)) == catalog_bytes(catalog):
            yield (
                path,
                "its messages are current, but not laid out as msgcat and `trigger-content update` write them; run `trigger-content update`",
            )
        else:
            yield path, "not merged with the current template; run `trigger-content update`"


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
