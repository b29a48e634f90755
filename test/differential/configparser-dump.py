#!/usr/bin/env python3
"""Reads config files exactly as camcops_server does and prints one JSON line per file.

Usage: configparser-dump.py FILE...   or   a JSON array of paths on stdin.

Each file is opened with codecs.open(path, "r", "utf8") and given to
ConfigParser().read_file(); every value is then read with parser.get() (BasicInterpolation).
The output has the `show --json` shape; a parse error is {type, line, message} and, for
ParsingError, "lines": [{line, text}] with every malformed line. Line numbers of options and
sections are recorded by a dict subclass (configparser stores every item through
dict_type.__setitem__) and a line-counting wrapper around the file; neither changes parsing.
"""

import ast
import codecs
import configparser
import json
import sys


class LineCounter:
    """Passes the codecs reader's lines through, remembering how many were handed out."""

    current = None

    def __init__(self, stream):
        self.stream = stream
        self.lineno = 0
        LineCounter.current = self

    def __iter__(self):
        return self

    def __next__(self):
        line = next(self.stream)
        self.lineno += 1
        return line


class LineRecordingDict(dict):
    """A dict that remembers the line being read when each key was first stored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = {}

    def __setitem__(self, key, value):
        if key not in self.lines and LineCounter.current is not None:
            self.lines[key] = LineCounter.current.lineno
        super().__setitem__(key, value)


def decode_error_line(path):
    """1-based line holding the first byte the UTF-8 codec rejects."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        codecs.utf_8_decode(data, "strict", False)
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf8")
        return len((prefix + "x").splitlines()), exc.start
    return 0, -1


def strip_line_end(line):
    """The line without its line end, as configparser saw it."""
    pieces = line.splitlines()
    return pieces[0] if pieces else ""


def read_value(parser, section, option):
    """parser.get() with any interpolation error captured by class name."""
    try:
        return {"value": parser.get(section, option), "error": None}
    except configparser.InterpolationError as exc:
        return {"value": None, "error": {"type": type(exc).__name__, "message": str(exc)}}


def dump_file(path):
    parser = configparser.ConfigParser(dict_type=LineRecordingDict)
    result = {"file": path, "error": None, "defaults": {}, "sections": {}}
    try:
        with codecs.open(path, "r", "utf8") as f:
            parser.read_file(LineCounter(f), source=path)
    except UnicodeDecodeError as exc:
        line, offset = decode_error_line(path)
        result["error"] = {"type": type(exc).__name__, "line": line, "message": str(exc), "offset": offset}
        return result
    except configparser.ParsingError as exc:
        # MissingSectionHeaderError is a ParsingError subclass with its own lineno.
        error = {"type": type(exc).__name__, "message": str(exc)}
        if isinstance(exc, configparser.MissingSectionHeaderError):
            error["line"] = exc.lineno
        else:
            error["line"] = exc.errors[0][0]
            error["lines"] = [
                {"line": n, "text": strip_line_end(ast.literal_eval(text))} for n, text in exc.errors
            ]
        result["error"] = error
        return result
    except (configparser.DuplicateSectionError, configparser.DuplicateOptionError) as exc:
        result["error"] = {"type": type(exc).__name__, "line": exc.lineno, "message": str(exc)}
        return result
    finally:
        LineCounter.current = None

    default_lines = parser._defaults.lines
    for name in parser.defaults():
        shown = read_value(parser, parser.default_section, name)
        shown["line"] = default_lines[name]
        result["defaults"][name] = shown
    for section in parser.sections():
        own = parser._sections[section]
        options = {}
        for name, _ in parser.items(section, raw=True):
            shown = read_value(parser, section, name)
            shown["line"] = own.lines[name] if name in own else default_lines[name]
            options[name] = shown
        result["sections"][section] = {"line": parser._sections.lines[section], "options": options}
    return result


def main():
    paths = sys.argv[1:] if len(sys.argv) > 1 else json.load(sys.stdin)
    out = sys.stdout
    for path in paths:
        out.write(json.dumps(dump_file(path)) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
