"""A synthetic hospital site for benchmarks: page documents and their catalogs.

``python scripts/synthetic.py OUTDIR --pages 1000`` writes ``OUTDIR/content``
(site.toml and one TOML document per page, 20 texts each) and
``OUTDIR/locales`` (the template and a catalog per locale, made with the
library's own extract, init and update, then filled: mostly translated, with
fuzzy, untranslated, obsolete, plural and multi-line entries). The text is
realistic patient-information English, varied by a seeded generator, so the
same arguments give the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = [
    "pain",
    "muscle",
    "injection",
    "doctor",
    "treatment",
    "therapy",
    "patient",
    "symptoms",
    "swelling",
    "pressure",
    "area",
    "body",
    "relief",
    "appointment",
    "medication",
    "exercise",
    "stretching",
    "sleep",
    "program",
    "specialist",
    "evaluation",
    "condition",
    "chronic",
    "recovery",
    "physical",
    "rehabilitation",
    "office",
    "nurse",
    "clinic",
    "procedure",
    "needle",
    "anesthetic",
    "steroid",
    "joint",
    "back",
    "neck",
    "shoulder",
    "knee",
    "hip",
    "movement",
    "posture",
    "strength",
    "flexibility",
    "follow-up",
    "visit",
    "schedule",
    "insurance",
    "question",
    "answer",
    "option",
    "decision",
    "risk",
    "benefit",
    "result",
    "test",
    "imaging",
    "referral",
    "plan",
    "care",
    "team",
    "family",
]
TEMPLATES = (
    "{A} {b} can help relieve {c} in the {d} and may reduce {e} over several weeks.",
    "Talk to your {a} if {b} continues after {c}, especially when it spreads to the {d}.",
    "Your {a} will explain the {b} and help you choose the {c} that fits your {d}.",
    "Most patients return to normal {a} within a few days, although some {b} may remain.",
    "Before the {a}, tell the {b} about any {c} you take, including {d} and supplements.",
)
LOCALES = ("fr", "de", "it", "pt", "ru")
#: An inline tag of a catalog text, kept by the stand-in translations.
TAG = re.compile(r"(</?[a-z]+\d+>)")
#: A run of letters, reversed by the stand-in translations.
LETTERS = re.compile(r"[^\W\d_]+")


def sentence(rng: random.Random) -> str:
    words = {key: rng.choice(WORDS) for key in "abcde"}
    text = rng.choice(TEMPLATES).format(A=words["a"].capitalize(), **words)
    return text


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def write_site(out: Path, pages: int, seed: int = 1) -> None:
    """Write the content and the catalogs of a site of ``pages`` pages into ``out``."""
    rng = random.Random(seed)
    content = out / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "site.toml").write_text(
        'source_locale = "en"\nlocales = ["fr", "de", "it", "pt", "ru"]\nbase_url = "https://example.org/health/"\n'
        'tagline = "Excellence is just the beginning."\n\n[notice]\nid = "notice"\n'
        'text = "For information about COVID-19, [see the latest updates](news)."\n\n[links.news]\nurl = "https://example.org/news"\n',
        encoding="utf-8",
    )
    for number in range(pages):
        lines = [f'id = "page-{number:05d}"', f'title = "{sentence(rng)[:40].rstrip(" ,.")}"', ""]
        lines += ["[links.more]", 'url = "https://example.org/more"', ""]
        lines += ["[[blocks]]", 'kind = "paragraph"', 'id = "intro"', f'text = "{paragraph(rng, 3)} [Read more](more)."', ""]
        for section in range(3):
            lines += ["[[sections]]", f'id = "s{section}"', f'heading = "{sentence(rng)[:50].rstrip(" ,.")}"', ""]
            for block in range(4):
                lines += [
                    "[[sections.blocks]]",
                    'kind = "paragraph"',
                    f'id = "s{section}-p{block}"',
                    f'text = "{paragraph(rng, rng.randint(1, 4))}"',
                    "",
                ]
            lines += ["[[sections.blocks]]", 'kind = "list"', f'id = "s{section}-list"', ""]
            lines += ["[[sections.blocks.items]]", f'id = "s{section}-i0"', f'text = "{sentence(rng)}"', ""]
        (content / f"page-{number:05d}.toml").write_text("\n".join(lines), encoding="utf-8")
    write_catalogs(out, rng)


def fake_translation(text: str) -> str:
    """A stand-in translation: each word's letters reversed; tags, numbers, spaces and punctuation kept, as a translator keeps them."""
    return "".join(part if TAG.fullmatch(part) else LETTERS.sub(lambda found: found.group(0)[::-1], part) for part in TAG.split(text))


def write_catalogs(out: Path, rng: random.Random) -> None:
    """The template and a catalog per locale, in every state a real catalog has."""
    from trigger_content.catalogs import init_catalog
    from trigger_content.extract import build_template
    from trigger_content.po import Entry, catalog_bytes
    from trigger_content.po.writer import format_po
    from trigger_content.source import load_pages

    pages = load_pages(out / "content")
    template = build_template(pages, creation_date="2026-01-01 00:00+0000")
    locales = out / "locales"
    locales.mkdir(exist_ok=True)
    (locales / "trigger_content.pot").write_text(format_po(template), encoding="utf-8")
    for locale in LOCALES:
        catalog = init_catalog(template, locale, revision_date="2026-01-01 00:00+0000")
        entries = []
        for entry in catalog:
            roll = rng.random()
            if roll < 0.04:
                entries.append(entry)  # untranslated
                continue
            msgstr = fake_translation(entry.msgid)
            if 0.10 <= roll < 0.11:
                msgstr = msgstr.rstrip(".")  # a slip the checks find: the full stop left out
            if roll < 0.10:
                entry = entry._replace(flags=("fuzzy",), previous_msgid=entry.msgid[: len(entry.msgid) // 2])
            entries.append(entry._replace(msgstr=(msgstr,)))
        for index in range(len(entries) // 50):  # plural messages
            forms = (f"{index} v", f"{index} vs") + ((f"{index} vv",) if locale == "ru" else ())
            entries.append(Entry(f"{index} visit", forms, msgctxt=f"plural.{index}", msgid_plural=f"{index} visits"))
        # Obsolete messages (the range is taken before any is added).
        entries.extend(
            Entry(paragraph(rng, 2), (paragraph(rng, 2),), msgctxt=f"old.{index}", obsolete=True) for index in range(len(entries) // 25)
        )
        target = locales / locale / "LC_MESSAGES" / "trigger_content.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(catalog_bytes(catalog.replace(entries)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_site(args.outdir, args.pages, args.seed)


if __name__ == "__main__":
    main()
