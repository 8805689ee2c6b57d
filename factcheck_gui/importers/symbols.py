"""Characters of legacy symbol fonts (Word's "Insert Symbol") → the Unicode a reader sees.

Word stores a character from a symbol font as ``<w:sym w:font="Symbol" w:char="F0B0"/>``: the
code is the font's byte plus 0xF000 (a private-use code point that means nothing outside that
font), sometimes the bare byte. Python has no codec for these fonts, so the tables are here:

- Symbol: the whole printable Adobe Symbol encoding (0x20–0x7E, 0xA0–0xFE), after the Unicode
  consortium's ``VENDORS/ADOBE/symbol.txt``, with real Unicode characters where that table uses
  private-use ones (bracket pieces, sans-serif ©®™, the arrow and radical extenders).
- Wingdings: the characters that can carry meaning in a story (check marks and ballot boxes,
  circled numbers, bullets, arrows, telephone, envelope, hands, zodiac signs); the pictures that
  have no agreed Unicode counterpart are not guessed.

Anything else becomes U+FFFD (�) when it cannot be read for sure — a code of a known symbol font
that its table does not hold (or of a picture font without a table: Webdings, Wingdings 2 and 3,
Zapf Dingbats …), a private-use or control code of any font — so the reader of the comparison
sees that a symbol stood there and can look it up in the original, rather than losing it
silently or being shown a wrong character. A code of another font that is a real Unicode
character (``w:font="Arial" w:char="2264"``) is that character.
"""

from __future__ import annotations

import unicodedata

UNKNOWN_SYMBOL = "\ufffd"

# Adobe Symbol encoding: byte → Unicode (0x20–0x7E, then 0xA0–0xFE; 0x7F–0x9F and 0xF0 are unused)
_SYMBOL_LOW = (
    # 0x20–0x3F
    " !\u2200#\u2203%&\u220b()\u2217+,\u2212./0123456789:;<=>?"
    # 0x40–0x4F
    "\u2245\u0391\u0392\u03a7\u0394\u0395\u03a6\u0393\u0397\u0399\u03d1\u039a\u039b\u039c\u039d\u039f"
    # 0x50–0x5F
    "\u03a0\u0398\u03a1\u03a3\u03a4\u03a5\u03c2\u03a9\u039e\u03a8\u0396[\u2234]\u22a5_"
    # 0x60–0x6F
    "\u203e\u03b1\u03b2\u03c7\u03b4\u03b5\u03c6\u03b3\u03b7\u03b9\u03d5\u03ba\u03bb\u03bc\u03bd\u03bf"
    # 0x70–0x7E
    "\u03c0\u03b8\u03c1\u03c3\u03c4\u03c5\u03d6\u03c9\u03be\u03c8\u03b6{|}\u223c"
)
_SYMBOL_HIGH = (
    # 0xA0–0xAF
    "\u20ac\u03d2\u2032\u2264\u2044\u221e\u0192\u2663\u2666\u2665\u2660\u2194\u2190\u2191\u2192\u2193"
    # 0xB0–0xBF
    "\u00b0\u00b1\u2033\u2265\u00d7\u221d\u2202\u2022\u00f7\u2260\u2261\u2248\u2026\u23d0\u23af\u21b5"
    # 0xC0–0xCF
    "\u2135\u2111\u211c\u2118\u2297\u2295\u2205\u2229\u222a\u2283\u2287\u2284\u2282\u2286\u2208\u2209"
    # 0xD0–0xDF
    "\u2220\u2207\u00ae\u00a9\u2122\u220f\u221a\u22c5\u00ac\u2227\u2228\u21d4\u21d0\u21d1\u21d2\u21d3"
    # 0xE0–0xEF
    "\u25ca\u2329\u00ae\u00a9\u2122\u2211\u239b\u239c\u239d\u23a1\u23a2\u23a3\u23a7\u23a8\u23a9\u23aa"
    # 0xF0–0xFE
    "\x00\u232a\u222b\u2320\u23ae\u2321\u239e\u239f\u23a0\u23a4\u23a5\u23a6\u23ab\u23ac\u23ad"
)
SYMBOL: dict[int, str] = {
    **{0x20 + i: c for i, c in enumerate(_SYMBOL_LOW)},
    **{0xA0 + i: c for i, c in enumerate(_SYMBOL_HIGH) if c != "\x00"},
}

