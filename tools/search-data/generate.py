#!/usr/bin/env python3
"""Generates src/GovSite/Search/Data/{t2s,pinyin}.txt from the Unicode Han Database (Unihan).

Source: Debian's `unicode-data` package (apt-get install unicode-data), files
/usr/share/unicode/Unihan_Variants.txt.bz2 and Unihan_Readings.txt.bz2.
Licence: Unicode License v3 (https://www.unicode.org/license.txt), which permits redistribution
of derived data with the notice kept; see src/GovSite/Search/Data/README.md.

Run: python3 tools/search-data/generate.py   (the product reads only the generated files)
"""
import bz2, os, re, unicodedata

SRC = "/usr/share/unicode"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "GovSite", "Search", "Data")

def rows(name):
    with bz2.open(os.path.join(SRC, name), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t", 2)
            yield chr(int(cp[2:], 16)), field, value

def basic(ch):  # BMP CJK ideographs (URO + Extension A) cover everything on a government site
    return 0x3400 <= ord(ch) <= 0x9FFF

def toneless(s):
    s = s.replace("ü", "v").replace("Ü", "v")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return s.lower().replace("ü", "v")

t2s = {}
for ch, field, value in rows("Unihan_Variants.txt.bz2"):
    if field == "kSimplifiedVariant" and basic(ch):
        target = chr(int(value.split()[0][2:], 16))
        if target != ch and basic(target):
            t2s[ch] = target

readings = {}
order = {"kMandarin": 0, "kHanyuPinlu": 1, "kTGHZ2013": 2}
found = {}
for ch, field, value in rows("Unihan_Readings.txt.bz2"):
    if field in order and 0x4E00 <= ord(ch) <= 0x9FFF:
        if field == "kHanyuPinlu":
            vals = [re.sub(r"\(\d+\)", "", v) for v in value.split()]
        elif field == "kTGHZ2013":
            vals = [p.split(":")[1] for p in value.split()]
        else:
            vals = value.split()
        found.setdefault(ch, []).append((order[field], [toneless(v) for v in vals]))
for ch, lists in found.items():
    out = []
    for _, vals in sorted(lists):
        for v in vals:
            if v not in out:
                out.append(v)
    readings[ch] = out[:3]  # polyphones: the three commonest readings are enough for input matching

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "t2s.txt"), "w", encoding="utf-8") as f:
    f.write("# traditional->simplified pairs from Unihan kSimplifiedVariant (Unicode License v3)\n")
    for ch in sorted(t2s):
        f.write(ch + t2s[ch] + "\n")
with open(os.path.join(OUT, "pinyin.txt"), "w", encoding="utf-8") as f:
    f.write("# toneless Mandarin readings, commonest first, from Unihan kMandarin/kHanyuPinlu/kTGHZ2013 (Unicode License v3)\n")
    for ch in sorted(readings):
        f.write(ch + " " + ",".join(readings[ch]) + "\n")
print(len(t2s), "t2s pairs;", len(readings), "characters with readings")
