#!/usr/bin/env python3
"""Regenerate the bundled Simplified-Chinese font subset for coolplan.

Source: Debian package `fonts-noto-cjk` (Noto Sans CJK, SIL OFL 1.1),
face "Noto Sans CJK SC" = index 2 of NotoSansCJK-{Regular,Bold}.ttc.

Usage (needs `pip install fonttools brotli`):
    python3 make_subset.py            # Regular -> NotoSansSC-coolplan.otf
    python3 make_subset.py --bold     # Bold    -> NotoSansSC-coolplan-Bold.otf
"""
import argparse
import os
import sys

from fontTools import subset
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTCollection, TTFont


HERE = os.path.dirname(os.path.abspath(__file__))
TTC_DIR = "/usr/share/fonts/opentype/noto"
SC_NAME = "Noto Sans CJK SC"


def gb2312_hanzi():
    """All GB2312 level-1 and level-2 hanzi: rows 0xB0-0xF7, cells 0xA1-0xFE."""
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # 0xD7FA-0xD7FE are unassigned
    return out


def gb2312_symbols():
    """GB2312 symbol rows 1-3 (0xA1-0xA3: punctuation, ①②, Ⅰ, full-width ASCII)
    and row 6 (0xA6: Greek). Box drawing (row 9) is deliberately left out."""
    out = []
    for hi in (0xA1, 0xA2, 0xA3, 0xA6):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement
    (0x0391, 0x03C9),  # basic Greek (Δ ρ Ω µ ...)
    (0x2000, 0x206F),  # general punctuation (– — … ‰ ′ ″ ‹ ›)
    (0x2070, 0x209F),  # super/subscripts (₂ ...)
    (0x20AC, 0x20AC),  # €
    (0x2100, 0x214F),  # letterlike (℃ ℉ № ™ Ω)
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ ...)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # math operators (± × ÷ √ ∑ ≈ ≤ ≥ ...)
    (0x2460, 0x24FF),  # enclosed alphanumerics (① ②)
    (0x25A0, 0x25FF),  # geometric shapes (■ □ ▲ ● ○)
    (0x3000, 0x303F),  # CJK symbols & punctuation (、。「」《》【】)
    (0xFF00, 0xFFEF),  # half-/full-width forms
    (0xFFFD, 0xFFFD),  # replacement character
    # Every CJK Unified Ideograph that GBK encodes (U+4E00-U+9FA5, 20,902 hanzi): GB2312
    # alone misses common names such as 昇 (昇腾, Ascend) and 鲲/鹏 variants.
    (0x4E00, 0x9FA5),
]
EXTRA = "℃°²³·±×÷≤≥≈→‹›«»–—…′″µΩ₂€¥£$‰√∑Δρ"


def codepoints():
    cps = set()
    for a, b in RANGES:
        cps.update(range(a, b + 1))
    cps.update(ord(c) for c in EXTRA)
    cps.update(ord(c) for c in gb2312_hanzi())
    cps.update(ord(c) for c in gb2312_symbols())
    return sorted(cps)


def sc_index(ttc_path):
    """Index of the 'Noto Sans CJK SC' face inside the collection."""
    for i, f in enumerate(TTCollection(ttc_path).fonts):
        if f["name"].getDebugName(1) == SC_NAME:
            return i
    sys.exit(f"{SC_NAME!r} not found in {ttc_path}")


# Noto Sans CJK has only ¹²³⁴ of the super/subscript digits. The missing ones
# (⁰⁵⁶⁷⁸⁹ and ₀-₉, e.g. for "CO₂", "10⁶") are synthesised from the font's own
# digits, scaled by the same factor as its existing "²" (0.6, advance 411).
SCRIPT_SCALE = 0.6
SCRIPT_ADVANCE = 411
SUPER_SHIFT = 441   # baseline shift of the font's own ² (bbox y 441..891)
SUB_SHIFT = -110    # subscripts hang slightly below the baseline
SUPERS = {0x2070: "0", 0x2075: "5", 0x2076: "6", 0x2077: "7", 0x2078: "8", 0x2079: "9"}
SUBS = {0x2080 + d: str(d) for d in range(10)}


