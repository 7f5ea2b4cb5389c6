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
from functools import lru_cache

from ..po.entry import Entry
from ..tags import TAG_RE
from .registry import Context, Translation, check, contains_any, translations_of

#: A mapping key holds balanced parentheses (one level here): a "%(" without its ")" stops at the next "(", so no text is read twice.
_PYTHON_FORMAT = re.compile(r"%(?:\((?:[^()]|\([^()]*\))*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")
_BRACE_FORMAT = re.compile(r"\{[^{}]*\}")
_C_FORMAT = re.compile(r"%(?:\d+\$)?[-#0 +']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]")
#: A number as the English writes it (ASCII digits; a translation keeps them).
_NUMBER = re.compile(r"[0-9]+")
_BEFORE_HIGH_PUNCTUATION = re.compile(r"(.)([;:!?])")
#: What may follow an end mark, white space apart: closing quotes and brackets.
_AFTER_MARK = "\"'»”“’)]"
_END_MARKS = frozenset(".!?:;…。！？．।۔؟։")
#: How much longer than the English a translation usually is, by language.
USUAL_RATIO = {"de": 1.25, "fr": 1.2, "it": 1.15, "pt": 1.15, "es": 1.2, "ru": 1.15, "nl": 1.2, "pl": 1.2}


@check("untranslated", "warning")
def untranslated(entries: Sequence[Entry], context: Context) -> Iterator[tuple[Entry, str]]:
    """Untranslated: the text will show in English.

    Each entry a reader would see in English: an empty translation, and each
    empty plural form.
    """
    for entry in entries:
        if not entry.complete:
            yield entry, "untranslated" if entry.untranslated else "a plural form is untranslated"


@check("fuzzy", "warning")
def fuzzy(entries: Sequence[Entry], context: Context) -> Iterator[tuple[Entry, str]]:
    """Fuzzy: the translation is not published until a translator confirms it.

    Each entry marked fuzzy, which a reader sees in English until a translator
    confirms it.
    """
    for entry in entries:
        if entry.fuzzy and not entry.untranslated:
            yield entry, f"fuzzy: {_why_fuzzy(entry)}; review the translation and remove the fuzzy flag"


def _why_fuzzy(entry: Entry) -> str:
    """Why an entry is fuzzy, from what it remembers: the English changed, or it came from another place with the same English."""
    if entry.previous_msgid is not None and entry.previous_msgid != entry.msgid:
        return "the English changed"
    if entry.previous_msgctxt is not None and entry.previous_msgctxt != entry.msgctxt:
        return f"its translation comes from the same English at {entry.previous_msgctxt}"
    return "marked for review"


@check("tags", "error", scope="tagged")
def tags(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Inline tags: the same set as the English, each once, well nested, none invented, no HTML typed in.

    Inline tags: the same set as the English, each once, well nested, none
    invented, and none written otherwise (`<A1>`, `<a1 href=…>`), which the page
    would show as text.
    """
    for entry, source, text in translations:
        if "<" not in source and "<" not in text:
            continue  # most texts: no tag at all
        stray = [found for found in _CATALOG_LIKE.findall(text) if not TAG_RE.fullmatch(found) and found not in source]
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


#: A catalog tag written otherwise (<A1>, <em1 x>, </Strong2 >): not a
#: catalog tag, so the page would show it as text.
_CATALOG_LIKE = re.compile(
    r"""</?(?:a|em|strong)[0-9]+(?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))*\s*/?>""",
    re.IGNORECASE,
)


def _tag_order(tag: str) -> tuple[str, bool, str]:
    """Tags by name (and number), each opening before its closing: ``<a1> </a1> <em1>``, ``<a href="x"> </a>``."""
    return tag.strip("</>").lstrip("!-").split(" ")[0], tag.startswith("</"), tag


#: The elements of HTML (and those it had): markup in a text is one of these,
#: or a custom element (a name with a hyphen). Other text in angle brackets
#: (<name>, <patients@example.org>, a<b) is text.
_HTML_ELEMENTS = [
    "a",
    "abbr",
    "acronym",
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bdi",
    "bdo",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "plaintext",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
]
_ELEMENT_NAMES = frozenset(_HTML_ELEMENTS)
#: A start or end tag, its attributes (a slash or nothing may part them, as
#: browsers read them: <svg/onload=…>, <img src="x"onerror=…>), whether a
#: ">" closes it, or a comment. A tag is markup when its name is an element's.
_ELEMENT = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9.-]*)?)(?=[\s/>]|$)"
    r"""((?:[\s/]*+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=]+))?)*+)[\s/]*(>?)|<!--"""
)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=]+)))?""")
#: Attributes whose value is text for readers, translated like the rest.
_TRANSLATED_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "aria-description", "placeholder", "label", "summary"})


