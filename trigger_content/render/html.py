"""HTML: a complete HTML5 document or an article fragment, through Jinja2 with autoescape."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..inline import plain_text
from ..model import Page
from .context import RenderContext


@cache
def _environment(templates: Path | None):  # type: ignore[no-untyped-def]
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

    loaders = [PackageLoader("trigger_content", "render/templates")]
    if templates is not None:
        loaders.insert(0, FileSystemLoader(str(templates)))
    environment = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.globals["plain"] = plain_text
    return environment


def render_html(
    page: Page,
    *,
    context: RenderContext | None = None,
    fragment: bool = False,
    templates: str | Path | None = None,
) -> str:
    """The page as an HTML5 document, or only its ``<article>`` when ``fragment`` is true.

    ``templates`` is a folder whose ``page.html``, ``fragment.html`` or
    ``macros.html`` replace the packaged ones (Jinja2, autoescaped).
    """
    context = context or RenderContext.for_page(page)
    folder = None if templates is None else Path(templates).resolve()
    template = _environment(folder).get_template("fragment.html" if fragment else "page.html")
    return template.render(page=page, context=context)
