"""Line breaking as libunistring 1.0 does it (UAX #14 of Unicode 14), for the writer.

GNU gettext wraps the strings of a catalog where Unicode's line breaking
algorithm allows a break, as libunistring implements it, and measures lines
in display columns. The classes here are derived from :mod:`unicodedata`
plus a table of exceptions at the end of this module, so that every code
point of the Basic Multilingual Plane gets the class libunistring 1.0 gives
it; the pair table is the one libunistring fills.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterable, Sequence

PROHIBITED, POSSIBLE, MANDATORY = 0, 1, 2

# The classes that the pair table below covers, in its order. OPW is an
# opening punctuation of East Asian width W or F: unlike OP, a letter or a
# digit may be broken from it.
_TABLE_CLASSES = [
    "WJ",
    "GL",
    "B2",
    "BA",
    "BB",
    "HY",
    "CL",
    "CP",
    "EX",
    "IN",
    "NS",
    "OP",
    "QU",
    "IS",
    "NU",
    "PO",
    "PR",
    "SY",
    "AL",
    "H2",
    "H3",
    "ID",
    "JL",
    "JV",
    "JT",
    "HL",
    "RI",
    "ZWJ",
    "EB",
    "EM",
    "OPW",
]
# Classes handled before the table is consulted.
_SPECIAL_CLASSES = ["BK", "CM", "ZW", "SP"]
_CLASS = {name: number for number, name in enumerate(_TABLE_CLASSES + _SPECIAL_CLASSES)}
_WJ, _GL, _BA, _HY, _AL, _ID, _HL, _RI, _ZWJ, _OP, _CL, _NU, _H2, _H3, _JL, _JV, _JT, _OPW, _QU = (
    _CLASS[name]
    for name in [
        "WJ",
        "GL",
        "BA",
        "HY",
        "AL",
        "ID",
        "HL",
        "RI",
        "ZWJ",
        "OP",
        "CL",
        "NU",
        "H2",
        "H3",
        "JL",
        "JV",
        "JT",
        "OPW",
        "QU",
    ]
)
_BK, _CM, _ZW, _SP = (_CLASS[name] for name in _SPECIAL_CLASSES)

# Break between a character of the row's class and one of the column's:
# D = always possible, I = only across spaces, P = never. This is table 7.3
# of UAX #14 as libunistring 1.0 fills it; measured against the library, it
# differs from the standard in places, notably IS/AL (D: "sentence.</P>"
# may break before "<"), the WJ/GL rows and ZWJ.
_PAIR_TABLE = """
WJ  P I I I I I P P P I I I I P I I I P I I I I I I I I I I I I I
GL  P I I I I I P P P I I I I P I I I P I I I I I I I I I I I I I
B2  P I P I D I P P P I I D I P D D D P D D D D D D D D D I D D D
BA  P D D I D I P P P I I D I P D D D P D D D D D D D D D I D D D
BB  P I I I I I P P P I I I I P I I I P I I I I I I I I I I I I I
HY  P D D I D I P P P I I D I P I D D P D D D D D D D D D I D D D
CL  P I D I D I P P P I P D I P D I I P D D D D D D D D D I D D D
CP  P I D I D I P P P I I D I P I I I P I D D D D D D I D I D D D
EX  P I D I D I P P P I I D I P D D D P D D D D D D D D D I D D D
IN  P I D I D I P P P I I D I P D D D P D D D D D D D D D I D D D
NS  P I D I D I P P P I I D I P D D D P D D D D D D D D D I D D D
OP  P P P P P P P P P P P P P P P P P P P P P P P P P P P I P P P
QU  P I I I I I P P P I I P I P I I I P I I I I I I I I I I I I P
IS  P I D I D I P P P I I D I P I D D P D D D D D D D D D I D D D
NU  P I D I D I P P P I I I I P I I I P I D D D D D D I D I D D D
PO  P I D I D I P P P I I I I P I D D P I D D D D D D I D I D D I
PR  P I D I D I P P P I I I I P I D D P I I I I I I I I D I I I I
SY  P I D I D I P P P I I D I P I D D P D D D D D D D I D I D D D
AL  P I D I D I P P P I I I I P I I I P I D D D D D D I D I D D D
H2  P I D I D I P P P I I D I P D I D P D D D D D I I D D I D D D
H3  P I D I D I P P P I I D I P D I D P D D D D D D I D D I D D D
ID  P I D I D I P P P I I D I P D I D P D D D D D D D D D I D D D
JL  P I D I D I P P P I I D I P D I D P D I I D I I D D D I D D D
JV  P I D I D I P P P I I D I P D I D P D D D D D I I D D I D D D
JT  P I D I D I P P P I I D I P D I D P D D D D D D I D D I D D D
HL  P I D I D I P P P I I I I P I I I P I D D D D D D I D I D D D
RI  P I D I D I P P P I I D I P D D D P D D D D D D D D I I D D D
ZWJ P I I I I I P P P I I I I P I I I P I I I I I I I I I I I I I
EB  P I D I D I P P P I I D I P D I D P D D D D D D D D D I D I D
EM  P I D I D I P P P I I D I P D I D P D D D D D D D D D I D D D
OPW P P P P P P P P P P P P P P P P P P P P P P P P P P P I P P P
"""


def _parse_pair_table(text: str) -> list[list[str]]:
    table = [[""] * len(_TABLE_CLASSES) for _ in _TABLE_CLASSES]
    for row in text.split("\n"):
        if row:
            name, *cells = row.split()
            table[_CLASS[name]] = cells
    return table


_PAIRS = _parse_pair_table(_PAIR_TABLE)


def break_opportunities(classes: Sequence[int]) -> list[int]:
    """For each character, whether a line may break just before it."""
    result = []
    last = _BK  # class of the last character that is not a space (CM folded in)
    after_spaces = False
    previous = previous2 = _BK  # classes of the two characters just before
    regional_run = 0  # regional indicators immediately before
    for cls in classes:
        if cls == _BK:
            brk = MANDATORY
            last, after_spaces = _BK, False
        elif cls == _SP:
            brk = PROHIBITED
            after_spaces = True
        elif cls == _ZW:
            brk = PROHIBITED
            last, after_spaces = _ZW, False
        elif cls in (_CM, _ZWJ):
            # A combining mark belongs to the character before it, unless that
            # is a space, a zero width space or the start of the text: then
            # it stands alone, as a letter.
            if last == _BK:
                brk = PROHIBITED
                last, after_spaces = _AL, False
            elif last == _ZW or after_spaces:
                brk = POSSIBLE
                last, after_spaces = _AL, False
            else:
                brk = PROHIBITED
        else:
            if last == _BK:
                brk = PROHIBITED
            elif last == _ZW:
                brk = POSSIBLE
            elif previous == _ZWJ:
                brk = PROHIBITED
            elif previous in (_HY, _BA) and previous2 == _HL:
                # A Hebrew word with a hyphen stays attached to what follows.
                brk = PROHIBITED
            elif last == _RI and cls == _RI:
                # Flags are pairs of regional indicators.
                brk = POSSIBLE if after_spaces or regional_run % 2 == 0 else PROHIBITED
            else:
                rule = _PAIRS[last][cls]
                brk = POSSIBLE if rule == "D" or (rule == "I" and after_spaces) else PROHIBITED
            last, after_spaces = cls, False
        result.append(brk)
        previous, previous2 = cls, previous
        regional_run = regional_run + 1 if cls == _RI else 0
    return result


@functools.lru_cache(maxsize=4096)
def line_break_class(char: str) -> int:
    code = ord(char)
    position = bisect.bisect_right(_EXCEPTION_STARTS, code) - 1
    if position >= 0 and code <= _EXCEPTION_ENDS[position]:
        return _EXCEPTION_CLASSES[position]
    return _generic_class(code)


# Scripts whose words need a dictionary to break (Thai, Lao, Myanmar, Khmer,
# Tai...): libunistring does not break them and treats their letters and
# marks as ordinary letters.
_COMPLEX_CONTEXT_BLOCKS = (
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
    (0x1950, 0x19DF),
    (0x1A20, 0x1AAF),
    (0xA9E0, 0xA9FF),
    (0xAA60, 0xAADF),
    (0x11700, 0x1174F),
)
# Unassigned code points that UAX #14 treats as ideographs.
_IDEOGRAPHIC_RESERVED = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x1F000, 0x1FAFF),
    (0x1FC00, 0x1FFFD),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
)
_CATEGORY_CLASS = {"Mn": _CM, "Mc": _CM, "Me": _CM, "Cc": _CM, "Cf": _CM, "Nd": _NU, "Pe": _CL, "Pi": _QU, "Pf": _QU}


def _generic_class(code: int) -> int:
    """The line breaking class most characters get from their general category."""
    char = chr(code)
    category = unicodedata.category(char)
    if category == "Cn":
        return _ID if _in_ranges(code, _IDEOGRAPHIC_RESERVED) else _AL
    if category[0] in "LM" and _in_ranges(code, _COMPLEX_CONTEXT_BLOCKS):
        return _AL
    wide = unicodedata.east_asian_width(char) in "WF"
    if category == "Ps":
        return _OPW if wide else _OP
    cls = _CATEGORY_CLASS.get(category)
    if cls is not None:
        return cls
    if 0xAC00 <= code <= 0xD7A3:
        # Hangul syllables: LV when there is no final consonant.
        return _H2 if (code - 0xAC00) % 28 == 0 else _H3
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return _JL
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return _JV
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return _JT
    if wide:
        return _ID
    if category == "Lo" and (0x0590 <= code <= 0x05FF or 0xFB1D <= code <= 0xFB4F):
        return _HL
    return _AL


def _in_ranges(code: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(low <= code <= high for low, high in ranges)


# Unassigned code points that libunistring counts two columns wide.
_WIDE_RESERVED = (
    (0x2E80, 0x303E),
    (0x3040, 0xA4CF),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x1F200, 0x1F2FF),
    (0x20000, 0x3FFFD),
)
# Combining marks that libunistring 1.0 counts one column wide.
_SPACING_MARKS = frozenset((0x0CBF, 0x0CC6, 0x11A07, 0x11A08, 0x11C3F))


@functools.lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Columns of ``char`` as libunistring's ``uc_width`` counts them for UTF-8."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return 0  # control characters: ignored by the line breaker
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") and code not in _SPACING_MARKS:
        return 0
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:
        return 0  # Hangul vowels and final consonants join the syllable
    if category == "Cn":
        return 2 if _in_ranges(code, _WIDE_RESERVED) else 1
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


# Code points whose class differs from what _generic_class() says: each entry
# is "FIRST[-LAST]:CLASS". Generated by comparing _generic_class() with
# libunistring 1.0's own classes for every code point of the BMP (and for the
# regional indicators and emoji modifiers beyond it).
_EXCEPTIONS = """
0009:BA 000B-000C:BK 0020:SP 0021:EX 0022:QU 0024:PR 0025:PO 0027:QU 0029:CP 002B:PR
002C:IS 002D:HY 002E:IS 002F:SY 003A-003B:IS 003F:EX 005C:PR 005D:CP 007C:BA 0085:BK
00A0:GL 00A1:OP 00A2:PO 00A3-00A5:PR 00AD:BA 00B0:PO 00B1:PR 00B4:BB 00BF:OP 02C8:BB
02CC:BB 02DF:BB 034F:GL 035C-0362:GL 037E:IS 0589:IS 058A:BA 058F:PR 05BE:BA 05C6:EX
0600-0605:AL 0609-060B:PO 060C-060D:IS 061B:EX 061D-061F:EX 066A:PO 066B-066C:NU 06D4:EX
06DD:AL 070F:AL 07F8:IS 07F9:EX 07FE-07FF:PR 0890-0891:AL 08E2:AL 0964-0965:BA
09F2-09F3:PO 09F9:PO 09FB:PR 0AF1:PR 0BF9:PR 0C77:BB 0C84:BB 0D79:PO 0E3F:PR
0E5A-0E5B:BA 0F01-0F04:BB 0F06-0F07:BB 0F08:GL 0F09-0F0A:BB 0F0B:BA 0F0C:GL 0F0D-0F11:EX
0F12:GL 0F14:EX 0F34:BA 0F7F:BA 0F85:BA 0FBE-0FBF:BA 0FD0-0FD1:BB 0FD2:BA 0FD3:BB
0FD9-0FDA:GL 104A-104B:BA 1361:BA 1400:BA 1680:BA 16EB-16ED:BA 1735-1736:BA 17D4-17D5:BA
17D6:NS 17D8:BA 17DA:BA 17DB:PR 1802-1803:EX 1804-1805:BA 1806:BB 1808-1809:EX 180E:GL
1944-1945:EX 1A7F:CM 1B5A-1B5B:BA 1B5D-1B60:BA 1B7D-1B7E:BA 1C3B-1C3F:BA 1C7E-1C7F:BA
1FFD:BB 2000-2006:BA 2007:GL 2008-200A:BA 200B:ZW 200D:ZWJ 2010:BA 2011:GL 2012-2013:BA
2014:B2 2024-2026:IN 2027:BA 2028-2029:BK 202F:GL 2030-2037:PO 203C-203D:NS 2044:IS
2047-2049:NS 2056:BA 2058-205B:BA 205D-205F:BA 2060:WJ 2061-2064:AL 20A0-20A6:PR 20A7:PO
20A8-20B5:PR 20B6:PO 20B7-20BA:PR 20BB:PO 20BC-20BD:PR 20BE:PO 20BF:PR 20C0:PO
20C1-20CF:PR 2103:PO 2109:PO 2116:PR 2212-2213:PR 22EF:IN 23E9-23EC:AL 23F1-23F2:ID
25FD-25FE:AL 2600-2603:ID 2618:ID 261A-261C:ID 261D:EB 261E-261F:ID 2639-263B:ID
2648-2653:AL 2668:ID 2693:AL 26A1:AL 26AA-26AB:AL 26BF-26C3:ID 26C6-26C8:ID 26CD:ID
26CE:AL 26CF-26D1:ID 26D3:ID 26D8-26D9:ID 26DC:ID 26DF-26E1:ID 26F1:ID 26F4:ID
26F7-26F8:ID 26F9:EB 26FE-2704:ID 2705:AL 2708-2709:ID 270A-270D:EB 2728:AL 274C:AL
274E:AL 2753-2755:AL 2757:AL 275B-2760:QU 2762-2763:EX 2764:ID 2795-2797:AL 27B0:AL
27BF:AL 2B1B-2B1C:AL 2B50:AL 2B55:AL 2CF9:EX 2CFA-2CFC:BA 2CFE:EX 2CFF:BA 2D70:BA
2E00-2E01:QU 2E06-2E08:QU 2E0B:QU 2E0E-2E15:BA 2E17:BA 2E18:OP 2E19:BA 2E2A-2E2D:BA
2E2E:EX 2E30-2E31:BA 2E33-2E34:BA 2E3A-2E3B:B2 2E3C-2E3E:BA 2E40-2E41:BA 2E43-2E4A:BA
2E4C:BA 2E4E-2E4F:BA 2E53-2E54:EX 2E5D:BA 3000:BA 3001-3002:CL 3005:NS 301C:NS 3035:CM
303B-303C:NS 303F:ID 3041:NS 3043:NS 3045:NS 3047:NS 3049:NS 3063:NS 3083:NS 3085:NS
3087:NS 308E:NS 3095-3096:NS 309B-309E:NS 30A0-30A1:NS 30A3:NS 30A5:NS 30A7:NS 30A9:NS
30C3:NS 30E3:NS 30E5:NS 30E7:NS 30EE:NS 30F5-30F6:NS 30FB-30FE:NS 31F0-31FF:NS A015:NS
A4FE-A4FF:BA A60D:BA A60E:EX A60F:BA A6F3-A6F7:BA A838:PO A874-A875:BB A876-A877:EX
A8CE-A8CF:BA A8FC:BB A92E-A92F:BA A9C7-A9C9:BA AA5D-AA5F:BA AAF0-AAF1:BA ABEB:BA FDFC:PO
FE10:IS FE11-FE12:CL FE13-FE14:IS FE15-FE16:EX FE19:IN FE50:CL FE52:CL FE54-FE55:NS
FE56-FE57:EX FE69:PR FE6A:PO FEFF:WJ FF01:EX FF04:PR FF05:PO FF0C:CL FF0E:CL
FF10-FF19:ID FF1A-FF1B:NS FF1F:EX FF61:CL FF62:OPW FF64:CL FF65:NS FF66:ID FF67-FF70:NS
FF71-FF9D:ID FF9E-FF9F:NS FFA0-FFBE:ID FFC2-FFC7:ID FFCA-FFCF:ID FFD2-FFD7:ID
FFDA-FFDC:ID FFE0:PO FFE1:PR FFE5-FFE6:PR FFFC:ID 1F1E6-1F1FF:RI 1F3FB-1F3FF:EM
"""


def _parse_exceptions(text: str) -> tuple[list[int], list[int], list[int]]:
    starts, ends, classes = [], [], []
    for item in text.split():
        span, _, name = item.partition(":")
        first, _, last = span.partition("-")
        starts.append(int(first, 16))
        ends.append(int(last or first, 16))
        classes.append(_CLASS[name])
    return starts, ends, classes


_EXCEPTION_STARTS, _EXCEPTION_ENDS, _EXCEPTION_CLASSES = _parse_exceptions(_EXCEPTIONS)
