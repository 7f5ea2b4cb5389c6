"""Generated and mutated catalogs, and what GNU msgfmt says of each: the corpus of the differential tests.

:func:`catalogs` makes catalogs from a seed: well-formed ones in every layout
gettext reads (free-form tokens, continued lines, escapes, obsolete and
previous entries, plural forms, charsets), then mutated (lines dropped,
doubled, swapped, cut; stray tokens and bytes put in). :func:`msgfmt` runs
``msgfmt --statistics`` on each, several at a time.
"""

from __future__ import annotations

import random
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HEADERS = [
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n',
    '# Translation\n#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n',
    'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n',
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n',
    'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=3; plural=n%10==1 ? 0 : 2;\\n"\n"Content-Type: text/plain; charset=KOI8-R\\n"\n',
    "",  # no header
]

TEXTS = [
    '"a"',
    '""',
    '"b c"',
    '"é"',
    '"\\303\\251"',
    '"\\xc3\\xa9"',
    '"\\n"',
    '"x\\"y"',
    '"\\t\\\\"',
    '"\\101\\x42"',
    '"%d jour"',
    '"<b>x</b>"',
]

STRAYS = [
    '"',
    "\\",
    "#~ ",
    "#| ",
    "#~| ",
    'msgstr[1] "x"\n',
    "[",
    "]",
    "\x04",
    '"\\q"',
    "msgid",
    "msgstr",
    "msgctxt",
    "msgid_plural",
    "\n",
    "\r\n",
    " ",
    "#, fuzzy\n",
    "\\\n",
    "<<<<<<< HEAD\n",
    'domain "d"\n',
    '"\\777"',
    "\xff",
    "\xc3",
    "0",
    "#-#-#-#-#",
    "\ufeff",
    "# c\n",
    "#: f.py:1\n",
    '#| msgid "old"\n',
    'msgctxt "k"\n',
    '#~ msgid "gone"\n#~ msgstr "parti"\n',
]


def entry(rng: random.Random, index: int) -> str:
    """One well-formed entry, in one of the layouts gettext reads."""
    obsolete = rng.random() < 0.15
    prefix = "#~ " if obsolete else ""
    lines: list[str] = []
    lines += rng.sample(
        ["# translator", "#. extracted", "#: page.toml:3", "#, fuzzy", "#, c-format", "#,fuzzy c-format", "#! fuzzy", "#  two spaces"],
        rng.randint(0, 3),
    )
    if rng.random() < 0.2:
        lines.append(("#~| " if obsolete else "#| ") + "msgid " + rng.choice(TEXTS))
    if rng.random() < 0.3:
        lines.append(prefix + "msgctxt " + rng.choice(TEXTS))
    msgid = f'"m{index}"'
    if rng.random() < 0.2:
        lines.append(prefix + f'msgid ""\n{prefix}{msgid}')
    else:
        lines.append(prefix + "msgid " + msgid)
    if rng.random() < 0.2:
        lines.append(prefix + 'msgid_plural "ms"')
        forms = rng.randint(1, 3)
        lines += [prefix + f"msgstr[{form}] " + rng.choice(TEXTS) for form in range(forms)]
    else:
        value = rng.choice(TEXTS)
        if rng.random() < 0.2:
            value += "\n" + prefix + rng.choice(TEXTS)
        lines.append(prefix + "msgstr " + value)
    text = "\n".join(lines) + "\n"
    layout = rng.random()
    if layout < 0.1 and not obsolete:
        text = text.replace("\nmsgstr", " msgstr")  # free-form: a keyword after a string
    elif layout < 0.15:
        text = text.replace("msgid ", "msgid\\\n ", 1)  # a continued line
    return text


def catalog(rng: random.Random) -> bytes:
    """A well-formed catalog, then perhaps mutated."""
    parts = [rng.choice(HEADERS)] + [entry(rng, index) for index in range(rng.randint(0, 6))]
    text = "\n".join(parts)
    charset = "latin-1" if "ISO-8859-1" in parts[0] else "koi8-r" if "KOI8-R" in parts[0] else "utf-8"
    data = text.encode(charset, "replace")
    if rng.random() < 0.1:
        data = data.replace(b"\n", b"\r\n")
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        data = mutate(rng, data)
    return data


def mutate(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    kind = rng.randrange(6)
    at = rng.randrange(len(lines))
    if kind == 0 and len(lines) > 1:
        del lines[at]
    elif kind == 1:
        lines.insert(at, lines[at])
    elif kind == 2:
        other = rng.randrange(len(lines))
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == 3:
        return data[: rng.randrange(len(data) + 1)]
    else:
        stray = rng.choice(STRAYS).encode("utf-8", "surrogateescape") if rng.random() < 0.9 else bytes([rng.randrange(1, 256)])
        line = lines[at]
        cut = rng.randrange(len(line) + 1)
        lines[at] = line[:cut] + stray + line[cut:]
    return b"\n".join(lines)


def catalogs(seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    return [catalog(rng) for _ in range(count)]


@dataclass(frozen=True)
class Verdict:
    """What msgfmt said: whether it compiled the file, its figures, and its first error's line."""

    accepted: bool
    counts: tuple[int, int, int]
    lines: tuple[int, ...]
    output: str


_FIGURE = re.compile(r"(\d+) (translated|fuzzy|untranslated)")
_ERROR_LINE = re.compile(r"^[^:\n]+\.po:(\d+):", re.MULTILINE)


def msgfmt(datas: list[bytes], jobs: int = 4) -> list[Verdict]:
    """``msgfmt --statistics`` on each catalog of ``datas``, ``jobs`` at a time."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, data in enumerate(datas):
            path = Path(folder) / f"c{index}.po"
            path.write_bytes(data)
            paths.append(path)
        with ThreadPoolExecutor(jobs) as pool:
            results = list(
                pool.map(
                    lambda path: subprocess.run(
                        ["msgfmt", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, env={"LC_ALL": "C"}
                    ),
                    paths,
                )
            )
    verdicts = []
    for result in results:
        output = result.stderr.decode("utf-8", "replace")
        figures = {kind: int(number) for number, kind in _FIGURE.findall(output)}
        verdicts.append(
            Verdict(
                result.returncode == 0,
                (figures.get("translated", 0), figures.get("fuzzy", 0), figures.get("untranslated", 0)),
                tuple(int(line) for line in _ERROR_LINE.findall(output)),
                output,
            )
        )
    return verdicts