def add_script_digits(path):
    font = TTFont(path)
    cmap = font.getBestCmap()
    glyphset = font.getGlyphSet()
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    charstrings = top.CharStrings
    order = list(font.getGlyphOrder())
    next_cid = max(int(n[3:]) for n in order if n.startswith("cid")) + 1
    vorg_default = font["VORG"].defaultVertOriginY if "VORG" in font else 880
    added = []
    for cp, digit in sorted({**SUPERS, **SUBS}.items()):
        if cp in cmap:
            continue
        src = cmap[ord(digit)]
        bp = BoundsPen(glyphset)
        glyphset[src].draw(bp)
        xmin, ymin, xmax, ymax = bp.bounds
        dx = (SCRIPT_ADVANCE - SCRIPT_SCALE * (xmax - xmin)) / 2 - SCRIPT_SCALE * xmin
        dy = SUPER_SHIFT if cp in SUPERS else SUB_SHIFT
        fd_index = top.FDSelect[font.getGlyphID(src)]
        private = top.FDArray[fd_index].Private
        width = SCRIPT_ADVANCE - private.nominalWidthX
        pen = T2CharStringPen(width, None)
        glyphset[src].draw(TransformPen(pen, (SCRIPT_SCALE, 0, 0, SCRIPT_SCALE, dx, dy)))
        cs = pen.getCharString(private=private, globalSubrs=cff.GlobalSubrs)
        name = f"cid{next_cid:05d}"
        next_cid += 1
        charstrings.charStringsIndex.append(cs)
        charstrings.charStrings[name] = len(charstrings.charStringsIndex) - 1
        top.charset.append(name)
        top.FDSelect.append(fd_index)
        order.append(name)
        lsb = round(SCRIPT_SCALE * xmin + dx)
        top_y = round(SCRIPT_SCALE * ymax + dy)
        font["hmtx"].metrics[name] = (SCRIPT_ADVANCE, lsb)
        if "vmtx" in font:
            font["vmtx"].metrics[name] = (1000, vorg_default - top_y)
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[cp] = name
        added.append(chr(cp))
    font.setGlyphOrder(order)
    font.recalcTimestamp = False  # keep upstream head.modified: reproducible output
    font.save(path)
    print("synthesised:", "".join(added))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bold", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()

    style = "Bold" if args.bold else "Regular"
    ttc = os.path.join(TTC_DIR, f"NotoSansCJK-{style}.ttc")
    out = args.out or os.path.join(
        HERE, "NotoSansSC-coolplan" + ("-Bold" if args.bold else "") + ".otf")
    cps = codepoints()
    unicodes_file = "/tmp/coolplan-subset-unicodes.txt"
    with open(unicodes_file, "w") as f:
        f.write("\n".join(f"U+{c:04X}" for c in cps) + "\n")
    print(f"{len(gb2312_hanzi())} GB2312 hanzi, {len(cps)} code points in total")

    # Equivalent to:
    # pyftsubset NotoSansCJK-Regular.ttc --font-number=2 \
    #   --unicodes-file=/tmp/coolplan-subset-unicodes.txt --no-hinting \
    #   --layout-features=ccmp,liga,kern,mark,mkmk,palt,halt \
    #   --name-IDs='*' --name-languages='*' --output-file=NotoSansSC-coolplan.otf
    # Only horizontal-text features are kept: '*' (vert, locl JP/KR/TC forms,
    # aalt, fwid/hwid ...) nearly doubles the glyph count and the file size.
    subset.main([
        ttc,
        f"--font-number={sc_index(ttc)}",
        f"--unicodes-file={unicodes_file}",
        "--no-hinting",
        "--layout-features=ccmp,liga,kern,mark,mkmk,palt,halt",
        "--name-IDs=*",
        "--name-languages=*",
        f"--output-file={out}",
    ])
    add_script_digits(out)
    print(f"wrote {out}: {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
