"""A static site: every page in every published locale, an index and a sitemap.

``OUTDIR/<locale>/<page-id>.html`` and ``.txt``, ``OUTDIR/index.html`` that
leads to each language, and ``OUTDIR/sitemap.xml`` with ``xhtml:link``
alternates. Links between languages are relative, so the folder works on any
static server; building twice gives the same bytes, and a file whose bytes
do not change is not rewritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from .files import read_within, remove_leftovers, remove_within, write_within
from .languages import PSEUDO_LOCALE, endonym, language_tag, text_direction
from .model import Page
from .publish import PublishPolicy, approval, publish, published, site_translations
from .render import RenderContext, render_html, render_text
from .render.html import environment
from .source import load_pages
from .walker import Fallback

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .project import Project

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: The list of the files a build wrote, kept in its folder.
MANIFEST = ".trigger-content-build"
XHTML = "http://www.w3.org/1999/xhtml"


@dataclass
class BuildReport:
    """What a build wrote, left as it was, withheld, and every text it left in English."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    #: Locale → why it is not published.
    withheld: dict[str, str] = field(default_factory=dict)
    #: (locale, page id) → the texts shown in the source language or withheld.
    fallbacks: dict[tuple[str, str], list[Fallback]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    #: Pages of earlier builds for languages no longer published, deleted.
    removed: list[Path] = field(default_factory=list)
    #: Temporary files a build stopped half-way (``kill -9``) had left, deleted.
    leftovers: list[Path] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return sorted(self.written + self.unchanged)


def build_site(
    pages: Sequence[Page],
    outdir: str | Path,
    catalog: Callable[[str], Path],
    policy: PublishPolicy = PublishPolicy(),
    *,
    extra_locales: Sequence[str] = (),
    progress: Callable[[int, int, Path], None] | None = None,
) -> BuildReport:
    """Render ``pages`` in every locale of their site into ``outdir``.

    ``catalog`` gives the ``.po`` path of a locale. Locales below the policy's
    threshold are withheld: not written, not linked, not in the sitemap.
    ``extra_locales`` are built too (the pseudo-locale ``en_XA``, say).
    Nothing is written outside ``outdir``: a symbolic link to a folder inside
    it is refused, a link where a file goes replaced by the file.
    """
    outdir = Path(outdir)
    report = BuildReport()
    if not pages:
        return report
    site = pages[0].site
    translations = site_translations(site, site.source_locale if site else pages[0].lang, catalog, policy, extra_locales)
    for locale, found in translations.items():
        if found is not None:
            report.notes.extend(found.notes)
            if found.withheld:
                report.withheld[locale] = found.withheld
    report.published = published(translations)
    # The pages of real languages link one another; an extra locale (the
    # pseudo-locale) links them but is linked from none.
    searchable = [locale for locale in report.published if locale not in extra_locales]

    outputs: list[tuple[str, bytes]] = []
    localized: dict[tuple[str, str], Page] = {}
    for locale in report.published:
        for page in pages:
            found = translations[locale]
            fallbacks: list[Fallback] = []
            if found is None:
                result = page
            else:
                result, fallbacks = publish(page, found, policy)
            if fallbacks:
                report.fallbacks[(locale, page.id)] = fallbacks
            localized[(locale, page.id)] = result
            context = RenderContext.for_page(result, locales=searchable, approved=approval(page, found))
            outputs.append((f"{locale}/{page.id}.html", render_html(result, context=context).encode("utf-8")))
            outputs.append((f"{locale}/{page.id}.txt", render_text(result, context=context).encode("utf-8")))
    outputs.append(("index.html", _index(pages, localized, report.published).encode("utf-8")))
    sitemap = _sitemap(pages, searchable, site.base_url if site else None)
    if sitemap is not None:
        outputs.append(("sitemap.xml", sitemap))
    else:
        report.notes.append("no sitemap.xml: site.toml has no base_url for its absolute addresses")

    for folder in sorted({str(Path(name).parent) for name, _ in outputs}):
        report.leftovers.extend(remove_leftovers(outdir, folder))
    for number, (name, data) in enumerate(outputs, start=1):
        path = outdir / name
        if read_within(outdir, name) == data:
            report.unchanged.append(path)
        else:
            write_within(outdir, name, data)  # a page can be built again: no waiting for the disk
            report.written.append(path)
        if progress is not None:
            progress(number, len(outputs), path)
    _remove_stale(outdir, [name for name, _ in outputs], report)
    return report


def build_project(
    project: Project,
    outdir: str | Path,
    policy: PublishPolicy = PublishPolicy(),
    *,
    pseudo: bool = False,
    progress: Callable[[int, int, Path], None] | None = None,
) -> BuildReport:
    """Every page of ``project`` into ``outdir`` (see :func:`build_site`), the pseudo-locale too with ``pseudo``: what ``build`` does."""
    pages = load_pages(project.content, required=True)
    extra = [PSEUDO_LOCALE] if pseudo else []
    return build_site(pages, outdir, project.catalog, policy, extra_locales=extra, progress=progress)


def _remove_stale(outdir: Path, written: Sequence[str], report: BuildReport) -> None:
    """Delete what the previous build wrote and this one did not: a language no
    longer published, a page removed, must not stay online. The build's list of
    files (``.trigger-content-build``) says what it owns; nothing else is touched."""
    names = sorted(written)
    try:
        previous = json.loads(read_within(outdir, MANIFEST) or b"")["files"]
    except (ValueError, KeyError, TypeError):
        previous = []
    for name in sorted(set(previous) - set(names)) if isinstance(previous, list) else ():
        if isinstance(name, str) and remove_within(outdir, name):
            report.removed.append(outdir / name)
    data = (json.dumps({"files": names}, indent=1) + "\n").encode("utf-8")
    if read_within(outdir, MANIFEST) != data:
        write_within(outdir, MANIFEST, data)


def _index(pages: Sequence[Page], localized: dict[tuple[str, str], Page], locales: Sequence[str]) -> str:
    first = pages[0]
    languages = [
        {
            "locale": locale,
            "tag": language_tag(locale),
            "dir": text_direction(locale),
            "name": endonym(locale),
            "pages": [(f"{locale}/{page.id}.html", localized[(locale, page.id)]) for page in pages],
        }
        for locale in locales
    ]
    template = environment().get_template("index.html")
    return template.render(site=first.site, source=first, languages=languages, tag=language_tag(first.lang))


def _sitemap(pages: Sequence[Page], locales: Sequence[str], base: str | None) -> bytes | None:
    if base is None:
        return None
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    root = ElementTree.Element(f"{{{SITEMAP}}}urlset")
    for page in pages:
        for locale in locales:
            url = ElementTree.SubElement(root, f"{{{SITEMAP}}}url")
            ElementTree.SubElement(url, f"{{{SITEMAP}}}loc").text = f"{base}{locale}/{page.id}.html"
            for other in locales:
                ElementTree.SubElement(
                    url, f"{{{XHTML}}}link", rel="alternate", hreflang=language_tag(other), href=f"{base}{other}/{page.id}.html"
                )
            ElementTree.SubElement(
                url, f"{{{XHTML}}}link", rel="alternate", hreflang="x-default", href=f"{base}{locales[0]}/{page.id}.html"
            )
    ElementTree.indent(root)
    body: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"
