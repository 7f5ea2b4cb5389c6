"""Plural-Forms: the rule gettext tools use for each language, and reading one safely.

Babel derives plural rules from CLDR, whose "many" category (French, Italian,
Portuguese and Spanish since CLDR 42) gives ``nplurals=3`` where every gettext
tool uses 2. A catalog must carry the gettext rule, so the common languages are
listed here; others fall back to Babel's proposal.

A catalog's own Plural-Forms is untrusted text. It is parsed as gettext's
``plural.y`` parses it (the C operators ``?: || && == != < > <= >= + - * / %
!``, the variable ``n`` and decimal numbers), with an explicit stack rather
than recursion, so no nesting depth can exhaust Python's; and it is evaluated
as libintl evaluates it, in 64-bit unsigned arithmetic that wraps, with
``&&``, ``||`` and ``?:`` evaluating only the operand they need. Evaluation
runs over many values of ``n`` at once, one pass over the expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from ..errors import PluralFormsError
from ..languages import language_of

_TWO = "nplurals=2; plural=(n != 1);"
_TWO_FRENCH = "nplurals=2; plural=(n > 1);"
_ONE = "nplurals=1; plural=0;"
_EAST_SLAVIC = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"

#: Language (or language_TERRITORY) → the Plural-Forms header gettext uses.
PLURAL_FORMS: dict[str, str] = {
    **dict.fromkeys(
        [
            "af",
            "bg",
            "ca",
            "da",
            "de",
            "el",
            "en",
            "eo",
            "es",
            "et",
            "eu",
            "fi",
            "fo",
            "gl",
            "he",
            "hu",
            "it",
            "nb",
            "nl",
            "nn",
            "no",
            "pt",
            "sq",
            "sv",
        ],
        _TWO,
    ),
    **dict.fromkeys(["fr", "oc", "pt_BR", "wa", "ln"], _TWO_FRENCH),
    **dict.fromkeys(["ja", "ko", "th", "vi", "zh", "id"], _ONE),
    **dict.fromkeys(["ru", "uk", "be", "sr", "hr", "bs"], _EAST_SLAVIC),
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

#: The longest plural expression read, in tokens. The rules gettext tools
#: use have at most about 60 (Arabic's); a longer one is refused unread, so
#: that checking it costs nothing whatever its size.
MAX_TOKENS = 1000

#: libintl computes in ``unsigned long int``: 64 bits here.
_MASK = (1 << 64) - 1

#: No language has more plural forms than this (Arabic's six); a Plural-Forms
#: that says more is an error of check, and the commands that write forms
#: (update) refuse it rather than write thousands of them.
MAX_NPLURALS = 6

#: The values of n a rule is checked on, as ``msgfmt -c`` checks them.
CHECKED = range(1001)


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


# -- parsing ---------------------------------------------------------------------------

#: One token of plural.y's scanner: it skips spaces and tabs only, and stops at ';', a newline or the end.
_TOKEN = r"[ \t]*(?:([0-9]+)|(==|!=|<=|>=|&&|\|\||[-+*/%<>!?:()]|n(?![A-Za-z0-9_]))|([;\n]|$)|([A-Za-z_][A-Za-z0-9_]*|.))"

#: Binary operators: precedence (higher binds tighter), as in plural.y.
_BINARY = {"||": 2, "&&": 3, "==": 4, "!=": 4, "<": 5, ">": 5, "<=": 5, ">=": 5, "+": 6, "-": 6, "*": 7, "/": 7, "%": 7}
_TERNARY, _NOT = 1, 8

#: A node of the expression: (operator, first, second, third). Operands are
#: node indexes; a number's value and n's ``None`` stand in the first place.
Node = tuple[str, object, object, object]


class PluralRule:
    """A parsed Plural-Forms value: ``nplurals`` and the expression, evaluated as libintl does.

    >>> PluralRule.parse("nplurals=2; plural=(n > 1);")(2)
    1
    >>> rule = PluralRule.parse("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
    >>> rule.nplurals, rule.indexes([1, 2, 5, 11, 21, 22])
    (3, [0, 1, 2, 2, 0, 1])
    """

    def __init__(self, nplurals: int, nodes: Sequence[Node]) -> None:
        self.nplurals = nplurals
        self.nodes = tuple(nodes)

    @classmethod
    def parse(cls, value: str) -> PluralRule:
        """Read a Plural-Forms value as libintl does; :class:`PluralFormsError` says what is wrong.

        ``nplurals=`` and ``plural=`` are found where they are (the usual
        order is ``nplurals=N; plural=EXPRESSION;``); the expression ends at
        the first ``;`` or newline, and what follows it is not read.
        """
        count = nplurals(value, 0)
        start = value.find("plural=")
        if "nplurals=" not in value or start < 0:
            raise PluralFormsError("expected 'nplurals=N; plural=EXPRESSION;'")
        if count < 1:
            raise PluralFormsError("nplurals must be a number, at least 1")
        expression = value[start + len("plural=") :]
        return cls(count, _parse(expression[: _end_of_expression(expression)]))

    def indexes(self, values: Sequence[int]) -> list[int | None]:
        """The form index for each n of ``values``; ``None`` where the expression divides by zero."""
        results: list[list[int | None] | None] = [None] * len(self.nodes)
        ns = [n & _MASK for n in values]
        for index, (operator, first, second, third) in enumerate(self.nodes):
            if operator == "n":
                value: list[int | None] = list(ns)
            elif operator == "number":
                value = [first] * len(ns)  # type: ignore[list-item]
            else:
                a = _take(results, first)
                if operator == "!":
                    value = [None if x is None else int(not x) for x in a]
                elif operator == "?":
                    b, c = _take(results, second), _take(results, third)
                    value = [None if x is None else (y if x else z) for x, y, z in zip(a, b, c, strict=True)]
                else:
                    value = _binary(operator, a, _take(results, second))
            results[index] = value
        final = results[-1]
        assert final is not None
        return final

    def __call__(self, n: int) -> int:
        """The form index for ``n``; :class:`PluralFormsError` on a division by zero."""
        (index,) = self.indexes([n])
        if index is None:
            raise PluralFormsError(f"division by zero for n = {n}")
        return index


def _take(results: list[list[int | None] | None], index: object) -> list[int | None]:
    """A child's values, let go once read (each node has one parent)."""
    assert isinstance(index, int)
    value = results[index]
    results[index] = None
    assert value is not None
    return value


def _binary(operator: str, a: list[int | None], b: list[int | None]) -> list[int | None]:
    if operator == "&&":  # b matters only where a is true, as in C
        return [None if x is None else 0 if not x else None if y is None else int(y != 0) for x, y in zip(a, b, strict=True)]
    if operator == "||":
        return [None if x is None else 1 if x else None if y is None else int(y != 0) for x, y in zip(a, b, strict=True)]
    pairs = zip(a, b, strict=True)
    if operator == "*":
        return [None if x is None or y is None else (x * y) & _MASK for x, y in pairs]
    if operator == "/":
        return [None if x is None or not y else x // y for x, y in pairs]
    if operator == "%":
        return [None if x is None or not y else x % y for x, y in pairs]
    if operator == "+":
        return [None if x is None or y is None else (x + y) & _MASK for x, y in pairs]
    if operator == "-":
        return [None if x is None or y is None else (x - y) & _MASK for x, y in pairs]
    compare: Callable[[int, int], bool] = {
        "==": int.__eq__,
        "!=": int.__ne__,
        "<": int.__lt__,
        ">": int.__gt__,
        "<=": int.__le__,
        ">=": int.__ge__,
    }[operator]
    return [None if x is None or y is None else int(compare(x, y)) for x, y in pairs]


def _end_of_expression(text: str) -> int:
    """Where plural.y stops reading: the first ';' or newline."""
    ends = [position for position in (text.find(";"), text.find("\n")) if position >= 0]
    return min(ends) if ends else len(text)


def _parse(text: str) -> list[Node]:
    """The nodes of an expression, children before parents: operator precedence with explicit stacks."""
    nodes: list[Node] = []
    operands: list[int] = []
    operators: list[str] = []  # binary operators, "!", "(", "?" and ":" (a "?" whose ":" was read)
    expect_operand = True
    tokens = 0

    def reduce() -> None:
        operator = operators.pop()
        if operator == "!":
            operands.append(_node(nodes, "!", operands.pop()))
        elif operator == ":":
            no, yes, test = operands.pop(), operands.pop(), operands.pop()
            operands.append(_node(nodes, "?", test, yes, no))
        else:
            right, left = operands.pop(), operands.pop()
            operands.append(_node(nodes, operator, left, right))

    position = 0
    while True:
        found = _token().match(text, position)
        assert found is not None  # the last alternative matches any character, the one before the end
        number, operator, end, other = found.groups()
        position = found.end()
        if other is not None:
            raise PluralFormsError(f"unexpected {other!r} in the plural expression")
        if end is not None:
            break
        tokens += 1
        if tokens > MAX_TOKENS:
            raise PluralFormsError(f"the plural expression is longer than {MAX_TOKENS} tokens; gettext tools' rules have fewer than 100")
        if expect_operand:
            if number is not None:
                operands.append(_node(nodes, "number", _wrapped(number)))
                expect_operand = False
            elif operator == "n":
                operands.append(_node(nodes, "n"))
                expect_operand = False
            elif operator in ("!", "("):
                operators.append(operator)
            else:
                raise PluralFormsError(f"expected a number, n, ! or ( in the plural expression, not {operator!r}")
            continue
        if number is not None or operator in ("n", "!", "("):
            raise PluralFormsError(f"expected an operator in the plural expression, not {number or operator!r}")
        if operator == ")":
            while operators and operators[-1] not in ("(", "?"):
                reduce()
            if not operators or operators[-1] != "(":
                raise PluralFormsError("a ')' without its '(' in the plural expression")
            operators.pop()
        elif operator == "?":
            # Right-associative and the loosest: reduce only what binds tighter.
            while operators and operators[-1] not in ("(", "?", ":"):
                reduce()
            operators.append("?")
            expect_operand = True
        elif operator == ":":
            while operators and operators[-1] not in ("(", "?"):
                reduce()
            if not operators or operators[-1] != "?":
                raise PluralFormsError("a ':' without its '?' in the plural expression")
            operators[-1] = ":"
            expect_operand = True
        else:
            precedence = _BINARY[operator]
            while operators and operators[-1] not in ("(", "?", ":") and _precedence(operators[-1]) >= precedence:
                reduce()
            operators.append(operator)
            expect_operand = True
    if expect_operand:
        raise PluralFormsError("the plural expression ends where an operand is expected" if tokens else "the plural expression is empty")
    while operators:
        if operators[-1] == "(":
            raise PluralFormsError("a '(' without its ')' in the plural expression")
        if operators[-1] == "?":
            raise PluralFormsError("a '?' without its ':' in the plural expression")
        reduce()
    return nodes


@cache
def _token() -> re.Pattern[str]:
    return re.compile(_TOKEN)


def _wrapped(digits: str) -> int:
    """A decimal number as libintl reads it, wrapping at 64 bits, however many digits it has."""
    value = 0
    for start in range(0, len(digits), 1000):  # int() reads at most 4,300 digits at once
        chunk = digits[start : start + 1000]
        value = (value * 10 ** len(chunk) + int(chunk)) & _MASK
    return value


def _precedence(operator: str) -> int:
    return _NOT if operator == "!" else _BINARY[operator]


def _node(nodes: list[Node], operator: str, first: object = None, second: object = None, third: object = None) -> int:
    nodes.append((operator, first, second, third))
    return len(nodes) - 1


# -- the header field ---------------------------------------------------------------------


def nplurals(value: str | None, default: int = 2) -> int:
    """The number of forms a Plural-Forms value declares; ``default`` when it cannot tell.

    Read as libintl reads it, from the digits after ``nplurals=`` alone, so
    that a rule whose expression is wrong still says how many forms it has.
    """
    found = re.search(r"nplurals=\s*([0-9]+)", value or "")
    if found is None:
        return default
    digits = found.group(1).lstrip("0")
    if len(digits) > 9:
        return 10**9  # more forms than any language: what matters is that it is too many
    return int(digits) if digits else default


def plural_problem(value: str, locale: str = "") -> str | None:
    """What is wrong with a Plural-Forms value, or ``None``.

    It must parse, give an index below nplurals without dividing by zero for
    n from 0 to 1000 (as ``msgfmt -c`` requires), and, for a language gettext
    tools know, give the same forms as the rule they use.
    """
    try:
        rule = PluralRule.parse(value)
    except PluralFormsError as error:
        return str(error)
    if rule.nplurals > MAX_NPLURALS:
        return f"nplurals={rule.nplurals if rule.nplurals < 10**9 else 'a number of ten digits or more'}: no language has more than {MAX_NPLURALS} plural forms"
    found = rule.indexes(CHECKED)
    for n, index in zip(CHECKED, found, strict=True):
        if index is None:
            return f"division by zero for n = {n}"
        if index >= rule.nplurals:
            return f"plural form index {index} for n = {n} is outside 0..{rule.nplurals - 1}"
    expected = PLURAL_FORMS.get(locale) or PLURAL_FORMS.get(language_of(locale))
    if expected:
        want = PluralRule.parse(expected)
        if want.nplurals != rule.nplurals or want.indexes(CHECKED) != found:
            return f"gettext tools use {expected!r} for {locale}"
    return None
