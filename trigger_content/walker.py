"""The one walker: every translatable text of a page as a segment, and back.

:func:`walk` visits each translatable field (a ``RichText`` marked with a
:class:`~trigger_content.model.Role`) in reading order and rebuilds the page
with what a callback returns for it. Extraction (:func:`segments`) and
translation (:func:`localize`) are two callbacks on that walk, so the text that
is extracted is exactly the text that is looked up.
"""

from __future__ import annotations

import weakref
from collections import namedtuple
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol, TypeVar, get_args, get_origin

from .errors import MarkupError, TriggerContentError
from .inline import Frozen, Inline, Link, SourceText, Text, from_catalog, iter_containers, plain_text, tag_names, to_catalog
from .languages import locale_problem
from .model import LinkTarget, Page, Role, Section, Site, roles

#: What :func:`localize` does with a text it cannot translate: show the English, marked, or withhold its section.
MISSING = ("english", "withhold-section")

N = TypeVar("N", bound=Frozen)


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable text: where it is, its English in catalog form, a note for translators."""

    #: The dotted path of ids, used as msgctxt: ``trigger-point-injections.getting.heading``.
    context: str
    #: The English text with inline markup as numbered tags: the msgid.
    text: str
    #: What the text is: ``paragraph``, ``list item term``, ``section heading``…
    role: str
    #: The English as inline nodes; a translation is rebuilt against them.
    source: tuple[Inline, ...] = field(repr=False, compare=False)
    #: What the comment is written from: the places the text is in, the
    #: links its tags stand for, the document's note for translators.
    _where: tuple[str, ...] = field(default=(), repr=False, compare=False)
    _links: Mapping[str, LinkTarget] = field(default_factory=dict, repr=False, compare=False)
    _note: str | None = field(default=None, repr=False, compare=False)

    @property
    def comment(self) -> str:
        """Where the text appears and what its tags stand for, for translators.

        Written when asked for (by extraction): localizing a page never needs it.
        """
        place = ", ".join(self._where)
        role = self.role
        lines = [f"{place[:1].upper()}{place[1:]}: {role}." if place else f"{role[:1].upper()}{role[1:]}."]
        for name, node in zip(tag_names(self.source), iter_containers(self.source), strict=True):
            if isinstance(node, Link):
                target = self._links.get(node.target)
                what = target.note if target is not None and target.note else f"“{node.target}”"
                lines.append(f"<{name}>…</{name}> is a link to {what}.")
            else:
                lines.append(f"<{name}>…</{name}> is {'emphasis' if node.kind == 'em' else 'strong importance'}.")
        if self._note:
            lines.append(self._note)
        return "\n".join(lines)


@dataclass(frozen=True)
class Fallback:
    """A segment that :func:`localize` left in the source language, and why."""

    context: str
    text: str
    reason: str


class _GettextLike(Protocol):
    def pgettext(self, context: str, message: str) -> str: ...


Translations = Callable[[Segment], str | None] | Mapping[tuple[str, str], str] | _GettextLike
"""What :func:`localize` accepts: a function of a segment, a mapping of
``(msgctxt, msgid)`` to the translation, or a gettext translations object with
``pgettext`` (``gettext.GNUTranslations``, ``babel.support.Translations``). A
missing or empty translation keeps the source text."""


def walk(node: N, visit: Callable[[Segment], tuple[Inline, ...]]) -> N:
    """Rebuild ``node`` with each translatable text replaced by ``visit(segment)``.

    ``visit`` is called once per text, in reading order, before the rebuild.
    """
    plan = _plan(node)
    return _rebuild(node, plan.root, [visit(segment) for segment in plan.segments])


class _Step(namedtuple("_Step", "texts nodes")):
    """One model of a planned walk: where its texts are among the segments, and the steps of the models below it.

    A plan refers to no model that holds it: not to its page, so the page
    can go and take its plan with it. Plans are small tuples, few objects
    for the garbage collector to visit while a build keeps its pages.
    """

    __slots__ = ()
    texts: tuple[tuple[str, int], ...]
    nodes: tuple[tuple[str, _Step | tuple[_Step, ...]], ...]


class _Plan(namedtuple("_Plan", "segments root built")):
    """A node's segments in reading order, how to rebuild it from their
    replacements, and the nodes built for recent translations, by segment
    index and text (a few locales' worth): a page localized again reuses them."""

    __slots__ = ()
    segments: tuple[Segment, ...]
    root: _Step
    built: dict[tuple[int, str], tuple[Inline, ...]]


#: Plans by the id of their node, each dropped with its node: a page is
#: planned once, however many times it is localized (a build does it once
#: per locale, a server once per request). Threads may share them: two that
#: plan one page at once both plan it, and one plan stays.
_plans: dict[int, _Plan] = {}


def _plan(node: Frozen) -> _Plan:
    plan = _plans.get(id(node))
    if plan is None:
        found: list[Segment] = []
        root = _step(node, found, (), (), {})
        weakref.finalize(node, _plans.pop, id(node), None)  # first: a node that cannot be referenced weakly is not kept
        plan = _plans[id(node)] = _Plan(tuple(found), root, {})
    return plan


def _rebuild(node: N, step: _Step, texts: list[tuple[Inline, ...]]) -> N:
    updates: dict[str, Any] = {name: texts[index] for name, index in step.texts}
    values = node.__dict__
    for name, below in step.nodes:
        value = values[name]
        if not isinstance(below, _Step):  # a tuple of steps, for a tuple of models
            updates[name] = tuple(_rebuild(item, part, texts) for item, part in zip(value, below, strict=True))
        else:
            updates[name] = _rebuild(value, below, texts)
    return node.model_copy(update=updates) if updates else node


@dataclass(frozen=True)
class _Shape:
    """What the walk needs of a model class, worked out once per class."""

    #: The first part of its texts' contexts (``site``), when it starts one.
    root: str | None
    #: Its ``id`` extends the context.
    keyed: bool
    #: Named in translators' comments (a page, a section, the site).
    named: bool
    #: Has the links its texts (and those below) point at.
    linked: bool
    #: In declaration order, the fields to visit: name, whether it is a
    #: translatable text (else it may hold models), the context part a text
    #: adds, and the field's role.
    fields: tuple[tuple[str, bool, str | None, Role | None], ...]


@cache
def _shape(cls: type[Frozen]) -> _Shape:
    marked = roles(cls)
    fields: list[tuple[str, bool, str | None, Role | None]] = []
    for name, info in cls.model_fields.items():
        role = marked.get(name)
        if role is not None and _holds(info.annotation, tuple):
            fields.append((name, True, None if name == "text" else name.replace("_", "-"), role))
        elif _holds(info.annotation, Frozen):
            fields.append((name, False, None, role))
    return _Shape(
        root=cls.__dict__.get("context_root"),
        keyed="id" in cls.model_fields,
        named=issubclass(cls, (Page, Section, Site)),
        linked="links" in cls.model_fields,
        fields=tuple(fields),
    )


def _holds(annotation: Any, kind: type) -> bool:
    """Whether a field of this annotation can hold a ``kind`` (through unions and tuples, not mappings)."""
    if isinstance(annotation, type) and not get_args(annotation):
        return issubclass(annotation, kind)
    origin = get_origin(annotation)
    if origin is tuple and kind is tuple:
        return True
    if isinstance(origin, type) and issubclass(origin, Mapping):
        return False
    return any(_holds(argument, kind) for argument in get_args(annotation))


def _step(
    node: Frozen,
    found: list[Segment],
    path: tuple[str, ...],
    where: tuple[str, ...],
    links: Mapping[str, LinkTarget],
) -> _Step:
    """Plan ``node``: append its segments to ``found`` and say where each goes back."""
    shape = _shape(type(node))
    if shape.root is not None:
        path, where = (shape.root,), ()
    elif shape.keyed:
        path = (*path, node.id)  # type: ignore[attr-defined]  # keyed: the model has an id field
    if shape.named:
        where = (*where, _label(node))  # named in the comment, when one is written
    if shape.linked:
        links = node.links  # type: ignore[attr-defined]  # linked: the model has a links field
    values = node.__dict__
    texts = []
    nodes: list[tuple[str, _Step | tuple[_Step, ...]]] = []
    for name, text, part, role in shape.fields:
        value = values[name]
        if text:
            if isinstance(value, tuple):
                context = ".".join(path) if part is None else ".".join((*path, part))
                texts.append((name, len(found)))
                found.append(_segment(context, value, role.name, where, links, values.get("note")))  # type: ignore[union-attr]  # a text field always has a role
        elif isinstance(value, Frozen):
            nodes.append((name, _step(value, found, path, (*where, role.name) if role is not None else where, links)))
        elif isinstance(value, tuple) and value and isinstance(value[0], Frozen):
            nodes.append((name, tuple(_step(item, found, path, where, links) for item in value)))
    return _Step(tuple(texts), tuple(nodes))


def _label(place: Frozen) -> str:
    if isinstance(place, Page):
        return f"page “{plain_text(place.title)}”"
    if isinstance(place, Section):
        return f"section “{plain_text(place.heading)}”"
    return "site header, on every page"


def _segment(
    context: str,
    source: tuple[Inline, ...],
    role: str,
    where: tuple[str, ...],
    links: Mapping[str, LinkTarget],
    note: str | None,
) -> Segment:
    text = source[0].text if len(source) == 1 and isinstance(source[0], Text) else to_catalog(source)
    return Segment(context, text, role, source, where, links, note)


def segments(node: Frozen) -> Iterator[Segment]:
    """Every translatable text of a page (site chrome first), in reading order."""
    return iter(_plan(node).segments)


def localize(
    page: Page,
    translations: Translations,
    *,
    locale: str | None = None,
    fallbacks: list[Fallback] | None = None,
    missing: str = "english",
) -> Page:
    """A new page with every text translated; ``lang`` becomes ``locale`` when given.

    A text without a usable translation stays in the source language. When
    ``locale`` is another language, such a text is wrapped in a
    :class:`~trigger_content.inline.SourceText` that carries the source
    language, so renderers mark it (``lang="en"``) and add a note. With
    ``missing="withhold-section"``, a top-level section with any such text is
    left out of the page instead. Each fallback (and each withheld section) is
    appended to ``fallbacks`` when a list is passed. A translation whose tags do
    not match the source's is not used: its markup could not be rebuilt
    faithfully. With the identity, ``lambda segment: segment.text``, the result
    equals ``page``.
    """
    if missing not in MISSING:
        raise ValueError(f"missing must be one of {', '.join(MISSING)}, not {missing!r}")
    if locale is not None:
        problem = locale_problem(locale)
        if problem:
            raise TriggerContentError(problem)
    lookup = _lookup(translations)
    mark = locale is not None and locale != page.lang
    found: list[Fallback] = []
    plan = _plan(page)

    built = plan.built

    def translate(index: int, segment: Segment) -> tuple[Inline, ...]:
        text = lookup(segment)
        if not text:
            reason = "untranslated"
        else:
            nodes = built.get((index, text))
            if nodes is not None:
                return nodes  # translated as before: the same (immutable) nodes
            try:
                if "<" not in text and len(segment.source) == 1 and isinstance(segment.source[0], Text):
                    nodes = (Text(text=text),)  # plain text, the most common case: nothing to rebuild
                else:
                    nodes = from_catalog(text, segment.source)
            except MarkupError as error:
                reason = f"translation not used: {error.message}"
            else:
                if len(built) >= 8 * len(plan.segments):  # a few locales' worth: the oldest goes
                    built.pop(next(iter(built)), None)
                built[index, text] = nodes
                return nodes
        found.append(Fallback(segment.context, segment.text, reason))
        return (SourceText(lang=page.lang, content=segment.source),) if mark else segment.source

    texts = [translate(index, segment) for index, segment in enumerate(plan.segments)]
    localized = _rebuild(page, plan.root, texts)
    if missing == "withhold-section":
        kept = []
        for original, section in zip(page.sections, localized.sections, strict=True):
            prefix = f"{page.id}.{section.id}."
            count = sum(1 for fallback in found if fallback.context.startswith(prefix))
            if count:
                found = [fallback for fallback in found if not fallback.context.startswith(prefix)]
                found.append(
                    Fallback(
                        f"{page.id}.{section.id}",
                        plain_text(original.heading),
                        f"section withheld: {count} text{'s' if count != 1 else ''} not translated",
                    )
                )
            else:
                kept.append(section)
        localized = localized.model_copy(update={"sections": tuple(kept)})
    if fallbacks is not None:
        fallbacks.extend(found)
    return localized.model_copy(update={"lang": locale}) if locale else localized


def _lookup(translations: Translations) -> Callable[[Segment], str | None]:
    if isinstance(translations, Mapping):
        table = translations
        return lambda segment: table.get((segment.context, segment.text))
    if hasattr(translations, "pgettext"):
        catalog = translations

        def look_up(segment: Segment) -> str | None:
            # gettext answers a missing message with the message itself.
            found = catalog.pgettext(segment.context, segment.text)
            return None if found == segment.text else found

        return look_up
    if callable(translations):
        return translations
    raise TypeError(f"cannot translate with {type(translations).__name__}")
