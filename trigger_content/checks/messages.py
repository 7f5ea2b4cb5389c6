"""Checks of messages: each compares translations with their English.

Each takes all the messages of a catalog (see :mod:`trigger_content.checks`).
Those that would otherwise run regular expressions on every text first pass
over the many that cannot be wrong in their way with one cheap test (no tag,
no digit, no white space at the ends, the same last character, no name or
glossary term), then apply their exact rules to the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence

from ..po.entry import Entry
from ..tags import TAG_RE
from . import Context, Translation, check, contains_any, translations_of

_PYTHON_FORMAT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")
_BRACE_FORMAT = re.compile(r"\{[^{}]*\}")
_C_FORMAT = re.compile(r"%(?:\d+\$)?[-#0 +']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]")
#: A number as the English writes it (ASCII digits; a translation keeps them).
_NUMBER = re.compile(r"[0-9]+")
_BEFORE_HIGH_PUNCTUATION = re.compile(r"(.)([;:!?])")
#: What may follow an end mark, white space apart: closing quotes and brackets.
_AFTER_MARK = "\"'»”“’)]"
_END = re.compile(r"([.!?:;…。！？．।۔؟։])[\s" + re.escape(_AFTER_MARK) + r"]*$")
#: How much longer than the English a translation usually is, by language.
USUAL_RATIO = {"de": 1.25, "fr": 1.2, "it": 1.15, "pt": 1.15, "es": 1.2, "ru": 1.15, "nl": 1.2, "pl": 1.2}


@check("untranslated", "warning")
def untranslated(entries: Sequence[Entry], context: Context) -> Iterator[tuple[Entry, str]]:
    """Untranslated: the text will show in English."""
    for entry in entries:
        if entry.untranslated:
            yield entry, "untranslated" if not any(entry.msgstr) else "a plural form is untranslated"


@check("fuzzy", "warning")
def fuzzy(entries: Sequence[Entry], context: Context) -> Iterator[tuple[Entry, str]]:
    """Fuzzy: the translation is not published until a translator confirms it."""
    for entry in entries:
        if entry.fuzzy and not entry.untranslated:
            yield entry, "fuzzy: the English changed; review the translation and remove the fuzzy flag"


@check("tags", "error", scope="translation")
def tags(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Inline tags: the same set as the English, each once, well nested, none invented, no HTML typed in."""
    for entry, source, text in translations:
        if "<" not in source and "<" not in text:
            continue  # most texts: no tag at all
        stray = [found for found in _MARKUP_LIKE.findall(text) if not TAG_RE.fullmatch(found) and found not in source]
        if stray:
            yield entry, f"{stray[0]} is not one of the page's tags: readers would see it as text (use the tags of the English)"
            continue
        want = Counter(match.group(0) for match in TAG_RE.finditer(source))
        have = Counter(match.group(0) for match in TAG_RE.finditer(text))
        if want != have:
            missing = sorted((want - have).elements(), key=_tag_order)
            extra = sorted((have - want).elements(), key=_tag_order)
            parts = ([f"missing {' '.join(missing)}"] if missing else []) + ([f"not in the English: {' '.join(extra)}"] if extra else [])
            yield entry, "inline tags differ: " + "; ".join(parts)
            continue
        stack: list[str] = []
        for match in TAG_RE.finditer(text):
            closing, name = match.group(1), match.group(2) + match.group(3)
            if not closing:
                stack.append(name)
            elif not stack or stack.pop() != name:
                yield entry, f"inline tags are not well nested at {match.group(0)}"
                break


#: What a translator may type as HTML: an element of inline text (<b>, <br>,
#: </strong>, <a href=…>) or a catalog tag written otherwise (<A1>, <em1 x>).
#: Not a catalog tag, so the page would show it as text. Other text in angle
#: brackets (<name>, <patients@example.org>, a<b) is left alone.
_MARKUP_LIKE = re.compile(
    r"</?(?:a|abbr|b|big|br|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|q|s|small|span|strike|strong|sub|sup|u|ul"
    r"|(?:a|em|strong)[0-9]+)"
    r"""(?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))*\s*/?>""",  # attributes, name=value only
    re.IGNORECASE,
)