def _markup(text: str) -> Counter[str]:
    """The markup of a text, each tag written one way: ``<a href="x">``, ``</b>``, ``<!--``."""
    found: Counter[str] = Counter()
    for match in _ELEMENT.finditer(text):
        if match.group(0) == "<!--":
            found["<!--"] += 1
            continue
        closing, name, attributes, closed = match.group(1), match.group(2).lower(), match.group(3), match.group(4)
        if name not in _ELEMENT_NAMES and "-" not in name:
            continue  # <name>, <patients>: text in angle brackets
        pairs, valued = [], False
        for attribute in _ATTRIBUTE.finditer(attributes):
            key = attribute.group(1).lower()
            value = next((part for part in attribute.groups()[1:] if part is not None), None)
            valued = valued or value is not None
            pairs.append(key if value is None else f'{key}="{"…" if key in _TRANSLATED_ATTRIBUTES else value}"')
        if (pairs and not valued) or (not closed and not valued):
            continue  # "a<b and c>d", "<b": words, not markup; markup gives its attributes values
        found["<" + closing + " ".join([name, *sorted(pairs)]) + (">" if closed else " (not closed)")] += 1
    return found


#: The English of a catalog's messages is the same in every language: its markup, remembered (never changed by the caller).
_source_markup = lru_cache(maxsize=1 << 14)(_markup)


