"""Inline text: links and emphasis as typed nodes, and their two spellings.

The model holds inline text as a tuple of nodes (:data:`Inline`). Two string
forms exist, each with a parser and a formatter:

* the **source markup** of the English documents, close to Markdown:
  ``[see the latest updates](covid-updates)`` is a link to the document's
  link ``covid-updates``, ``_text_`` is emphasis, ``**text**`` is strong, and a
  backslash makes the next punctuation character literal (``\\_``, ``\\*``);
* the **catalog form** that translators see: attribute-free numbered tags,
  ``<a1>see the latest updates</a1>``, ``<em1>…</em1>``, ``<strong1>…</strong1>``,
  numbered per kind in reading order. Targets never reach a catalog; a
  translation is rebuilt against the source nodes, so it can move, nest or
  reword the tags but never invent one or change where a link goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
)

from .errors import MarkupError
from .tags import TAG_NAMES, TAG_RE

#: A link target: the key of an entry in a document's ``[links]`` table.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Frozen(BaseModel):
    """Base of every model here: immutable, strict types, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")


class Text(Frozen):
    """A run of plain text."""

    kind: Literal["text"] = "text"
    text: str = Field(min_length=1)

    @field_validator("text")
    @classmethod
    def _no_tag_lookalike(cls, value: str) -> str:
        _refuse_tags(value)
        return value


class _Container(Frozen):
    kind: str
    content: tuple[Inline, ...] = Field(min_length=1)

    @field_validator("content")
    @classmethod
    def _not_nested_in_itself(cls, content: tuple[Inline, ...]) -> tuple[Inline, ...]:
        kind = cls.model_fields["kind"].default
        if any(node.kind == kind for node in iter_containers(content)):
            raise MarkupError(f"{_SOURCE_NAMES[kind]} inside another one")
        if not plain_text(content).strip():
            raise MarkupError(f"empty {_SOURCE_NAMES[kind]}")
        return content


class Link(_Container):
    """A link; ``target`` names an entry of the document's ``[links]`` table."""

    kind: Literal["link"] = "link"
    target: Annotated[str, Field(pattern=ID_PATTERN)]


class Emphasis(_Container):
    """Stressed text (``<em>``)."""

    kind: Literal["em"] = "em"


class Strong(_Container):
    """Text of strong importance (``<strong>``)."""

    kind: Literal["strong"] = "strong"


class SourceText(Frozen):
    """Text left in the source language in a localized page: it carries its language.

    :func:`~trigger_content.walker.localize` wraps a text it could not
    translate in one, so renderers mark it (``lang="en"``) and add a note.
    Source documents never contain it.
    """

    kind: Literal["source"] = "source"
    lang: str
    content: tuple[Inline, ...] = Field(min_length=1)


Inline = Annotated[Text | Link | Emphasis | Strong | SourceText, Field(discriminator="kind")]
Container = Link | Emphasis | Strong


for _model in (Link, Emphasis, Strong, SourceText):
    _model.model_rebuild()


# -- plain text ---------------------------------------------------------------


def plain_text(nodes: Iterable[Inline]) -> str:
    """The text of ``nodes`` without any markup."""
    return "".join(node.text if isinstance(node, Text) else plain_text(node.content) for node in nodes)


def iter_containers(nodes: Iterable[Inline]) -> Iterator[Container]:
    """Every link, emphasis and strong node, in reading (opening-tag) order."""
    for node in nodes:
        if isinstance(node, SourceText):
            yield from iter_containers(node.content)
        elif not isinstance(node, Text):
            yield node
            yield from iter_containers(node.content)


