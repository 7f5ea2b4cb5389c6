"""Write the generated parts of docs/: the table of checks in docs/checks.md, from the check registry.

python scripts/docs.py          # write them
python scripts/docs.py --check  # exit 1, writing nothing, when a part is not current
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from trigger_content.checks.report import checks_table  # the checkout's package, not an installed one

CHECKS_MD = Path(__file__).resolve().parent.parent / "docs" / "checks.md"
START = "<!-- The table below is written by scripts/docs.py from the checks' docstrings. -->\n"
END = "<!-- End of the table. -->\n"


def with_table(text: str) -> str:
    """``text`` (docs/checks.md) with the current table between its markers."""
    start, end = text.index(START) + len(START), text.index(END)
    return text[:start] + checks_table() + text[end:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a generated part is not current")
    args = parser.parse_args()
    text = CHECKS_MD.read_text(encoding="utf-8")
    current = with_table(text)
    if current == text:
        return 0
    if args.check:
        print(f"{CHECKS_MD}: the table of checks is not current; run python scripts/docs.py", file=sys.stderr)
        return 1
    CHECKS_MD.write_text(current, encoding="utf-8")
    print(f"{CHECKS_MD}: written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
