#!/usr/bin/env python3
"""Writes Tests/Fixtures/toml: TOML documents and what Python's tomllib makes of them.

gruscope reads every TOML file (catalogues, themes, lessons, session files, example models)
with its own parser, Sources/Localization/TOMLParser.swift. Tests/LocalizationTests/
TOMLConformanceTests.swift reads each document here with it and compares:

  valid/NAME.toml    + valid/NAME.json: tomllib's result, every value tagged with its type
                       ({"type": "integer", "value": "3"}, as toml-test writes them);
  invalid/NAME.toml: tomllib refuses it, and gruscope must too.

The documents are below, one per rule of TOML 1.0 (https://toml.io/en/v1.0.0). Each is sent
through tomllib here: a document listed as valid that tomllib refuses (or the reverse) stops
the script, so the fixtures say what the reference reader does, not what we expect it to.

gruscope differs from tomllib on purpose in three ways, tested in TOMLConformanceTests
itself: it refuses integers outside 64 bits (as TOML 1.0 asks; tomllib keeps Python's big
integers), refuses lists and tables nested deeper than TOMLParser.deepestNesting (tomllib
recurses until Python's stack runs out), and skips a byte-order mark at the start.

Run: python3 scripts/make-toml-fixtures.py   (Python 3.11 or later, for tomllib)
"""
import datetime
import json
import math
import os
import shutil
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "toml")