WINGDINGS: dict[int, str] = {
    0x20: " ",
    0x22: "\u2702",  # scissors
    0x28: "\u260e",  # telephone
    0x29: "\u2706",  # telephone location sign
    0x2A: "\u2709",  # envelope
    0x36: "\u231b",  # hourglass
    0x37: "\u2328",  # keyboard
    0x3F: "\u270d",  # writing hand
    0x41: "\u270c",  # victory hand
    0x43: "\U0001f44d",  # thumbs up
    0x44: "\U0001f44e",  # thumbs down
    0x45: "\u261c",  # pointing hands: left, right, up, down
    0x46: "\u261e",
    0x47: "\u261d",
    0x48: "\u261f",
    0x4A: "\u263a",  # smiling face
    0x4C: "\u2639",  # frowning face
    0x4E: "\u2620",  # skull and crossbones
    0x51: "\u2708",  # aeroplane
    0x52: "\u263c",  # sun
    0x54: "\u2744",  # snowflake
    0x58: "\u2720",  # Maltese cross
    0x59: "\u2721",  # star of David
    0x5A: "\u262a",  # star and crescent
    0x5B: "\u262f",  # yin yang
    0x5D: "\u2638",  # wheel of dharma
    **{0x5E + i: chr(0x2648 + i) for i in range(12)},  # zodiac ♈ … ♓
    0x6C: "\u25cf",  # black circle
    0x6E: "\u25a0",  # black square
    0x6F: "\u25a1",  # white square (an empty check box)
    0x71: "\u2751",
    0x72: "\u2752",
    0x75: "\u25c6",  # black diamond
    0x76: "\u2756",
    0x80: "\u24ea",  # circled digit zero
    **{0x81 + i: chr(0x2460 + i) for i in range(10)},  # ① … ⑩
    0x8B: "\u24ff",  # negative circled digit zero
    **{0x8C + i: chr(0x2776 + i) for i in range(10)},  # ❶ … ❿
    0x9F: "\u2022",  # bullet
    0xA7: "\u25aa",  # small black square
    0xA8: "\u25fb",  # white medium square
    0xAB: "\u2605",  # black star
    0xD8: "\u27a2",  # arrowhead bullet
    0xEF: "\u21e6",  # white arrows: left, right, up, down
    0xF0: "\u21e8",
    0xF1: "\u21e7",
    0xF2: "\u21e9",
    0xFB: "\u2717",  # ballot X
    0xFC: "\u2714",  # heavy check mark
    0xFD: "\u2612",  # ballot box with X
    0xFE: "\u2611",  # ballot box with check
}

# Other picture fonts: their codes are never the letters they share a byte with.
_NO_TABLE = (
    "webdings",
    "wingdings 2",
    "wingdings 3",
    "zapf dingbats",
    "itc zapf dingbats",
    "zapfdingbats",
    "mt extra",
    "marlett",
    "ms outlook",
    "bookshelf symbol 7",
    "ms reference specialty",
)
_FONTS: dict[str, dict[int, str]] = {
    "symbol": SYMBOL,
    "wingdings": WINGDINGS,
    **{name: {} for name in _NO_TABLE},
}


def symbol_table(font: str) -> dict[int, str] | None:
    """The table of a symbol font by its name as Word writes it (any case), or None."""
    return _FONTS.get(font.strip().lower())


def symbol_char(font: str, code: int) -> str:
    """The Unicode text of character ``code`` of ``font`` (see module doc for the fallback)."""
    table = symbol_table(font)
    if table is not None:
        byte = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
        if byte <= 0xFF:
            return table.get(byte, UNKNOWN_SYMBOL)
    if not 0x20 <= code <= 0x10FFFF:
        return UNKNOWN_SYMBOL
    char = chr(code)
    # control, surrogate, private-use or unassigned: nothing a reader could be shown
    return UNKNOWN_SYMBOL if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") else char