def _tag_order(tag: str) -> tuple[str, bool]:
    """Tags by name and number, each opening before its closing: ``<a1> </a1> <em1>``."""
    return tag.strip("</>"), tag.startswith("</")


_FORMATS = {"python-format": _PYTHON_FORMAT, "python-brace-format": _BRACE_FORMAT, "c-format": _C_FORMAT}


@check("placeholders", "error")
def placeholders(entries: Sequence[Entry], context: Context) -> Iterator[tuple[Entry, str]]:
    """Placeholders: the format directives of the English are all in the translation."""
    for entry in entries:
        if not entry.flags:
            continue  # most entries: no flag, so no format
        for flag, pattern in _FORMATS.items():
            if flag not in entry.flags:
                continue
            for _, source, text in translations_of((entry,)):
                want, have = Counter(pattern.findall(source)), Counter(pattern.findall(text))
                if want != have and not (entry.msgid_plural and set(have) <= set(want)):
                    yield entry, f"placeholders differ: English has {' '.join(sorted(want)) or 'none'}, translation has {' '.join(sorted(have)) or 'none'}"


@check("whitespace", "error", scope="translation")
def whitespace(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """White space: leading and trailing spaces and newlines match the English."""
    for entry, source, text in translations:
        if len(source.strip()) == len(source) and len(text.strip()) == len(text):
            continue  # most texts: no white space at either end
        if source.startswith("\n") != text.startswith("\n") or source.endswith("\n") != text.endswith("\n"):
            yield entry, "a newline at the start or end differs from the English"
        elif (source[:1].isspace(), source[-1:].isspace()) != (text[:1].isspace(), text[-1:].isspace()):
            yield entry, "leading or trailing white space differs from the English"


@check("punctuation", "warning", scope="translation")
def punctuation(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """End punctuation matches the English; in French, a no-break space before ; : ! ?."""
    french = context.language == "fr"
    for entry, source, text in translations:
        if "<" in text:
            text = TAG_RE.sub("", text)
        last = source[-1:]
        # The same last character, and not one that may follow the mark (a
        # quote, a bracket, a space): the same end mark, or none.
        if last != text[-1:] or last in _AFTER_MARK or last.isspace() or "<" in source:
            if "<" in source:
                source = TAG_RE.sub("", source)
            want, have = _end_mark(source), _end_mark(text)
            # One sentence ending may become another (a question put as a statement),
            # but a colon that leads into a list, or its absence, must stay.
            if want != have and not (want in _SENTENCE_ENDS and have in _SENTENCE_ENDS):
                yield entry, f"ends with {have or 'no punctuation'!r} where the English ends with {want or 'no punctuation'!r}"
        if french and _HIGH_PUNCTUATION.search(text):
            for match in _BEFORE_HIGH_PUNCTUATION.finditer(text):
                before, after = match.group(1), text[match.end() : match.end() + 2]
                if before in "\u00a0\u202f;:!?" or (match.group(2) == ":" and (after.startswith("//") or before.isdigit())):
                    continue
                yield entry, f"French typography: a no-break space (U+00A0 or U+202F) goes before {match.group(2)!r}"
                break


_SENTENCE_ENDS = frozenset(".!?…。！？．।۔؟։")
_HIGH_PUNCTUATION = re.compile(r"[;:!?]")


def _end_mark(text: str) -> str:
    found = _END.search(text)
    return found.group(1) if found else ""


@check("same-as-source", "warning", scope="translation")
def same_as_source(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Same as the English: probably not translated (names and allowed words apart)."""
    policy = context.policy
    for entry, source, text in translations:
        if text == source and re.search(r"[^\W\d_]", source) and source not in policy.same_as_source:
            if source not in policy.do_not_translate and source not in policy.protected:
                yield entry, "the translation is the English text"


@check("numbers", "error", scope="translation")
def numbers(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Numbers and protected tokens (such as COVID-19) are kept as they are."""
    protected = context.policy.protected
    numbers_in = _NUMBER.findall
    for entry, source, text in translations:
        english, translated = source, text  # without the protected tokens and tags, below
        if protected:
            for token in protected:
                if source.count(token) > text.count(token):
                    yield entry, f"{token!r} must appear as it is"
            for token in protected:
                english, translated = english.replace(token, ""), translated.replace(token, "")
        if not _has_digit(english):
            continue  # most texts: no number to keep
        if "<" in english:
            english = TAG_RE.sub("", english)  # a tag's number is not a number of the text
        want = numbers_in(english)
        have = _numbers_of_translation(TAG_RE.sub("", translated) if "<" in translated else translated)
        if want != have:
            missing = Counter(want) - Counter(have)
            if missing:
                yield entry, f"number {sorted(missing)[0]} of the English is missing"


def _numbers_of_translation(text: str) -> list[str]:
    """The numbers of a translation, in ASCII digits: a language may write ٢ or ۲ for 2 (and cm² for cm2, ½ for 1/2)."""
    if text.isascii():
        return _ANY_NUMBER.findall(text)
    found = _ANY_NUMBER.findall(unicodedata.normalize("NFKC", text))
    return [number if number.isascii() else "".join(str(unicodedata.digit(char)) for char in number) for number in found]


_ANY_NUMBER = re.compile(r"\d+")


def _has_digit(text: str) -> bool:
    """Whether ``text`` has a digit 0-9 (ten searches of one character: faster than a regular expression)."""
    return "0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text


@check("names", "error", scope="translation")
def names(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Names that are never translated (such as Rush) stay as they are."""
    if not context.names:
        return
    any_name = context.any_name
    for entry, source, text in translations:
        if any_name.search(source) is None:
            continue  # most texts: no name in the English, so none to lose
        remaining_source, remaining_text = source, text
        for name in context.names:
            if remaining_source.count(name) > remaining_text.count(name):
                yield entry, f"{name!r} is a name and is not translated"
            remaining_source, remaining_text = remaining_source.replace(name, ""), remaining_text.replace(name, "")


@check("glossary", "warning", scope="translation")
def glossary(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Glossary: a term of the English is rendered with the language's agreed term."""
    if not context.policy.glossary:
        return
    language = context.language
    any_term = context.any_term
    for entry, source, text in translations:
        if any_term.search(source) is None:
            continue  # most texts: no term of the glossary
        for term in context.policy.glossary:
            rendering = term.renderings.get(context.locale) or term.renderings.get(language)
            if rendering is None or not contains_any(source, term.match):
                continue
            if not contains_any(text, rendering[1]):
                yield entry, f"glossary: {term.en!r} is {rendering[0]!r} in this language"


@check("plural-count", "error")
def plural_count(entries: Sequence[Entry], context: Context) -> Iterator[tuple[Entry, str]]:
    """Plural forms: as many msgstr[N] as Plural-Forms says."""
    if context.nplurals is None:
        return
    for entry in entries:
        if entry.msgid_plural is not None and len(entry.msgstr) != context.nplurals:
            yield entry, f"{len(entry.msgstr)} plural forms where Plural-Forms says nplurals={context.nplurals}"


@check("length", "warning", scope="translation")
def length(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Length: a translation far shorter or longer than the language usually is may be cut or padded."""
    ratio = USUAL_RATIO.get(context.language, 1.2)
    longest, shortest = ratio * 2, ratio / 3
    for entry, source, text in translations:
        if len(source) < 20:
            continue
        actual = len(text) / len(source)
        if actual > longest or actual < shortest:
            yield entry, f"{actual:.1f} times the English length (usual for this language: about {ratio:.2f})"
