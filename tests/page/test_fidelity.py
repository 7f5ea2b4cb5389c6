"""The English page says everything the source text says, in the same order."""

from __future__ import annotations

import re

import trigger_content as tc

from conftest import DATA

SEED = DATA / "trigger-point-injections.seed.txt"
SWITCHER_LINE = "French German Italian Portuguese Russian"


def seed_sentences() -> list[str]:
    """Every sentence of the seed, the language switcher line apart."""
    sentences = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = line.strip().removeprefix("•").strip()
        if not line or line == SWITCHER_LINE:
            continue
        sentences += re.split(r"(?<=[.?!])\s+(?=[A-Z“])", line)
    return sentences


def normalized(text: str) -> str:
    text = re.sub(r" <[a-z]+:[^>]+>", "", text)  # link targets, shown after link text
    return " ".join(text.split())


def test_every_sentence_of_the_seed_appears_in_order(page: tc.Page) -> None:
    text = normalized(tc.render_text(page))
    position = 0
    for sentence in seed_sentences():
        found = text.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        position = found + len(sentence)
    assert len(seed_sentences()) == 34


def test_switcher_is_made_from_the_site_locales(page: tc.Page) -> None:
    from babel import Locale

    english_names = [Locale.parse(code).get_display_name("en") for code in page.site.locales]
    assert " ".join(english_names) == SWITCHER_LINE
    assert "Français · Deutsch · Italiano · Português · Русский" in tc.render_text(page)
