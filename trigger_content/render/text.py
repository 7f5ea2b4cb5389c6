"""Plain text: wrapped paragraphs, underlined headings, bullets, links with their targets."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterable, Mapping

from ..inline import Inline, SourceText, Text
from ..languages import language_of
from ..model import Block, DefinitionList, ItemList, LinkTarget, Page, Section
from .context import RenderContext

#: Between a term and its definition: a spaced dash, en dash as the source
#: page writes it, em dash in the languages whose dash it is (the travessão,
#: the Russian тире), as their catalogs write it.
TERM_SEPARATOR = " – "
_TERM_SEPARATORS = {"pt": " — ", "ru": " — "}
_UNDERLINES = {1: "=", 2: "-"}


def render_text(
    page: Page,
    *,
    context: RenderContext | None = None,
    width: int = 78,
    urls: bool = True,
) -> str:
    """The page as plain text, wrapped at ``width`` columns (0: one line a paragraph).

    Headings are underlined (``=`` for the title, ``-`` below), list items
    start with a bullet, and each link is followed by its target in angle
    brackets unless ``urls`` is false.
    """
    context = context or RenderContext.for_page(page)
    separator = _TERM_SEPARATORS.get(language_of(context.locale), TERM_SEPARATOR)
    out = _TextWriter(width, urls, context.fallback_note, separator)
    if page.site is not None:
        if page.site.notice is not None:
            out.paragraph(page.site.notice.text, page.site.links)
        if page.site.tagline is not None:
            out.paragraph(page.site.tagline, page.site.links)
        others = [language.name for language in context.languages if not language.current]
        if others:
            out.paragraph((Text(text=" · ".join(others)),), {})
    out.heading(page.title, page.links, 1)
    for block in page.blocks:
        out.block(block, page.links)
    for section in page.sections:
        out.section(section, page.links, 2)
    if context.reviewed:
        label = out.flat(page.site.reviewed_label, page.site.links) + " " if page.site else ""
        out.chunks.append(out.wrap(label + context.reviewed))
    if context.approved and context.approved_all:
        label = out.flat(page.site.approved_label, page.site.links) + " " if page.site else ""
        out.chunks.append(out.wrap(label + context.approved))
    return out.text()


class _TextWriter:
    def __init__(self, width: int, urls: bool, note: str, separator: str) -> None:
        self.width = width
        self.urls = urls
        self.note = note
        self.separator = separator
        self.chunks: list[str] = []

    def text(self) -> str:
        return "\n\n".join(self.chunks) + "\n"

    def flat(self, nodes: Iterable[Inline], links: Mapping[str, LinkTarget]) -> str:
        parts = []
        for node in nodes:
            if isinstance(node, Text):
                parts.append(node.text)
            elif isinstance(node, SourceText):
                parts.append(f"{self.flat(node.content, links)} ({self.note})")
            elif node.kind == "link":
                parts.append(self.flat(node.content, links))
                if self.urls:
                    parts.append(f" <{links[node.target].url}>")
            else:
                parts.append(self.flat(node.content, links))
        return "".join(parts)

    def wrap(self, text: str, first: str = "", rest: str = "") -> str:
        if self.width <= 0:
            return first + text
        # Break only at spaces: never inside "in-person", "COVID-19" or a URL,
        # and never at a no-break space (French « », ; : ! ?).
        wrapper = textwrap.TextWrapper(
            width=self.width,
            initial_indent=first,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        )
        return wrapper.fill(text)

    def paragraph(self, nodes: Iterable[Inline], links: Mapping[str, LinkTarget]) -> None:
        self.chunks.append(self.wrap(self.flat(nodes, links)))

    def heading(self, nodes: Iterable[Inline], links: Mapping[str, LinkTarget], level: int) -> None:
        mark = _UNDERLINES.get(level)
        if mark is None:
            self.chunks.append(self.wrap(self.flat(nodes, links), "#" * level + " ", " " * (level + 1)))
            return
        title = self.wrap(self.flat(nodes, links))
        width = max(_display_width(line) for line in title.splitlines())
        self.chunks.append(f"{title}\n{mark * width}")

    def block(self, block: Block, links: Mapping[str, LinkTarget]) -> None:
        if isinstance(block, ItemList):
            lines = []
            for number, item in enumerate(block.items, start=1):
                bullet = f"{number}. " if block.ordered else "• "
                lines.append(self.wrap(self.flat(item.text, links), "  " + bullet, "  " + " " * len(bullet)))
            self.chunks.append("\n".join(lines))
        elif isinstance(block, DefinitionList):
            lines = [
                self.wrap(
                    self.flat(item.term, links) + self.separator + self.flat(item.definition, links),
                    "  • ",
                    "    ",
                )
                for item in block.items
            ]
            self.chunks.append("\n".join(lines))
        else:
            self.paragraph(block.text, links)

    def section(self, section: Section, links: Mapping[str, LinkTarget], level: int) -> None:
        self.heading(section.heading, links, level)
        for block in section.blocks:
            self.block(block, links)
        for subsection in section.sections:
            self.section(subsection, links, level + 1)


def _display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide East Asian characters take two."""
    return sum(0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
