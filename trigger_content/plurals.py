"""Plural-Forms as GNU gettext, Poedit and Weblate write them for each language.

Babel derives plural rules from CLDR, whose "many" category (French, Italian,
Portuguese and Spanish since CLDR 42) gives ``nplurals=3`` where every gettext
tool uses 2. A catalog must carry the gettext rule, so the common languages are
listed here; others fall back to Babel's proposal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .locale_codes import language_of

_TWO = "nplurals=2; plural=(n != 1);"
_TWO_FRENCH = "nplurals=2; plural=(n > 1);"
_ONE = "nplurals=1; plural=0;"
_EAST_SLAVIC = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
    "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)

#: Language (or language_TERRITORY) → the Plural-Forms header gettext uses.
PLURAL_FORMS: dict[str, str] = {
    **dict.fromkeys(
        "af bg ca da de el en eo es et eu fi fo gl he hu it nb nl nn no pt sq sv".split(), _TWO
    ),
    **dict.fromkeys("fr oc pt_BR wa ln".split(), _TWO_FRENCH),
    **dict.fromkeys("ja ko th vi zh id".split(), _ONE),
    **dict.fromkeys("ru uk be sr hr bs".split(), _EAST_SLAVIC),
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    "ga": "nplurals=5; plural=n==1 ? 0 : n==2 ? 1 : (n>2 && n<7) ? 2 :(n>6 && n<11) ? 3 : 4;",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
}


def plural_forms(locale: str) -> str:
    """The Plural-Forms header value for a gettext locale code.

    >>> plural_forms("fr")
    'nplurals=2; plural=(n > 1);'
    >>> plural_forms("pt_BR") == plural_forms("fr") and plural_forms("pt") == plural_forms("de")
    True
    """
    if locale in PLURAL_FORMS:
        return PLURAL_FORMS[locale]
    language = language_of(locale)
    if language in PLURAL_FORMS:
        return PLURAL_FORMS[language]
    from babel.messages.plurals import get_plural

    rule = get_plural(locale)
    return f"nplurals={rule.num_plurals}; plural={rule.plural_expr};"


# -- reading a Plural-Forms header, safely -------------------------------------------

_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))")


class PluralFormsError(ValueError):
    """A Plural-Forms header that does not parse or does not evaluate."""


def parse_plural_forms(value: str) -> tuple[int, Callable[[int], int]]:
    """``nplurals`` and a function of ``n`` from a Plural-Forms header value.

    The expression is parsed as the C subset gettext accepts, never passed to
    ``eval``. The function raises :class:`PluralFormsError` on a division by
    zero.

    >>> count, plural = parse_plural_forms("nplurals=2; plural=(n > 1);")
    >>> count, plural(1), plural(2)
    (2, 0, 1)
    """
    found = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+?)\s*;?\s*", value)
    if found is None:
        raise PluralFormsError("expected 'nplurals=N; plural=EXPRESSION;'")
    count = int(found.group(1))
    if count < 1:
        raise PluralFormsError("nplurals must be at least 1")
    return count, _Expression(found.group(2)).parse()


class _Expression:
    """Recursive descent over gettext's plural grammar, building closures."""

    def __init__(self, text: str) -> None:
        self.tokens: list[str] = []
        position = 0
        text = text.rstrip()
        while position < len(text):
            token = _TOKEN.match(text, position)
            if token is None or token.end() == position:
                raise PluralFormsError(f"unexpected {text[position:].strip()[:10]!r} in the plural expression")
            self.tokens.append(token.group(token.lastindex or 0).strip())
            position = token.end()
        self.position = 0

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise PluralFormsError(f"expected {expected or 'more'} in the plural expression")
        self.position += 1
        return token

    def parse(self) -> Callable[[int], int]:
        function = self.conditional()
        if self.peek() is not None:
            raise PluralFormsError(f"unexpected {self.peek()!r} in the plural expression")
        return function

    def conditional(self) -> Callable[[int], int]:
        test = self.binary(0)
        if self.peek() != "?":
            return test
        self.take("?")
        yes = self.conditional()
        self.take(":")
        no = self.conditional()
        return lambda n: yes(n) if test(n) else no(n)

    _LEVELS = (("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%"))

    def binary(self, level: int) -> Callable[[int], int]:
        if level == len(self._LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek() in self._LEVELS[level]:
            operator = self.take()
            right = self.binary(level + 1)
            left = _combine(operator, left, right)
        return left

    def unary(self) -> Callable[[int], int]:
        token = self.take()
        if token == "!":
            inner = self.unary()
            return lambda n: int(not inner(n))
        if token == "(":
            inner = self.conditional()
            self.take(")")
            return inner
        if token == "n":
            return lambda n: n
        if token.isdigit():
            number = int(token)
            return lambda n: number
        raise PluralFormsError(f"unexpected {token!r} in the plural expression")


def _combine(operator: str, left: Callable[[int], int], right: Callable[[int], int]) -> Callable[[int], int]:
    def divide(n: int) -> int:
        divisor = right(n)
        if divisor == 0:
            raise PluralFormsError(f"division by zero for n = {n}")
        return left(n) // divisor if operator == "/" else left(n) % divisor

    table: dict[str, Callable[[int], int]] = {
        "||": lambda n: int(bool(left(n) or right(n))),
        "&&": lambda n: int(bool(left(n) and right(n))),
        "==": lambda n: int(left(n) == right(n)),
        "!=": lambda n: int(left(n) != right(n)),
        "<": lambda n: int(left(n) < right(n)),
        ">": lambda n: int(left(n) > right(n)),
        "<=": lambda n: int(left(n) <= right(n)),
        ">=": lambda n: int(left(n) >= right(n)),
        "+": lambda n: left(n) + right(n),
        "-": lambda n: left(n) - right(n),
        "*": lambda n: left(n) * right(n),
        "/": divide,
        "%": divide,
    }
    return table[operator]


def plural_problem(value: str, locale: str = "") -> str | None:
    """What is wrong with a Plural-Forms value, or ``None``.

    It must parse, give an index below nplurals without dividing by zero for
    n from 0 to 1000, and, for a language gettext tools know, give the same
    forms as the rule they use.
    """
    try:
        count, plural = parse_plural_forms(value)
        for n in range(1001):
            index = plural(n)
            if not 0 <= index < count:
                return f"plural form index {index} for n = {n} is outside 0..{count - 1}"
    except PluralFormsError as error:
        return str(error)
    expected = PLURAL_FORMS.get(locale) or PLURAL_FORMS.get(language_of(locale))
    if expected:
        want_count, want = parse_plural_forms(expected)
        if want_count != count or any(want(n) != plural(n) for n in range(1001)):
            return f"gettext tools use {expected!r} for {locale}"
    return None
