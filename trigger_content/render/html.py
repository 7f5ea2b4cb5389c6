"""HTML: a complete HTML5 document or an article fragment, through Jinja2 with autoescape."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from ..errors import TriggerContentError
from ..inline import Emphasis, Inline, Link, SourceText, Text, plain_text
from ..languages import language_tag, text_direction
from ..model import LinkTarget, Page
from .context import RenderContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from jinja2 import Environment


@cache
def environment(templates: Path | None = None) -> Environment:
    """The one Jinja2 environment of the pages, fragments, the site's index and the review page (autoescape on).

    ``templates`` is a folder whose templates replace the packaged ones of the same name.
    """
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, StrictUndefined

    packaged = PackageLoader("trigger_content", "render/templates")
    # "trigger_content/page.html" always names the packaged template, so an
    # override of page.html can extend it and replace only a block.
    loaders = [PrefixLoader({"trigger_content": packaged}), packaged]
    if templates is not None:
        loaders.insert(0, FileSystemLoader(str(templates)))
    environment = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # read once per process: a server sees an edited template after a restart
    )
    environment.globals["plain"] = plain_text
    environment.filters["inline"] = inline_html
    return environment


def inline_html(nodes: Sequence[Inline], links: Mapping[str, LinkTarget], note: str) -> Markup:
    """The HTML of inline nodes: every text escaped, every element and attribute from here."""
    if len(nodes) == 1 and type(nodes[0]) is Text:
        return escape(nodes[0].text)  # most texts: one run, no markup
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            parts.append(escape(node.text))
        elif isinstance(node, Link):
            parts.append(
                f'<a href="{escape(links[node.target].url)}" data-link="{escape(node.target)}">{inline_html(node.content, links, note)}</a>'
            )
        elif isinstance(node, SourceText):
            # Its language and direction: English stays left to right in an Arabic page.
            lang, direction = escape(language_tag(node.lang)), text_direction(node.lang)
            parts.append(
                f'<span lang="{lang}" dir="{direction}" class="untranslated">{inline_html(node.content, links, note)}</span> '
                f'<small class="fallback-note">({escape(note)})</small>'
            )
        else:
            tag = "em" if isinstance(node, Emphasis) else "strong"
            parts.append(f"<{tag}>{inline_html(node.content, links, note)}</{tag}>")
    return Markup("".join(parts))


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
    from jinja2 import TemplateError, TemplateSyntaxError

    context = context or RenderContext.for_page(page)
    folder = None if templates is None else Path(templates).resolve()
    if folder is not None and not folder.is_dir():
        raise TriggerContentError("no such template folder", path=templates)
    name = "fragment.html" if fragment else "page.html"
    try:
        return environment(folder).get_template(name).render(page=page, context=context)
    except TemplateSyntaxError as error:
        raise TriggerContentError(f"template error: {error.message}", path=error.filename or name, line=error.lineno) from None
    except TemplateError as error:
        raise TriggerContentError(f"template error: {error}", path=_template_path(folder, name)) from None
    except RecursionError:
        raise TriggerContentError(
            f'template {name} extends itself; extend "trigger_content/{name}" to build on the packaged one',
            path=_template_path(folder, name),
        ) from None


def _template_path(folder: Path | None, name: str) -> str:
    return str(folder / name) if folder is not None and (folder / name).is_file() else name
