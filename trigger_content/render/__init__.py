"""Renderers: a page in its language to HTML or plain text. They know nothing of gettext."""

from .context import Language, RenderContext
from .html import render_html
from .text import render_text

__all__ = ["Language", "RenderContext", "render_html", "render_text"]
