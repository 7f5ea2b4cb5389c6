"""Checks of one message at a time: each compares a translation with its English."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..inline import TAG_RE
from ..poreader import Entry
from . import Context, check, contains_any

_PYTHON_FORMAT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")
_BRACE_FORMAT = re.compile(r"\{[^{}]*\}")
_C_FORMAT = re.compile(r"%(?:\d+\$)?[-#0 +']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]")
_NUMBER = re.compile(r"\d+")
_BEFORE_HIGH_PUNCTUATION = re.compile(r"(.)([;:!?])")
_END = re.compile(r"([.!?:;…。！？．।۔؟։])[\s\"'»”“’)\]]*$")
#: How much longer than the English a translation usually is, by language.
USUAL_RATIO = {"de": 1.25, "fr": 1.2, "it": 1.15, "pt": 1.15, "es": 1.2, "ru": 1.15, "nl": 1.2, "pl": 1.2}


def _texts(entry: Entry) -> Iterator[tuple[str, str]]:
    """Each non-empty translation with the English it translates (msgid_plural for plural forms past the first)."""
    for index, text in enumerate(entry.msgstr):
        if text:
            yield (entry.msgid if index == 0 or entry.msgid_plural is None else entry.msgid_plural), text


@check("untranslated", "warning")
def untranslated(entry: Entry, context: Context) -> Iterator[str]:
    """Untranslated: the text will show in English."""
    if entry.untranslated:
        yield "untranslated" if not any(entry.msgstr) else "a plural form is untranslated"


@check("fuzzy", "warning")
def fuzzy(entry: Entry, context: Context) -> Iterator[str]:
    """Fuzzy: the translation is not published until a translator confirms it."""
    if entry.fuzzy and not entry.untranslated:
        yield "fuzzy: the English changed; review the translation and remove the fuzzy flag"


@check("tags", "error")
def tags(entry: Entry, context: Context) -> Iterator[str]:
    """Inline tags: the same set as the English, each once, well nested, none invented."""
    for source, text in _texts(entry):
        if "<" not in source and "<" not in text:
            continue  # most texts: no tag at all
        want = Counter(match.group(0) for match in TAG_RE.finditer(source))
        have = Counter(match.group(0) for match in TAG_RE.finditer(text))
        if want != have:
            missing = sorted((want - have).elements())
            extra = sorted((have - want).elements())
            parts = ([f"missing {' '.join(missing)}"] if missing else []) + ([f"not in the English: {' '.join(extra)}"] if extra else [])
            yield "inline tags differ: " + "; ".join(parts)
            continue
        stack: list[str] = []
        for match in TAG_RE.finditer(text):
            closing, name = match.group(1), match.group(2) + match.group(3)
            if not closing:
                stack.append(name)
            elif not stack or stack.pop() != name:
                yield f"inline tags are not well nested at {match.group(0)}"
                break


@check("placeholders", "error")
def placeholders(entry: Entry, context: Context) -> Iterator[str]:
    """Placeholders: the format directives of the English are all in the translation."""
    patterns = []
    if "python-format" in entry.flags:
        patterns.append(_PYTHON_FORMAT)
    if "python-brace-format" in entry.flags:
        patterns.append(_BRACE_FORMAT)
    if "c-format" in entry.flags:
        patterns.append(_C_FORMAT)
    for pattern in patterns:
        for source, text in _texts(entry):
            want, have = Counter(pattern.findall(source)), Counter(pattern.findall(text))
            if want != have and not (entry.msgid_plural and set(have) <= set(want)):
                yield f"placeholders differ: English has {' '.join(sorted(want)) or 'none'}, translation has {' '.join(sorted(have)) or 'none'}"


@check("whitespace", "error")
def whitespace(entry: Entry, context: Context) -> Iterator[str]:
    """White space: leading and trailing spaces and newlines match the English."""
    for source, text in _texts(entry):
        if source.startswith("\n") != text.startswith("\n") or source.endswith("\n") != text.endswith("\n"):
            yield "a newline at the start or end differs from the English"
        elif (source[:1].isspace(), source[-1:].isspace()) != (text[:1].isspace(), text[-1:].isspace()):
            yield "leading or trailing white space differs from the English"


@check("punctuation", "warning")
def punctuation(entry: Entry, context: Context) -> Iterator[str]:
    """End punctuation matches the English; in French, a no-break space before ; : ! ?."""
    french = context.locale.split("_")[0] == "fr"
    for source, text in _texts(entry):
        if "<" in source:
            source = TAG_RE.sub("", source)
        if "<" in text:
            text = TAG_RE.sub("", text)
        want, have = _end_mark(source), _end_mark(text)
        # One sentence ending may become another (a question put as a statement),
        # but a colon that leads into a list, or its absence, must stay.
        if want != have and not (want in _SENTENCE_ENDS and have in _SENTENCE_ENDS):
            yield f"ends with {have or 'no punctuation'!r} where the English ends with {want or 'no punctuation'!r}"
        if french:
            for match in _BEFORE_HIGH_PUNCTUATION.finditer(text):
                before, after = match.group(1), text[match.end() : match.end() + 2]
                if before in "\u00a0\u202f;:!?" or (match.group(2) == ":" and (after.startswith("//") or before.isdigit())):
                    continue
                yield f"French typography: a no-break space (U+00A0 or U+202F) goes before {match.group(2)!r}"
                break


_SENTENCE_ENDS = frozenset(".!?…。！？．।۔؟։")


def _end_mark(text: str) -> str:
    found = _END.search(text)
    return found.group(1) if found else ""


@check("same-as-source", "warning")
def same_as_source(entry: Entry, context: Context) -> Iterator[str]:
    """Same as the English: probably not translated (names and allowed words apart)."""
    for source, text in _texts(entry):
        if text == source and re.search(r"[^\W\d_]", source) and source not in context.policy.same_as_source:
            if source not in context.policy.do_not_translate and source not in context.policy.protected:
                yield "the translation is the English text"


@check("numbers", "error")
def numbers(entry: Entry, context: Context) -> Iterator[str]:
    """Numbers and protected tokens (such as COVID-19) are kept as they are."""
    for source, text in _texts(entry):
        for token in context.policy.protected:
            if source.count(token) > text.count(token):
                yield f"{token!r} must appear as it is"
        rest_source, rest_text = source, text
        for token in context.policy.protected:
            rest_source, rest_text = rest_source.replace(token, ""), rest_text.replace(token, "")
        if _NUMBER.search(rest_source) is None:
            continue  # most texts: no number to keep
        missing = Counter(_NUMBER.findall(TAG_RE.sub("", rest_source))) - Counter(_NUMBER.findall(TAG_RE.sub("", rest_text)))
        if missing:
            yield f"number {sorted(missing)[0]} of the English is missing"


@check("names", "error")
def names(entry: Entry, context: Context) -> Iterator[str]:
    """Names that are never translated (such as Rush) stay as they are."""
    for source, text in _texts(entry):
        remaining_source, remaining_text = source, text
        for name in context.names:
            if remaining_source.count(name) > remaining_text.count(name):
                yield f"{name!r} is a name and is not translated"
            remaining_source, remaining_text = remaining_source.replace(name, ""), remaining_text.replace(name, "")


@check("glossary", "warning")
def glossary(entry: Entry, context: Context) -> Iterator[str]:
    """Glossary: a term of the English is rendered with the language's agreed term."""
    language = context.locale.split("_")[0]
    for source, text in _texts(entry):
        folded = source.casefold()
        for term in context.policy.glossary:
            if not any(form in folded for form in term.folded):
                continue  # most texts hold no term: found without a regular expression
            rendering = term.renderings.get(context.locale) or term.renderings.get(language)
            if rendering is None or not contains_any(source, term.match):
                continue
            if not contains_any(text, rendering[1]):
                yield f"glossary: {term.en!r} is {rendering[0]!r} in this language"


@check("plural-count", "error")
def plural_count(entry: Entry, context: Context) -> Iterator[str]:
    """Plural forms: as many msgstr[N] as Plural-Forms says."""
    if entry.msgid_plural is not None and context.nplurals is not None and len(entry.msgstr) != context.nplurals:
        yield f"{len(entry.msgstr)} plural forms where Plural-Forms says nplurals={context.nplurals}"


@check("length", "warning")
def length(entry: Entry, context: Context) -> Iterator[str]:
    """Length: a translation far shorter or longer than the language usually is may be cut or padded."""
    ratio = USUAL_RATIO.get(context.locale.split("_")[0], 1.2)
    for source, text in _texts(entry):
        if len(source) < 20:
            continue
        actual = len(text) / len(source)
        if actual > ratio * 2 or actual < ratio / 3:
            yield f"{actual:.1f} times the English length (usual for this language: about {ratio:.2f})"
