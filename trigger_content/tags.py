"""The inline tags of catalog texts (``<a1>``, ``</em2>``), in a module without pydantic.

Translators see links and emphasis as attribute-free numbered tags (see
:mod:`trigger_content.inline`). ``check`` only needs to find them, so it does
not load the model to do so.
"""

from __future__ import annotations

import re

#: The catalog tag name of each container kind.
TAG_NAMES: dict[str, str] = {"link": "a", "em": "em", "strong": "strong"}

#: A catalog tag such as ``<a1>`` or ``</em2>``: the closing slash, the name, the number.
TAG_RE = re.compile(r"<(/?)(" + "|".join(TAG_NAMES.values()) + r")([1-9][0-9]*)>")