VALID = {
    "empty": "",
    "comment-only": "# just a comment\n\n   # another\t\n",
    "bare-keys": "key = 1\nbare_key = 2\nbare-key = 3\n1234 = 4\n-_- = 5\n",
    "quoted-keys": '"127.0.0.1" = "value"\n"character encoding" = "v"\n"ʎǝʞ" = "v"\n\'key2\' = "v"\n\'quoted "value"\' = "v"\n"" = "empty"\n',
    "dotted-keys": 'name = "Orange"\nphysical.color = "orange"\nphysical.shape = "round"\nsite."google.com" = true\n',
    "dotted-spaces": 'fruit . color = "yellow"\nfruit.flavor   =   "banana"\n',
    "dotted-same-section": "apple.type = \"fruit\"\norange.type = \"fruit\"\napple.skin = \"thin\"\norange.skin = \"thick\"\n",
    "numeric-dotted-key": "3.14159 = \"pi\"\n",
    "basic-string-escapes": r'a = "I\'m a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF."' .replace("\\'", "'") + "\n"
        + r'b = "\b\t\n\f\r\"\\ \u0041 \U0001F600"' + "\n",
    "literal-strings": "winpath = 'C:\\Users\\nodejs\\templates'\nquoted = 'Tom \"Dubs\" Preston-Werner'\nregex = '<\\i\\c*\\s*>'\n",
    "multiline-basic": 'str1 = """\nRoses are red\nViolets are blue"""\n',
    "multiline-basic-backslash": 'str2 = """\nThe quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog."""\nstr3 = """\\\n       The quick brown \\\n       fox jumps over \\\n       the lazy dog.\\\n       """\n',
    "multiline-basic-backslash-spaces": 'a = """x \\   \n   y"""\n',
    "multiline-basic-quotes": 'str4 = """Here are two quotation marks: "". Simple enough."""\nstr5 = """Here are three quotation marks: ""\\"."""\nstr7 = """"This," she said, "is just a pointless statement.""""\n',
    "multiline-literal": "regex2 = '''I [dw]on't need \\d{2} apples'''\nlines = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''\n",
    "multiline-literal-quotes": "quot15 = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''\nstr = ''''That,' she said, 'is still pointless.''''\n",
    "multiline-crlf": 'a = """\r\nline one\r\nline two"""\r\nb = 1\r\n',
    "tab-in-strings": 'a = "x\ty"\nb = \'x\ty\'\nc = """x\ty"""\n',
    "unicode-in-strings": 'a = "中文 h̃ h′ ▁▂█ 👩‍👩‍👧"\nb = \'é\'\n# 注释 comment\n',
    "integers": "int1 = +99\nint2 = 42\nint3 = 0\nint4 = -17\nint5 = 1_000\nint6 = 5_349_221\nint7 = 53_49_221\nint8 = 1_2_3_4_5\nzero = -0\nplus_zero = +0\n",
    "integer-bounds": "max = 9223372036854775807\nmin = -9223372036854775808\n",
    "integers-radix": "hex1 = 0xDEADBEEF\nhex2 = 0xdeadbeef\nhex3 = 0xdead_beef\noct1 = 0o01234567\noct2 = 0o755\nbin1 = 0b11010110\nzeros = 0x00\n",
    "floats": "flt1 = +1.0\nflt2 = 3.1415\nflt3 = -0.01\nflt4 = 5e+22\nflt5 = 1e06\nflt6 = -2E-2\nflt7 = 6.626e-34\nflt8 = 224_617.445_991_228\nflt9 = -0.0\nflt10 = +0.0\nflt11 = 1e400\nflt12 = 0e0\n",
    "floats-special": "sf1 = inf\nsf2 = +inf\nsf3 = -inf\nsf4 = nan\nsf5 = +nan\nsf6 = -nan\n",
    "booleans": "bool1 = true\nbool2 = false\n",
    "datetimes": "odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z\nldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999999\nld1 = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.999999\nlower = 1979-05-27t07:32:00z\nleap = 2000-02-29\n",
    "arrays": 'integers = [ 1, 2, 3 ]\ncolors = [ "red", "yellow", "green" ]\nnested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]\nnested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]\nstring_array = [ "all", \'strings\', """are the same""", \'\'\'type\'\'\' ]\nnumbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]\ncontributors = [\n  "Foo Bar <foo@example.com>",\n  { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }\n]\nempty = []\nempty2 = [ ]\n',
    "array-multiline-comments": "integers2 = [\n  1, 2, 3\n]\nintegers3 = [\n  1,\n  2, # this is ok\n]\nx = [ # comment\n  [ # inner\n    1 ] , # after\n  # alone\n]\n",
    "array-trailing-comma": "a = [1,2,]\nb = [\n1,\n2,\n]\n",
    "inline-tables": 'name = { first = "Tom", last = "Preston-Werner" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = "pug" }\nempty = {}\nempty2 = { }\nnested = { a = { b = { c = 1 } }, d = [ { e = 2 } ] }\n',
    "inline-table-dotted": "a = { b.c = 1, b.d = 2 }\n",
    "tables": '[table-1]\nkey1 = "some string"\nkey2 = 123\n\n[table-2]\nkey1 = "another string"\nkey2 = 456\n',
    "table-headers-spaces": '[dog."tater.man"]\ntype.name = "pug"\n[ j . "ʞ" . \'l\' ]\n[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n',
    "table-implicit-then-explicit": "[x.y.z.w]\n[x]\n",
    "table-super-after": "# [x] you\n# [x.y] don't\n# [x.y.z] need these\n[x.y.z.w] # for this to work\n[x] # defining a super-table afterward is ok\n",
    "table-subtable-of-dotted": '[fruit]\napple.color = "red"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n',
    "table-dotted-into-implicit": "[a.b.c]\n[a]\nb.d = 1\n",
    "table-empty-names": '[""]\na = 1\n["".""]\nb = 2\n',
    "root-dotted-then-table": 'fruit.apple.color = "red"\n[other]\nx = 1\n',
    "array-of-tables": '[[products]]\nname = "Hammer"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = "Nail"\nsku = 284758393\n\ncolor = "gray"\n',
    "array-of-tables-nested": '[[fruits]]\nname = "apple"\n\n[fruits.physical]  # subtable\ncolor = "red"\nshape = "round"\n\n[[fruits.varieties]]  # nested array of tables\nname = "red delicious"\n\n[[fruits.varieties]]\nname = "granny smith"\n\n[[fruits]]\nname = "banana"\n\n[[fruits.varieties]]\nname = "plantain"\n',
    "array-of-tables-spaces": "[[ a . b ]]\nx = 1\n[[ a.b ]]\nx = 2\n",
    "keys-like-values": "true = 1\nfalse = 2\ninf = 3\nnan = 4\n1979-05-27 = 5\n0x1 = 6\n",
    "whitespace": "\t a\t=\t1 \t\n   [t]  \n\tb=2",
    "crlf": "a = 1\r\n[t]\r\nb = \"x\"\r\n# c\r\n",
    "no-final-newline": "a = 1",
    "comment-after-values": 'a = 1 # one\nb = "x" # two\nc = [1] # three\n[t] # four\n',
    "deep-nesting": "a = " + "[" * 40 + "]" * 40 + "\n",
    "theme-like": '# A theme\nname = "demo"\ndescription = "Demo — a theme"\nappearance = "dark"\n[palette]\nink = "#101010"\n[roles]\n"gate.r" = { fg = "ink", attributes = ["bold", "underline"] }\nstatus = { fg = "#ffffff", bg = 4 }\n',
    "lesson-like": 'name = "x"\nnumber = 1\ntitle.en = "T"\ntitle.zh = "标题"\n[[step]]\nrun = ["seed 2017", "scene seed-doc"]\nen = """z is {z[4]}\nand more"""\nzh = \'z 是 {z[4]}\'\n[[step]]\nen = "b"\nzh = "c"\n',
}

