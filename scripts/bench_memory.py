"""Translation memory at scale: filling the catalog of a site that doubled, against reading it and against msgmerge.

``python scripts/bench_memory.py --pages 1000`` generates a synthetic site
(``scripts/synthetic.py``), adds as many pages again whose texts are the
first pages' (three in four as they were, one in four reworded), extracts
the template, and times, on the French catalog: reading the catalog and the
template, ``merge`` (where each new text finds the same English elsewhere at
once, or the most similar through an index), writing the result, and GNU
``msgmerge --previous`` doing the same merge. It prints the figures and how
many texts came in fuzzy, and the section of ``docs/benchmarks.md`` they
make: the last section of ``docs/benchmarks.md``, which ``scripts/bench.py`` keeps when it writes the rest.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trigger_content.catalogs import merge  # noqa: E402
from trigger_content.extract import write_template  # noqa: E402
from trigger_content.po.reader import read_po  # noqa: E402
from trigger_content.po.writer import catalog_bytes  # noqa: E402
from trigger_content.source import page_sources  # noqa: E402

T = TypeVar("T")


def doubled_site(workdir: Path, pages: int) -> Path:
    """A synthetic site of ``pages`` pages, and as many again reusing their texts; its template extracted."""
    folder = workdir / f"memory-{pages}"
    if (folder / "locales" / "trigger_content.pot").is_file():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "synthetic.py"), str(folder), "--pages", str(pages)], check=True)
    rng = random.Random(7)

    def reword(found: re.Match[str]) -> str:
        text = found.group(0)
        if rng.random() >= 0.25:
            return text
        return text.replace(" the ", " this ", 1) if " the " in text else text.replace(".", " today.", 1)

    for path in sorted((folder / "content").glob("page-*.toml")):
        copy = path.read_text(encoding="utf-8").replace('id = "page-', 'id = "copy-', 1)
        (path.parent / path.name.replace("page-", "copy-")).write_text(re.sub(r'text = "[^"\n]+"', reword, copy), encoding="utf-8")
    pairs = page_sources(folder / "content")
    write_template([page for page, _ in pairs], folder / "locales" / "trigger_content.pot", references={})
    return folder


def timed(function: Callable[..., T], *args: Any) -> tuple[T, float]:
    """``function(*args)`` and the seconds it took."""
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages of the first site (default 1000; the site doubles)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/trigger-content-bench"))
    parser.add_argument("--no-msgmerge", action="store_true", help="leave GNU msgmerge out (it takes minutes at 1,000 pages)")
    args = parser.parse_args()
    folder = doubled_site(args.workdir, args.pages)
    po = folder / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"
    template_path = folder / "locales" / "trigger_content.pot"

    catalog, read_catalog = timed(read_po, po)
    template, read_template = timed(read_po, template_path)
    merged, merging = timed(merge, catalog, template)
    _, writing = timed(catalog_bytes, merged)
    new = sum(1 for entry in template.entries if entry.msgctxt and entry.msgctxt.startswith("copy-"))
    filled = sum(
        1 for entry in merged.entries if not entry.obsolete and entry.msgctxt and entry.msgctxt.startswith("copy-") and entry.msgstr[0]
    )
    theirs = None
    if not args.no_msgmerge and shutil.which("msgmerge"):
        start = time.perf_counter()
        subprocess.run(["msgmerge", "--quiet", "--previous", "-o", str(folder / "msgmerge.po"), str(po), str(template_path)], check=True)
        theirs = time.perf_counter() - start
    lines = [
        f"## Translation memory: a {args.pages:,}-page site doubled",
        "",
        f"`python scripts/bench_memory.py --pages {args.pages}`: {args.pages:,} more pages whose {new:,} texts are the first "
        f"pages' (one in four reworded), merged into a French catalog of {len(catalog.entries):,} entries.",
        "",
        "| step | seconds |",
        "| --- | ---: |",
        f"| reading the catalog and the template ({len(template.entries):,} texts) | {read_catalog + read_template:.2f} |",
        f"| `merge`: {filled:,} of the {new:,} new texts filled (the same English at once, the reworded ones by the index) | {merging:.2f} |",
        f"| writing the merged catalog | {writing:.2f} |",
    ]
    if theirs is not None:
        lines.append(f"| GNU `msgmerge --previous`, the same merge, reading and writing included | {theirs:.2f} |")
    lines += [
        "",
        f"Merging cost {merging / (read_catalog + read_template):.1f}× reading the catalog and the template"
        + (
            f"; reading, merging and writing together, {theirs / (read_catalog + read_template + merging + writing):.1f}× faster than msgmerge."
            if theirs
            else "."
        ),
        "",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
