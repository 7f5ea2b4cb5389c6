"""The page as typed content: site chrome, article, sections and blocks.

Every model is frozen and strict (:class:`~trigger_content.inline.Frozen`).
Blocks form a discriminated union on ``kind``. Each section and block has an
``id`` that is unique in its page; the ids on the way to a text, joined with
dots, are that text's message context in the catalogs.

Fields that translators translate are :data:`~trigger_content.inline.RichText`
annotated with a :class:`Role`, which says what the text is; the one walker in
:mod:`trigger_content.segments` finds them by that annotation, so a new block
kind needs no change there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Annotated, Any, ClassVar, Literal, Protocol, cast
from urllib.parse import urlsplit

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .inline import ID_PATTERN, Frozen, Inline, Link, RichText, iter_containers, parse_markup
from .languages import LOCALE_PATTERN, PSEUDO_LOCALE

Id = Annotated[str, Field(pattern=ID_PATTERN, description="Lower-case letters, digits and hyphens; stable across rewordings.")]
LocaleCode = Annotated[str, Field(pattern=LOCALE_PATTERN, description="A gettext locale code: fr, pt_BR, zh_Hant, sr@latin.")]

_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


@dataclass(frozen=True)
class Role:
    """Marks a field as translatable text and says, for translators, what it is."""

    name: str


class Paragraph(Frozen):
    """A paragraph of running text."""

    kind: Literal["paragraph"] = "paragraph"
    id: Id
    text: Annotated[RichText, Role("paragraph")]
    note: str | None = Field(default=None, description="A note for translators, added to the catalog comments of this item's texts.")


class ListItem(Frozen):
    """One item of a list."""

    id: Id
    text: Annotated[RichText, Role("list item")]
    note: str | None = Field(default=None, description="A note for translators, added to the catalog comments of this item's texts.")


class ItemList(Frozen):
    """A bulleted (or numbered) list."""

    kind: Literal["list"] = "list"
    id: Id
    ordered: bool = False
    items: tuple[ListItem, ...] = Field(min_length=1)


class Definition(Frozen):
    """A term and what it means, shown as one list item with the term standing out."""

    id: Id
    term: Annotated[RichText, Role("list item term")]
    definition: Annotated[RichText, Role("list item definition")]
    note: str | None = Field(default=None, description="A note for translators, added to the catalog comments of this item's texts.")


class DefinitionList(Frozen):
    """A list of terms and their definitions."""

    kind: Literal["definitions"] = "definitions"
    id: Id
    items: tuple[Definition, ...] = Field(min_length=1)


Block = Annotated[Paragraph | ItemList | DefinitionList, Field(discriminator="kind")]


class Section(Frozen):
    """A headed part of the article; its body may be empty, and may hold subsections."""

    id: Id
    heading: Annotated[RichText, Role("section heading")]
    note: str | None = Field(default=None, description="A note for translators, added to the catalog comments of the heading.")
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()


class LinkTarget(Frozen):
    """Where a link goes; ``note`` tells translators what the link is."""

    url: str = Field(min_length=1, description="An http(s), mailto or tel URL, or a path on the site.")
    note: str | None = Field(default=None, description="What the link leads to, for translators.")

    @field_validator("url")
    @classmethod
    def _safe_url(cls, url: str) -> str:
        scheme = urlsplit(url).scheme.lower()
        if scheme and scheme not in _SAFE_SCHEMES:
            raise ValueError(f"URL scheme {scheme!r} is not allowed (use http, https, mailto, tel or a path)")
        if any(char.isspace() or ord(char) < 32 for char in url):
            raise ValueError("URL contains white space or a control character")
        return url


Links = dict[Id, LinkTarget]


class Site(Frozen):
    """What every page of the site shows around its article: notice, tagline, languages.

    Its texts are shared by all pages, so their message contexts start with
    ``site.`` rather than a page id.
    """

    context_root: ClassVar[str] = "site"

    source_locale: LocaleCode = "en"
    locales: tuple[LocaleCode, ...] = Field(
        default=(), description="The locales the site is published in besides the source, in switcher order."
    )
    notice: Annotated[Paragraph | None, Role("notice banner")] = None
    tagline: Annotated[RichText | None, Role("tagline")] = None
    switcher_label: Annotated[RichText, Role("name of the language switcher, read out by screen readers")] = Field(
        default_factory=lambda: parse_markup("Languages"), description="What screen readers call the language switcher."
    )
    fallback_note: Annotated[RichText, Role("short note after a text that is shown in English because its translation is missing")] = Field(
        default_factory=lambda: parse_markup("Not yet translated"), description="Said after a text shown in the source language."
    )
    reviewed_label: Annotated[RichText, Role("label before the date the page was last reviewed, as in “Last reviewed: March 12, 2025”")] = (
        Field(default_factory=lambda: parse_markup("Last reviewed:"), description="Shown before a page's review date.")
    )
    approved_label: Annotated[
        RichText,
        Role(
            "label before the date a clinical reviewer last approved this translation, as in “Translation medically reviewed: March 12, 2025”"
        ),
    ] = Field(
        default_factory=lambda: parse_markup("Translation medically reviewed:"),
        description="Shown before the date a clinical reviewer last approved the page's translation.",
    )
    base_url: str | None = Field(
        default=None, description="Where the built site is served, for sitemap.xml and hreflang links: https://example.org/health/"
    )
    links: Links = Field(default_factory=dict)

    @field_validator("base_url")
    @classmethod
    def _absolute(cls, url: str | None) -> str | None:
        if url is not None and (urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc or not url.endswith("/")):
            raise ValueError("base_url must be an absolute http(s) URL ending with '/'")
        return url

    @field_validator("locales")
    @classmethod
    def _once_each(cls, locales: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        # A field's check, so that an error points at the line of locales.
        duplicates = [code for code, count in Counter(locales).items() if count > 1]
        source = info.data.get("source_locale")
        if duplicates or source in locales:
            raise ValueError(f"locale {duplicates[0] if duplicates else source!r} listed twice")
        if PSEUDO_LOCALE in locales:
            raise ValueError(f"{PSEUDO_LOCALE} is the pseudo-locale, for tests, not a language of the site; `build --pseudo` builds it")
        return locales

    @model_validator(mode="after")
    def _check(self) -> Site:
        _check_links(self.links, self)
        return self


#: Ids that would make a message context equal to another text's: the names of
#: text fields, which the walker appends to the ids (``page.title``), and the
#: root of the site chrome's contexts.
RESERVED_IDS = frozenset(
    {
        "title",
        "heading",
        "term",
        "definition",
        "text",
        "tagline",
        "switcher-label",
        "fallback-note",
        "reviewed-label",
        "approved-label",
        "notice",
        "site",
    }
)


class Page(Frozen):
    """One page: its article and, when it has one, the site it appears in."""

    id: Id
    lang: LocaleCode = "en"
    site: Site | None = None
    title: Annotated[RichText, Role("page title")]
    reviewed: date | None = Field(default=None, description="When the page was last reviewed; shown in each language's date format.")
    links: Links = Field(default_factory=dict)
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Page:
        reserved = sorted({self.id} & {"site"} | {node.id for node in iter_identified(self)} & RESERVED_IDS)
        if reserved:
            raise ValueError(f"id {reserved[0]!r} is reserved (it names a text field or the site chrome); choose another id")
        seen = Counter(node.id for node in iter_identified(self))
        repeated = sorted(key for key, count in seen.items() if count > 1)
        if repeated:
            raise ValueError(f"id {repeated[0]!r} is used more than once in the page; ids must be unique")
        _check_links(self.links, self)
        return self


@cache
def roles(cls: type[Frozen]) -> dict[str, Role]:
    """The fields of ``cls`` marked with a :class:`Role`, in declaration order."""
    return {name: role for name, info in cls.model_fields.items() for role in info.metadata if isinstance(role, Role)}


def children(node: Frozen) -> Iterator[Frozen]:
    """The models directly below ``node`` (sections, blocks, items), in field order.

    Inline text is not among them: it is reached through :func:`roles`.
    """
    text_fields = roles(type(node))
    for name in type(node).model_fields:
        value = getattr(node, name)
        if name in text_fields and not isinstance(value, Frozen):
            continue
        if isinstance(value, Frozen):
            yield value
        elif isinstance(value, tuple):
            yield from (item for item in value if isinstance(item, Frozen))


def iter_texts(node: Frozen) -> Iterator[tuple[Inline, ...]]:
    """Every translatable text of ``node`` and below, in reading order (a page's site apart)."""
    for name in roles(type(node)):
        value = getattr(node, name)
        if isinstance(value, tuple):
            yield value
    for child in children(node):
        if not isinstance(child, Site):
            yield from iter_texts(child)


class _Identified(Protocol):
    """A model that has an ``id``: a section, a block or an item."""

    @property
    def id(self) -> str: ...


def iter_identified(node: Frozen) -> Iterator[_Identified]:
    """Every model below ``node`` that has an ``id`` (sections, blocks, items), in order."""
    for child in children(node):
        if isinstance(child, Site):
            continue
        if "id" in type(child).model_fields:
            yield cast(_Identified, child)  # mypy cannot read the id from model_fields
        yield from iter_identified(child)


def _check_links(links: Links, node: Frozen) -> None:
    """Every link in the texts of ``node`` points at an entry of ``links``."""
    for text in iter_texts(node):
        for inline in iter_containers(text):
            if isinstance(inline, Link) and inline.target not in links:
                known = ", ".join(sorted(links)) or "none"
                raise ValueError(f"link target {inline.target!r} is not in [links] (known: {known})")


def document_schema(document: Literal["page", "site"] = "page") -> dict[str, object]:
    """The JSON Schema of a source document, for editors that validate TOML."""
    model: type[Frozen] = Page if document == "page" else Site
    schema = model.model_json_schema(mode="validation")
    # A block's kind has a default in Python, but in a list of blocks the
    # loader picks each block's model by it: there the schema requires it too.
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("discriminator", {}).get("propertyName") == "kind":
                node["required"] = ["kind"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://trigger-content.invalid/schema/{document}.json",
        **schema,
    }