INVALID = {
    "bare-key-non-ascii": "中 = 1\n",
    "header-non-ascii": "[中]\n",
    "header-empty": "[]\n",
    "header-hash": "[# drawing code\n",
    "header-equals": "[=\n",
    "header-dot-first": "[.a]\n",
    "header-open": "[\n",
    "header-unclosed": "[a\n",
    "header-triple": "[[[1]]]\n",
    "header-list-unclosed": "[[a]\n",
    "header-then-text": "[a] b = 1\n",
    "header-trailing-dot": "[a.]\n",
    "header-double-dot": "[a..b]\n",
    "key-no-value": "a =\n",
    "key-no-equals": "a 1\n",
    "key-only": "a\n",
    "key-empty-bare": "= 1\n",
    "key-space-inside": "a b = 1\n",
    "key-multiline-string": '"""a""" = 1\n',
    "key-trailing-dot": "a. = 1\n",
    "key-defined-twice": "a = 1\na = 2\n",
    "key-twice-quoted": 'spelling = "favorite"\n"spelling" = "favourite"\n',
    "dotted-over-value": 'fruit.apple = 1\nfruit.apple.smooth = true\n',
    "dotted-redefines-table": "[fruit.apple]\n[fruit]\napple.color = \"red\"\n",
    "dotted-other-section": "a.b = 1\n[c]\n[a]\n",
    "dotted-extends-header-table": "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n",
    "table-defined-twice": "[fruit]\napple = \"red\"\n[fruit]\norange = \"orange\"\n",
    "table-over-value": "[fruit]\napple = \"red\"\n[fruit.apple]\ntexture = \"smooth\"\n",
    "table-over-dotted": '[fruit]\napple.color = "red"\n[fruit.apple]\n',
    "table-over-dotted-deeper": '[fruit]\napple.taste.sweet = true\n[fruit.apple.taste]\n',
    "table-over-inline": "a = {}\n[a]\n",
    "table-into-inline": "a = { b = 1 }\n[a.c]\n",
    "table-over-array-of-tables": "[[a]]\n[a]\n",
    "array-of-tables-over-table": "[a]\n[[a]]\n",
    "array-of-tables-over-array": "a = [1]\n[[a]]\n",
    "array-of-tables-over-value": "a = 1\n[[a]]\n",
    "inline-extended-by-dotted": 'type = { name = "Nail" }\ntype.edible = false\n',
    "inline-newline": "a = { b = 1,\n c = 2 }\n",
    "inline-trailing-comma": "a = { b = 1, }\n",
    "inline-unclosed": "a = { b = 1\n",
    "inline-double-comma": "a = { b = 1,, c = 2 }\n",
    "inline-key-twice": "a = { b = 1, b = 2 }\n",
    "inline-dotted-over-value": "a = { b = 1, b.c = 2 }\n",
    "array-unclosed": "a = [1, 2\n",
    "array-brace": "a = [}\n",
    "array-brace-after-comma": "a = [1, }\n",
    "array-brace-after-comment": "a = [ # c\n}\n",
    "array-brace-in-inline": 'a = { b = ["x",\n\t} }\n',
    "array-double-comma": "a = [1,,2]\n",
    "array-leading-comma": "a = [,1]\n",
    "array-no-comma": "a = [1 2]\n",
    "string-unclosed": 'a = "abc\n',
    "string-newline": 'a = "ab\ncd"\n',
    "string-bad-escape": 'a = "\\q"\n',
    "string-escape-e": 'a = "\\e"\n',
    "string-short-unicode": 'a = "\\u12"\n',
    "string-surrogate": 'a = "\\uD800"\n',
    "string-too-big-scalar": 'a = "\\U00110000"\n',
    "string-control": 'a = "\x01"\n',
    "string-del": 'a = "\x7f"\n',
    "literal-unclosed": "a = 'abc\n",
    "literal-control": "a = 'a\x01'\n",
    "multiline-unclosed": 'a = """abc\n',
    "multiline-six-quotes": 'a = """a""""""\n',
    "multiline-literal-unclosed": "a = '''abc\n",
    "multiline-control": 'a = """\x01"""\n',
    "multiline-lone-cr": 'a = """a\rb"""\n',
    "comment-control": "# a\x01b\n",
    "comment-del": "# a\x7fb\n",
    "lone-cr": "a = 1\rb = 2\n",
    "nul-in-value": "a = 1\x00\n",
    "int-leading-zero": "a = 01\n",
    "int-double-underscore": "a = 1__2\n",
    "int-leading-underscore": "a = _1\n",
    "int-trailing-underscore": "a = 1_\n",
    "int-signed-hex": "a = +0x1\n",
    "int-hex-empty": "a = 0x\n",
    "int-hex-underscore-first": "a = 0x_1\n",
    "int-bad-octal": "a = 0o8\n",
    "int-bad-binary": "a = 0b2\n",
    "int-capital-x": "a = 0X1\n",
    "float-no-fraction": "a = 1.\n",
    "float-no-integer": "a = .1\n",
    "float-leading-zero": "a = 01.5\n",
    "float-exponent-empty": "a = 1e\n",
    "float-exponent-sign-only": "a = 1e+\n",
    "float-dot-after-exponent": "a = 1e5.0\n",
    "float-underscore-dot": "a = 1_.0\n",
    "float-infinity-word": "a = infinity\n",
    "float-capital-inf": "a = Inf\n",
    "float-nan-digits": "a = nan1\n",
    "bool-capital": "a = True\n",
    "bool-prefix": "a = tru\n",
    "bool-suffix": "a = truee\n",
    "value-bare-word": "a = hello\n",
    "value-at": "a = @\n",
    "date-lone-digit": "a = 2020-01-01 1\n",
    "date-lone-digit-list": "a = [2020-01-01 1]\n",
    "date-bad-month": "a = 2020-13-01\n",
    "date-bad-day": "a = 2021-02-29\n",
    "date-short-year": "a = 20-01-01\n",
    "time-bad-hour": "a = 24:00:00\n",
    "time-no-seconds": "a = 07:32\n",
    "time-empty-fraction": "a = 07:32:00.\n",
    "datetime-bad-offset": "a = 1979-05-27T07:32:00+7:00\n",
    "fuzz-date-key": "ff=4220-09-r= 2\n[igh.st.s]\n'; 00",
    "two-values": "a = 1 2\n",
    "two-keys-one-line": "a = 1 b = 2\n",
}


