// Hand-written config files, one or more per configparser rule; shared by the differential test.

/** One hand-written case: a name saying which rule it exercises, and the file's bytes. */
export interface IniCase {
  name: string;
  bytes: Uint8Array;
}

/** Text and raw bytes joined into one file (text as UTF-8). */
export function joinBytes(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(
    parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))),
  );
}

const text: Record<string, string> = {
  // delimiters and names
  "equals delimiter": "[a]\nx=1\n",
  "colon delimiter": "[a]\nx:1\n",
  "first delimiter wins (= then :)": "[a]\nx = a:b\ny=1=2\n",
  "first delimiter wins (: then =)": "[a]\nx : a=b\n",
  "spaces around delimiter and in names": "[a]\nkey with  spaces   =   v  w  \n",
  "empty value": "[a]\nx=\ny =   \nz:\n",
  "nameless option (= value)": "[a]\n= x\n",
  "nameless option twice is a duplicate": "[a]\n= x\n= y\n",
  "nameless options in two sections": "[a]\n=x\n[b]\n: y\n",
  "bare delimiters": "[a]\n:\n",
  "option name lower-cased": "[a]\nDB_URL = x\nMixed_Case = y\n",
  "dotted capital I lower-cased as Python does": "[a]\nİ = 1\nx = %(İ)s\n",
  "final sigma": "[a]\nΣΑΣ = 1\nΣ = 2\nAΣ.B = 3\n",
  "capital sharp s and ligature": "[a]\nẞ=1\nﬀ=2\nＡＢ=3\n",
  "Kelvin sign duplicates k": "[a]\nk = 1\n\u212a = 2\n",
  "case duplicate": "[a]\nK = 1\nk = 2\n",
  "letters newer than Unicode 14 keep their case":
    "[a]\n\ua7cb = 1\n\u{10d50}\u03a3 = 2\n\u03a3\u{16ea0} = 3\n",
  "option line with leading indent, none open": "[a]\n   x = y\n",
  // section headers
  "header followed by text": "[a]b\nx=1\n",
  "empty header": "[]\nx=1\n",
  "empty header inside file": "[a]\nx=1\n[]\n",
  "header of one bracket": "[]]\nx=1\n",
  "header with spaces kept": "[ a ]\nx=1\n",
  "header then = text": "[a] = b\nx=1\n",
  "header up to last bracket": "[a] ; c]\nx=1\n[[b]]\ny=2\n",
  "indented header": "  [a]\nx=1\n",
  "unclosed header": "[a]\n[b\n",
  "duplicate section": "[a]\nx=1\n[b]\n[a]\n",
  "section names are case-sensitive": "[a]\nx=1\n[A]\nx=2\n",
  "DEFAULT twice is allowed": "[DEFAULT]\nx=1\n[DEFAULT]\ny=2\n[s]\n",
  "DEFAULT twice with the same option": "[DEFAULT]\nx=1\n[DEFAULT]\nX=2\n",
  "lower-case default is a section": "[default]\nx=1\n",
  "DEFAULT inherited and overridden": "[DEFAULT]\nroot=/srv\nx=d\n[s]\nx=s\n[t]\n",
  "header inside continuation": "[a]\nx=1\n  [b]\ny=2\n",
  // comments
  "comments anywhere": "# c\n  ; c2\n[a]\n#x=1\n  ;y=2\nz=1 # not a comment\n",
  "comment inside a multi-line value": "[a]\nx=1\n  # c\n  more\n#c\n  more2\n",
  "header with inline comment": "[a] ; c\nx=1\n",
  "comment does not add a blank line": "[a]\nx=1\n  #c\n\n  y\n",
  // blank lines, continuation, indentation
  "blank lines kept inside, dropped at end": "[a]\nx=1\n\n  y\n\n\n\nz=2\n\n",
  "value starting on the next line": "[a]\nx=\n  y\n  z\n",
  "only blank lines after empty value": "[a]\nx=\n\n\n",
  "tab continuation": "[a]\nx = 1\n\t\ty\n",
  "same indent is a new option": "[a]\n  x=1\n  y=2\n",
  "less indent without delimiter is bad": "[a]\n  x=1\n y\n",
  "continuation holding a delimiter": "[a]\nx=1\n    y=2\n",
  "no continuation right after a header": "[a]\n  x=1\n  y\n",
  "continuation after a bad line": "[a]\nx=1\nbad\n  cont\n\n  more\n",
  "bad line indented deeper than nothing": "[a]\n= x\n  y\n",
  "continuation of DEFAULT option": "[DEFAULT]\nx=1\n  2\n[s]\n",
  // missing section header
  "option before any section": "x=1\n[a]\n",
  "blank lines then option": "\n\n  \nx=1\n",
  "indented text before any section": "  x\n[a]\n",
  "BOM before first header": "\ufeff[a]\nx=1\n",
  "BOM on a blank first line": "\ufeff\n[a]\n",
  "BOM before a comment": "\ufeff# c\n[a]\n",
  "BOM inside a value is kept": "[a]\nx=\ufeffv\ufeff\n\ufeffy = 1\n",
  "empty file": "",
  "only comments": "# a\n; b\n",
  // malformed lines and strict errors together
  "several bad lines": "[a]\nbad\nx=1\nworse one\n\n[b]\n  third\n",
  "bad line then duplicate section": "[a]\nbad\n[a]\n",
  "bad line then duplicate option": "[a]\nbad\nx=1\nx=2\n",
  "bad line then blank lines": "[a]\nbad\n\n  \n",
  "bad line then missing header impossible": "[a]\nbad\n",
  // whitespace
  "Unicode spaces stripped": "[a]\n\u00a0x\u00a0=\u00a0v\u00a0\ny=\u3000v\u3000\nz=v\u001f\u2003\n",
  "unit separator as indentation": "[a]\nx=1\n\u001fy\n",
  "no-break space as indentation": "[a]\nx=1\n\u00a0y\n",
  "zero-width space is not whitespace": "[a]\nx=1\n\u200by\n",
  "whitespace-only name": "[a]\n\u00a0 = v\n",
  // line endings
  CRLF: "[a]\r\nx=1\r\n  y\r\n\r\nz=2\r\n",
  "CR only": "[a]\rx=1\rbad\r",
  "mixed CR CRLF LF": "[a]\r\nx=1\r\r\n  y\n\rbad\n",
  "U+2028 and U+2029": "[a]\u2028x=1\u2029bad\n",
  "VT FF FS GS RS NEL": "[a]\nx=1\x0cbad\x0bworse\x1cz=3\x1d\x1e\x85q=1",
  "unit separator is not a line break": "[a]\nx=1\x1fy\n",
  "no final newline": "[a]\nx=1",
  "LF CR": "[a]\n\rx=1\n\r",
  "line ends inside a value": "[a]\nx=1\x0b  y\u2028  z\n",
  // interpolation
  "percent escaped": "[a]\nx=100%%\ny=%%(x)s\n",
  reference: "[a]\nx=1\ny=%(x)s/%(X)s\n",
  "reference to DEFAULT": "[DEFAULT]\nroot=/srv\n[a]\npath=%(root)s/x\n",
  "DEFAULT reads the section's own values": "[DEFAULT]\nd=%(b)s\n[s]\nb=1\n[t]\n",
  "section overrides a referenced DEFAULT": "[DEFAULT]\nroot=/d\nx=%(root)s\n[s]\nroot=/s\n",
  "missing reference": "[a]\nx=%(nope)s\n",
  "bare percent": "[a]\nx=100%\n",
  "percent letter": "[a]\nx=%x\n",
  "percent d": "[a]\ny=1\nx=%(y)d\n",
  "unclosed reference": "[a]\nx=%(y\n",
  "empty reference": "[a]\nx=%()s\n",
  "percent in referenced value": "[a]\np=50%%\nq=%(p)s done\nr=%(bad)s\nbad=%z\n",
  "reference across lines": "[a]\nx=%(a\n  b)s\n",
  "self reference": "[a]\nx=%(x)s\n",
  "mutual references": "[a]\nx=%(y)s\ny=%(x)s\n",
  "depth 10 is fine":
    "[a]\nv0=%(v1)s\nv1=%(v2)s\nv2=%(v3)s\nv3=%(v4)s\nv4=%(v5)s\nv5=%(v6)s\nv6=%(v7)s\nv7=%(v8)s\nv8=%(v9)s\nv9=%%end\n",
  "depth 11 is too deep":
    "[a]\nv0=%(v1)s\nv1=%(v2)s\nv2=%(v3)s\nv3=%(v4)s\nv4=%(v5)s\nv5=%(v6)s\nv6=%(v7)s\nv7=%(v8)s\nv8=%(v9)s\nv9=%(v10)s\nv10=%%end\n",
  "wide reference fan-out": `[a]\nb=%%\n${Array.from({ length: 9 }, (_, i) => `c${i}=%(c${i + 1})s%(c${i + 1})s`).join("\n")}\nc9=%(b)s\n`,
  "legacy DB_URL with a raw % in the password":
    "[server]\nDB_URL = mysql+mysqldb://camcops:pa%ss@localhost:3306/camcops?charset=utf8\n",
  "current DB_URL with percent-encoding":
    "[site]\nDB_URL = mysql+mysqldb://camcops:p%40ss@localhost:3306/camcops?charset=utf8\n",
  "DB_URL with the percent doubled":
    "[site]\nDB_URL = mysql+mysqldb://camcops:p%%40ss@localhost/camcops\n",
  "percent at the end after escape": "[a]\nx=%%%\n",
};