def _merge_text(nodes: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring text nodes, so equal text always has one shape."""
    merged: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(text=merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)


# -- source markup ------------------------------------------------------------

_ESCAPABLE = frozenset("\\[]()*_<>`")
_LINK_END = re.compile(r"\]\(([^()\s]*)\)")


class _Frame:
    """An open container while parsing: its kind, where it opened, its children."""

    def __init__(self, kind: str, column: int) -> None:
        self.kind = kind
        self.column = column
        self.children: list[Inline] = []
        self.text: list[str] = []

    def flush(self) -> None:
        if self.text:
            text = "".join(self.text)
            _refuse_tags(text)
            self.children.append(Text(text=text))
            self.text.clear()

    def close(self, target: str | None = None) -> Inline:
        self.flush()
        content = _merge_text(self.children)
        if not plain_text(content).strip():
            raise MarkupError(f"empty {_SOURCE_NAMES[self.kind]} at character {self.column}")
        if any(node.kind == self.kind for node in iter_containers(content)):
            raise MarkupError(f"{_SOURCE_NAMES[self.kind]} at character {self.column} holds another one")
        if self.kind == "link":
            return Link(target=target or "", content=content)
        return Emphasis(content=content) if self.kind == "em" else Strong(content=content)


#: A character that may be markup in a source text.
_MARKUP = re.compile(r"[\\_*\[\]]")
_SOURCE_NAMES = {"link": "link '[…](…)'", "em": "emphasis '_…_'", "strong": "strong '**…**'"}


def parse_markup(source: str) -> tuple[Inline, ...]:
    """Parse the source markup of an English document into inline nodes.

    >>> parse_markup("[see the latest updates](covid-updates).")[0].target
    'covid-updates'
    """
    _refuse_tags(source)
    if _MARKUP.search(source) is None:
        return (Text(text=source),) if source else ()  # most texts: no markup at all
    root = _Frame("root", 1)
    stack = [root]
    i = 0
    while i < len(source):
        char = source[i]
        top = stack[-1]
        column = i + 1
        if char == "\\" and i + 1 < len(source) and source[i + 1] in _ESCAPABLE:
            top.text.append(source[i + 1])
            i += 2
            continue
        intraword = char == "_" and 0 < i < len(source) - 1 and source[i - 1].isalnum() and source[i + 1].isalnum()
        if source.startswith("**", i) or (char == "_" and not intraword):
            kind = "strong" if char == "*" else "em"
            if top.kind == kind:
                node = stack.pop().close()
                stack[-1].children.append(node)
            elif any(frame.kind == kind for frame in stack):
                raise MarkupError(
                    f"{_SOURCE_NAMES[kind]} closed at character {column} "
                    f"before the {_SOURCE_NAMES[top.kind]} opened at character {top.column}"
                )
            else:
                top.flush()
                stack.append(_Frame(kind, column))
            i += 2 if kind == "strong" else 1
            continue
        if char == "*":
            raise MarkupError(f"a single '*' at character {column} is not markup: write _emphasis_, **strong** or \\* for an asterisk")
        if char == "[":
            top.flush()
            stack.append(_Frame("link", column))
            i += 1
            continue
        if char == "]":
            end = _LINK_END.match(source, i)
            if top.kind != "link" or end is None:
                raise MarkupError(f"']' at character {column} does not close a link '[text](link-id)'; write \\] for a bracket")
            if not re.match(ID_PATTERN, end.group(1)):
                raise MarkupError(
                    f"link target {end.group(1)!r} at character {end.start(1) + 1} is not a "
                    "link id (lower-case letters, digits and hyphens, as in [links])"
                )
            node = stack.pop().close(end.group(1))
            stack[-1].children.append(node)
            i = end.end()
            continue
        top.text.append(char)
        i += 1
    if len(stack) > 1:
        top = stack[-1]
        raise MarkupError(f"{_SOURCE_NAMES[top.kind]} opened at character {top.column} is not closed")
    root.flush()
    return _merge_text(root.children)


def _refuse_tags(text: str) -> None:
    found = TAG_RE.search(text)
    if found:
        raise MarkupError(
            f"{found.group(0)!r} at character {found.start() + 1} reads as an inline tag in catalogs; "
            "write links and emphasis as [text](link-id) and _text_"
        )


def unique_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… the first not in ``taken``, which it then joins."""
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    taken.add(candidate)
    return candidate


def escape_source(text: str) -> str:
    """Plain text as source markup: the characters of markup (\\ [ ] * _) escaped."""
    return re.sub(r"([\\\[\]*_])", r"\\\1", text)


def format_markup(nodes: Iterable[Inline]) -> str:
    """The source markup of ``nodes``; :func:`parse_markup` reads it back equal.

    As in CommonMark, an underscore between two letters is a letter's
    neighbour, not emphasis: emphasis that begins or ends inside a word (which
    a translation may have) has no source spelling and reads back differently.
    """
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            parts.append(escape_source(node.text))
        elif isinstance(node, SourceText):
            parts.append(format_markup(node.content))
        elif isinstance(node, Link):
            parts.append(f"[{format_markup(node.content)}]({node.target})")
        else:
            mark = "_" if isinstance(node, Emphasis) else "**"
            parts.append(f"{mark}{format_markup(node.content)}{mark}")
    return "".join(parts)


def _parse_source_value(value: object) -> object:
    if isinstance(value, str):
        return parse_markup(value)
    if not isinstance(value, tuple):
        raise MarkupError("expected text (a string)")
    return value


def _not_blank(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if not plain_text(nodes).strip():
        raise MarkupError("text is empty")
    return nodes


#: A translatable inline text field: written as source markup in documents,
#: held as nodes in the model, dumped back as source markup.
RichText = Annotated[
    tuple[Inline, ...],
    BeforeValidator(_parse_source_value, json_schema_input_type=str),
    AfterValidator(_not_blank),
    PlainSerializer(format_markup, return_type=str),
]


# -- catalog form -------------------------------------------------------------


def tag_names(nodes: Iterable[Inline]) -> list[str]:
    """The catalog tag names of the containers in ``nodes``, in reading order."""
    counts: dict[str, int] = {}
    names = []
    for node in iter_containers(nodes):
        tag = TAG_NAMES[node.kind]
        counts[tag] = counts.get(tag, 0) + 1
        names.append(f"{tag}{counts[tag]}")
    return names


def to_catalog(nodes: Iterable[Inline]) -> str:
    """The catalog form of ``nodes``: text with attribute-free numbered tags.

    >>> to_catalog(parse_markup("For news, [see the updates](news)."))
    'For news, <a1>see the updates</a1>.'
    """
    names = iter(tag_names(nodes))

    def spell(items: Iterable[Inline]) -> str:
        out = []
        for node in items:
            if isinstance(node, Text):
                out.append(node.text)
            elif isinstance(node, SourceText):
                out.append(spell(node.content))
            else:
                name = next(names)
                out.append(f"<{name}>{spell(node.content)}</{name}>")
        return "".join(out)

    return spell(nodes)


def from_catalog(text: str, source: Iterable[Inline]) -> tuple[Inline, ...]:
    """Rebuild inline nodes from a string in catalog form, against its source.

    Each tag takes its kind and link target from the source node of the same
    name, so a translation decides only text and nesting. Raises
    :class:`MarkupError` when a tag is unknown, repeated, missing, or not well
    nested.
    """
    source = tuple(source)  # read twice below
    originals = dict(zip(tag_names(source), iter_containers(source), strict=True))
    used: set[str] = set()
    stack: list[tuple[str, list[Inline]]] = [("", [])]
    position = 0
    for found in TAG_RE.finditer(text):
        closing, tag, number = found.groups()
        name = f"{tag}{number}"
        if found.start() > position:
            stack[-1][1].append(Text(text=text[position : found.start()]))
        position = found.end()
        if closing:
            if stack[-1][0] != name:
                open_name = stack[-1][0]
                expected = f"</{open_name}>" if open_name else "no closing tag"
                raise MarkupError(f"</{name}> where {expected} was expected")
            _, children = stack.pop()
            content = _merge_text(children)
            if not plain_text(content).strip():
                raise MarkupError(f"<{name}></{name}> encloses no text")
            stack[-1][1].append(originals[name].model_copy(update={"content": content}))
        else:
            if name not in originals:
                known = ", ".join(f"<{n}>" for n in originals) or "none"
                raise MarkupError(f"<{name}> is not a tag of the source text (its tags: {known})")
            if name in used:
                raise MarkupError(f"<{name}> appears twice")
            if any(open_name.rstrip("0123456789") == tag for open_name, _ in stack[1:]):
                raise MarkupError(f"<{name}> inside another <{tag}>")
            used.add(name)
            stack.append((name, []))
    if len(stack) > 1:
        raise MarkupError(f"<{stack[-1][0]}> is not closed")
    if position < len(text):
        stack[0][1].append(Text(text=text[position:]))
    missing = [name for name in originals if name not in used]
    if missing:
        raise MarkupError("missing " + ", ".join(f"<{n}>…</{n}>" for n in missing))
    return _merge_text(stack[0][1])
