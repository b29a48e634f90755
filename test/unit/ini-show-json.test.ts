// The `show --json` object built from a parsed file or its IniError.

import { describe, expect, it } from "vitest";
import { buildShowJson } from "../../src/config/ini/build-show-json.js";
import { IniError } from "../../src/config/ini/ini-error.js";
import { parseIni } from "../../src/config/ini/parse-ini.js";

describe("buildShowJson", () => {
  it("shows values, inherited [DEFAULT] options with their own line, and interpolation errors", () => {
    const doc = parseIni(
      "[DEFAULT]\nroot = /srv\n[site]\nDB_URL = mysql://u:p%x@h/db\npath = %(root)s/x\n",
    );
    expect(buildShowJson("/etc/camcops/a.conf", doc)).toEqual({
      file: "/etc/camcops/a.conf",
      error: null,
      defaults: { root: { line: 2, value: "/srv", error: null } },
      sections: {
        site: {
          line: 3,
          options: {
            root: { line: 2, value: "/srv", error: null },
            db_url: {
              line: 4,
              value: null,
              error: { type: "InterpolationSyntaxError", message: expect.stringContaining("%%") },
            },
            path: { line: 5, value: "/srv/x", error: null },
          },
        },
      },
    });
  });

  it("passes every readable value through hideValue", () => {
    const doc = parseIni("[DEFAULT]\nsecret = s\n[site]\npassword = p\nname = n\n");
    const shown = buildShowJson("f", doc, (section, option, value) =>
      option === "name" ? value : `***${section}`,
    );
    expect(shown.defaults["secret"]?.value).toBe("***DEFAULT");
    expect(shown.sections["site"]?.options["password"]?.value).toBe("***site");
    expect(shown.sections["site"]?.options["secret"]?.value).toBe("***site");
    expect(shown.sections["site"]?.options["name"]?.value).toBe("n");
  });

  it("shows a parser error with no sections", () => {
    const error = new IniError("DuplicateSectionError", 7, "section [a] already defined at line 1");
    expect(buildShowJson("f", error)).toEqual({
      file: "f",
      error: {
        type: "DuplicateSectionError",
        line: 7,
        message: "section [a] already defined at line 1",
      },
      defaults: {},
      sections: {},
    });
  });

  it("keeps odd names as plain keys", () => {
    const shown = buildShowJson("f", parseIni("[__proto__]\n__proto__ = 1\n"));
    expect(Object.keys(shown.sections)).toEqual(["__proto__"]);
    expect(JSON.stringify(shown.sections)).toBe(
      '{"__proto__":{"line":1,"options":{"__proto__":{"line":2,"value":"1","error":null}}}}',
    );
  });
});