const bytes: Record<string, Uint8Array> = {
  "invalid start byte": joinBytes("[a]\nx=", [0xff], "\n"),
  "stray continuation byte": joinBytes("[a]\nx=", [0x80], "\n"),
  "overlong encoding": joinBytes("[a]\nx=", [0xc0, 0xaf], "\n"),
  "encoded surrogate": joinBytes("[a]\nx=", [0xed, 0xa0, 0x80], "\n"),
  "above U+10FFFF": joinBytes("[a]\nx=", [0xf4, 0x90, 0x80, 0x80], "\n"),
  "truncated sequence at end of file is dropped": joinBytes("[a]\nx=1", [0xe2, 0x82]),
  "truncated surrogate at end of file is dropped": joinBytes("[a]\nx=1\n", [0xed, 0xa0]),
  "truncated 4-byte sequence at end": joinBytes("[a]\nx=1\n", [0xf0, 0x90, 0x80]),
  "truncated sequence before a newline": joinBytes("[a]\nx=1", [0xe2, 0x82], "\n"),
  "Latin-1 file": joinBytes("[a]\nname = caf", [0xe9], "\n"),
  "bad byte on line 1": joinBytes([0xff], "[a]\n"),
  "missing header then bad byte in the same chunk": joinBytes("x=1\n[a]\ny=", [0xff], "\n"),
  "missing header then bad byte far away": joinBytes(
    "x=1\n",
    "# padding padding padding padding padding padding padding padding padding\n".repeat(4),
    [0xff],
    "\n",
  ),
  "duplicate section then bad byte far away": joinBytes(
    "[a]\n[a]\n",
    "# padding padding padding padding padding padding padding padding padding\n".repeat(4),
    [0xff],
  ),
  "duplicate section then bad byte close by": joinBytes("[a]\nx=1\n[a]\ny=", [0xff], "\n"),
  "bad line then bad byte": joinBytes("[a]\nbad\n", "z".repeat(200), "\n", [0xff]),
  "bad byte after a CR at a chunk edge": joinBytes(`[a]\nx=${"v".repeat(65)}\r`, [0xff]),
  "multi-byte characters across chunk edges": joinBytes("[a]\n", "é€😀 = ü\n".repeat(30), [0xc3]),
  "duplicate option then bad byte after CRLF at chunk edge": joinBytes(
    `[a]\nx=1\nx=${"v".repeat(60)}\r\n`,
    [0xfe],
  ),
};

/** Every hand-written case. */
export const INI_CASES: IniCase[] = [
  ...Object.entries(text).map(([name, content]) => ({ name, bytes: joinBytes(content) })),
  ...Object.entries(bytes).map(([name, content]) => ({ name, bytes: content })),
];
