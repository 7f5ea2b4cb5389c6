"""Plural-Forms as GNU gettext, Poedit and Weblate write them for each language.

Babel derives plural rules from CLDR, whose "many" category (French, Italian,
Portuguese and Spanish since CLDR 42) gives ``nplurals=3`` where every gettext
tool uses 2. A catalog must carry the gettext rule, so the common languages are
listed here; others fall back to Babel's proposal.
"""

from __future__ import annotations

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
    language = locale.split("_")[0].split("@")[0]
    if language in PLURAL_FORMS:
        return PLURAL_FORMS[language]
    from babel.messages.plurals import get_plural

    rule = get_plural(locale)
    return f"nplurals={rule.num_plurals}; plural={rule.plural_expr};"
