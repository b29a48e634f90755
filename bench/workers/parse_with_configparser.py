"""Parser benchmark, the baseline: what camcops_server does to read a config, for every listed
file, then every option read through interpolation; timed inside this process after the imports.
Prints {"ms", "files", "options", "errors", "chars"} as JSON.
usage: python3 parse_with_configparser.py LIST_FILE
"""
import codecs
import configparser
import json
import sys
import time


def main(list_file):
    with open(list_file, encoding="utf8") as f:
        files = [line for line in f.read().split("\n") if line]
    totals = {"files": 0, "options": 0, "errors": 0, "chars": 0}

    def count(parser, section, option):
        totals["options"] += 1
        try:
            totals["chars"] += len(parser.get(section, option))
        except configparser.InterpolationError:
            totals["errors"] += 1

    started = time.perf_counter()
    for filename in files:
        parser = configparser.ConfigParser()
        with codecs.open(filename, "r", "utf8") as f:
            parser.read_file(f)
        for option in parser.defaults():
            count(parser, parser.default_section, option)
        for section in parser.sections():
            for option in parser.options(section):
                count(parser, section, option)
        totals["files"] += 1
    ms = (time.perf_counter() - started) * 1000
    print(json.dumps({"ms": ms, **totals}))


if __name__ == "__main__":
    main(sys.argv[1])