def tagged(value):
    """tomllib's value as toml-test writes one: every leaf tagged with its TOML type."""
    if isinstance(value, dict):
        return {key: tagged(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [tagged(inner) for inner in value]
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, int):
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        text = "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
        return {"type": "float", "value": text}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return {"type": "datetime", "value": value.isoformat()}
    raise TypeError(f"unexpected {type(value)}")


def write(folder, name, text):
    # newline="" keeps \r\n and lone \r as written.
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as file:
        file.write(text)


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    valid_dir, invalid_dir = os.path.join(OUT, "valid"), os.path.join(OUT, "invalid")
    os.makedirs(valid_dir)
    os.makedirs(invalid_dir)
    failures = []
    for name, text in VALID.items():
        try:
            result = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            failures.append(f"valid/{name}: tomllib refuses it: {error}")
            continue
        write(valid_dir, name + ".toml", text)
        write(valid_dir, name + ".json", json.dumps(tagged(result), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    for name, text in INVALID.items():
        try:
            tomllib.loads(text)
            failures.append(f"invalid/{name}: tomllib accepts it")
        except tomllib.TOMLDecodeError:
            write(invalid_dir, name + ".toml", text)
    if failures:
        sys.exit("\n".join(failures))
    print(f"wrote {len(VALID)} valid and {len(INVALID)} invalid documents to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
