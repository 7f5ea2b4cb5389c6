"""trigger_content: multilingual patient-information pages as typed content.

The pipeline, one function a stage::

    page = load_page("content/trigger-point-injections.toml")   # English, validated
    for segment in segments(page): ...                           # what translators see
    french = localize(page, translations, locale="fr")           # a new Page
    html = render_html(french)                                   # or render_text(french)
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

# Names are imported on first use, so that the command starts without loading
# pydantic, Babel or Jinja2 when a subcommand does not need them.
_EXPORTS = {
    "Block": "model",
    "CatalogError": "errors",
    "DOMAIN": "project",
    "Definition": "model",
    "DefinitionList": "model",
    "Emphasis": "inline",
    "Fallback": "walker",
    "Inline": "inline",
    "ItemList": "model",
    "Language": "render",
    "Link": "inline",
    "LinkTarget": "model",
    "ListItem": "model",
    "MarkupError": "errors",
    "Page": "model",
    "Paragraph": "model",
    "Project": "project",
    "RenderContext": "render",
    "Role": "model",
    "Section": "model",
    "Segment": "walker",
    "Site": "model",
    "SourceText": "inline",
    "SourceError": "errors",
    "Strong": "inline",
    "Text": "inline",
    "Translations": "walker",
    "TriggerContentError": "errors",
    "build_template": "extract",
    "document_schema": "model",
    "find_project": "project",
    "from_catalog": "inline",
    "load_page": "source",
    "load_pages": "source",
    "load_site": "source",
    "load_translations": "translations",
    "localize": "walker",
    "parse_markup": "inline",
    "plain_text": "inline",
    "read_translations": "translations",
    "render_html": "render",
    "render_text": "render",
    "segments": "walker",
    "to_catalog": "inline",
    "walk": "walker",
    "write_template": "extract",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


if TYPE_CHECKING:  # the same names, for type checkers: `X as X` exports each explicitly (mypy --strict)
    from .errors import (
        CatalogError as CatalogError,
        MarkupError as MarkupError,
        SourceError as SourceError,
        TriggerContentError as TriggerContentError,
    )
    from .extract import (
        build_template as build_template,
        write_template as write_template,
    )
    from .inline import (
        Emphasis as Emphasis,
        Inline as Inline,
        Link as Link,
        SourceText as SourceText,
        Strong as Strong,
        Text as Text,
        from_catalog as from_catalog,
        parse_markup as parse_markup,
        plain_text as plain_text,
        to_catalog as to_catalog,
    )
    from .model import (
        Block as Block,
        Definition as Definition,
        DefinitionList as DefinitionList,
        ItemList as ItemList,
        LinkTarget as LinkTarget,
        ListItem as ListItem,
        Page as Page,
        Paragraph as Paragraph,
        Role as Role,
        Section as Section,
        Site as Site,
        document_schema as document_schema,
    )
    from .project import (
        DOMAIN as DOMAIN,
        Project as Project,
        find_project as find_project,
    )
    from .render import (
        Language as Language,
        RenderContext as RenderContext,
        render_html as render_html,
        render_text as render_text,
    )
    from .source import (
        load_page as load_page,
        load_pages as load_pages,
        load_site as load_site,
    )
    from .translations import (
        load_translations as load_translations,
        read_translations as read_translations,
    )
    from .walker import (
        Fallback as Fallback,
        Segment as Segment,
        Translations as Translations,
        localize as localize,
        segments as segments,
        walk as walk,
    )