@check("markup", "error", scope="tagged")
def markup(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Markup: the translation has the HTML elements and attributes of the English, no more, no fewer (text attributes such as alt may differ).

    HTML as in the English: no element added (`<b>`, `<br>`, `<script>`, `<img
    onerror=…>`, a comment), dropped, or with an attribute changed (the text of
    `alt`, `title` and the like is translated); other text in angle brackets
    (`<name>`, an address) is left alone.
    """
    for entry, source, text in translations:
        if "<" not in text and "<" not in source:
            continue  # most texts: no markup at all
        want, have = _source_markup(source), _markup(text) if "<" in text else Counter()
        if want != have:
            extra, missing = sorted((have - want).elements(), key=_tag_order), sorted((want - have).elements(), key=_tag_order)
            parts = ([f"not in the English: {' '.join(extra)}"] if extra else []) + ([f"missing {' '.join(missing)}"] if missing else [])
            yield entry, "markup differs from the English: " + "; ".join(parts)


#: Characters that change the order of the text a reader sees, or stand
#: between letters unseen: bidi controls, zero-width characters, and other
#: invisible format characters (the soft hyphen apart: it shows where a word
#: breaks, no more).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = re.compile(
    f"[{_BIDI}\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
#: Which of them a script needs, by the letters of the text that needs them:
#: marks, isolates and embeddings in right-to-left text; the zero-width
#: joiner and non-joiner in Arabic, Persian, Indic and Southeast Asian
#: scripts (and emoji sequences); the zero-width space where words are not
#: spaced (Thai, Lao, Khmer, Myanmar, Tibetan, Chinese, Japanese).
_NEEDED_BY = (
    (re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]"), frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069")),
    (re.compile("[\u0600-\u06ff\u0900-\u0dff\u1000-\u109f\u1780-\u17ff\U0001f300-\U0001faff]"), frozenset("\u200c\u200d")),
    (re.compile("[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u4e00-\u9fff]"), frozenset("\u200b")),
)


@check("invisible", "error", scope="translation")
def invisible(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Invisible characters: no bidi control or invisible character the English lacks, unless the script of the translation needs it.

    No bidi control (U+202E…) or invisible character (U+200B…) the English
    lacks, unless the translation's script needs it (marks in Hebrew and Arabic,
    joiners in Persian and Indic scripts, word breaks in Thai).
    """
    for entry, source, text in translations:
        if text.isascii():
            continue  # most texts of Latin-script languages: none at all
        found = Counter(_INVISIBLE.findall(text))
        if not found:
            continue
        found -= Counter(_INVISIBLE.findall(source))
        needed = frozenset().union(*(characters for letters, characters in _NEEDED_BY if letters.search(text)))
        for char in sorted(found):
            if char in needed:
                continue
            effect = (
                "it changes the order in which the page shows the text"
                if char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
                else "an invisible character"
            )
            yield entry, f"U+{ord(char):04X} {unicodedata.name(char, 'FORMAT CHARACTER')} is not in the English: {effect}"
            break


_FORMATS = {"python-format": _PYTHON_FORMAT, "python-brace-format": _BRACE_FORMAT, "c-format": _C_FORMAT}


@check("placeholders", "error")
def placeholders(entries: Sequence[Entry], context: Context) -> Iterator[tuple[Entry, str]]:
    """Placeholders: the format directives of the English are all in the translation.

    The format directives of the English (python-format, python-brace-format,
    c-format).
    """
    for entry in entries:
        if not entry.flags:
            continue  # most entries: no flag, so no format
        for flag, pattern in _FORMATS.items():
            if flag not in entry.flags:
                continue
            for _, source, text in translations_of((entry,)):
                want, have = Counter(pattern.findall(source)), Counter(pattern.findall(text))
                if want != have and not (entry.msgid_plural and set(have) <= set(want)):
                    yield (
                        entry,
                        f"placeholders differ: English has {' '.join(sorted(want)) or 'none'}, translation has {' '.join(sorted(have)) or 'none'}",
                    )


@check("whitespace", "error", scope="translation")
def whitespace(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """White space: leading and trailing spaces and newlines match the English.

    Leading and trailing spaces and newlines as in the English.
    """
    for entry, source, text in translations:
        if len(source.strip()) == len(source) and len(text.strip()) == len(text):
            continue  # most texts: no white space at either end
        if source.startswith("\n") != text.startswith("\n") or source.endswith("\n") != text.endswith("\n"):
            yield entry, "a newline at the start or end differs from the English"
        elif (source[:1].isspace(), source[-1:].isspace()) != (text[:1].isspace(), text[-1:].isspace()):
            yield entry, "leading or trailing white space differs from the English"


@check("punctuation", "warning", scope="translation")
def punctuation(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """End punctuation matches the English; in French, a no-break space before ; : ! ?.

    End punctuation as in the English; French no-break space before `; : ! ?`.
    """
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
    """The mark that ends ``text``, before closing quotes, brackets and white space; "" when none does."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in _AFTER_MARK):
        end -= 1
    last = text[end - 1 : end]
    return last if last in _END_MARKS else ""


@check("same-as-source", "warning", scope="translation")
def same_as_source(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Same as the English: probably not translated (names and allowed words apart).

    A translation identical to the English (allow list for names and shared
    words).
    """
    policy = context.policy
    for entry, source, text in translations:
        allowed = source in policy.same_as_source or source in policy.do_not_translate or source in policy.protected
        if text == source and re.search(r"[^\W\d_]", source) and not allowed:
            yield entry, "the translation is the English text"


@check("numbers", "error", scope="translation")
def numbers(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Numbers and protected tokens (such as COVID-19) are kept as they are.

    Numbers (digits 0-9, which a translation may write in its own digits: ٢, ۲)
    and protected tokens (COVID-19) kept.
    """
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
    return (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


@check("names", "error", scope="translation")
def names(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Names that are never translated (such as Rush) stay as they are.

    Do-not-translate names (Rush) kept.
    """
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
    """Glossary: a term of the English is rendered with the language's agreed term.

    An English glossary term is rendered with the language's term.
    """
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
    """Plural forms: as many msgstr[N] as Plural-Forms says.

    As many `msgstr[N]` as Plural-Forms says (msgfmt compiles such a catalog;
    only `msgfmt -c` refuses it).
    """
    if context.nplurals is None:
        return
    for entry in entries:
        if entry.msgid_plural is not None and len(entry.msgstr) != context.nplurals:
            yield entry, f"{len(entry.msgstr)} plural forms where Plural-Forms says nplurals={context.nplurals}"


@check("length", "warning", scope="translation")
def length(translations: Sequence[Translation], context: Context) -> Iterator[tuple[Entry, str]]:
    """Length: a translation far shorter or longer than the language usually is may be cut or padded.

    A translation far longer or shorter than the language usually is.
    """
    ratio = USUAL_RATIO.get(context.language, 1.2)
    longest, shortest = ratio * 2, ratio / 3
    for entry, source, text in translations:
        if len(source) < 20:
            continue
        actual = len(text) / len(source)
        if actual > longest or actual < shortest:
            yield entry, f"{actual:.1f} times the English length (usual for this language: about {ratio:.2f})"
