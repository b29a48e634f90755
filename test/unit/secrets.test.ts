// Secret options, collecting a config's secrets, and hiding them structurally and in free text.
import { describe, expect, it } from "vitest";
import {
  collectSecrets,
  createSecretMasker,
  createSecretStreamMasker,
  findUrlPasswordSpan,
  hideConfigValue,
  hideSecrets,
  hideSecretsInText,
  isSecretOption,
  MIN_MASKED_SECRET_LENGTH,
} from "../../src/config/secrets.js";

describe("isSecretOption", () => {
  it.each([
    ["session_cookie_secret", true],
    ["SESSION_COOKIE_SECRET", true],
    ["email_password", true],
    ["Hl7_Password_File", true],
    ["secretkey", true],
    ["db_url", false],
    ["db_echo", false],
    ["pass", false],
  ])("%j: %s", (option, secret) => {
    expect(isSecretOption(option)).toBe(secret);
  });
});

describe("hideConfigValue", () => {
  it.each([
    // DB_URL keeps its text as written, only the password becomes ***.
    [
      "site",
      "db_url",
      "mysql+mysqldb://user:pw@localhost:3306/camcops?charset=utf8",
      "mysql+mysqldb://user:***@localhost:3306/camcops?charset=utf8",
    ],
    ["site", "db_url", "mysql://user:p%40ss@Host/db?b=2&a=1", "mysql://user:***@Host/db?b=2&a=1"],
    ["site", "db_url", "mysql://u:x@h", "mysql://u:***@h"],
    ["site", "db_url", "mysql://u:@h", "mysql://u:***@h"],
    ["site", "db_url", "mssql+pyodbc://@dsn", "mssql+pyodbc://@dsn"],
    ["site", "db_url", "sqlite:////srv/x.db", "sqlite:////srv/x.db"],
    // A URL make_url refuses (bad dialect name) still hides what looks like its password.
    ["site", "db_url", "my-sql://u:pw@h/db", "my-sql://u:***@h/db"],
    ["recipient:x", "db_url", "postgresql://a:b@h/db", "postgresql://a:***@h/db"],
    [
      "site",
      "celery_broker_url",
      "amqp://guest:guest@localhost:5672/",
      "amqp://guest:***@localhost:5672/",
    ],
    ["site", "session_cookie_secret", "a", "***"],
    ["site", "email_password", "long secret value", "***"],
    ["site", "email_password", "", ""],
    ["site", "db_echo", "False", "False"],
  ])("[%s] %s = %j", (section, option, value, shown) => {
    expect(hideConfigValue(section, option, value)).toBe(shown);
  });
});

describe("findUrlPasswordSpan", () => {
  it("locates the written password", () => {
    const url = "mysql://u:p%2Fw@h/db";
    const span = findUrlPasswordSpan(url)!;
    expect(url.slice(span[0], span[1])).toBe("p%2Fw");
    expect(findUrlPasswordSpan("mysql://u@h/db")).toBeNull();
  });
});

describe("collectSecrets", () => {
  it("gathers every secret form, longest first, without duplicates", () => {
    const secrets = collectSecrets([
      { section: "site", option: "db_url", value: "mysql://u:p%40s%3as@h/db" },
      { section: "site", option: "session_cookie_secret", value: "cookie-secret" },
      { section: "site", option: "email_password", value: "cookie-secret" },
      { section: "site", option: "db_echo", value: "False" },
      { section: "recipient:r", option: "db_url", value: "postgresql://x:pw2@h/db" },
    ]);
    expect(new Set(secrets)).toEqual(
      new Set(["p%40s%3as", "p@s:s", "p%40s%3As", "cookie-secret", "pw2"]),
    );
    expect(secrets).toHaveLength(5);
    const lengths = secrets.map((secret) => secret.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it("keeps short secrets (structural hiding needs no list; the masker skips them)", () => {
    expect(collectSecrets([{ section: "site", option: "db_url", value: "mysql://u:x@h" }])).toEqual(
      ["x"],
    );
  });

  it("adds the password an unescaped '@' cut short", () => {
    const secrets = collectSecrets([
      { section: "site", option: "db_url", value: "mysql://u:p@ssword@h/db" },
    ]);
    expect(secrets).toContain("p@ssword");
    expect(secrets).toContain("p");
  });

  it("adds each line of a multi-line secret and ignores blank, boolean or unreadable values", () => {
    const secrets = collectSecrets([
      { section: "site", option: "ldap_secret", value: "first-line\nsecond-line" },
      { section: "site", option: "other_password", value: "   " },
      { section: "site", option: "third_password", value: null },
      { section: "site", option: "disable_password_autocomplete", value: "True" },
      { section: "site", option: "password_change_frequency_days", value: "0" },
    ]);
    expect(new Set(secrets)).toEqual(
      new Set(["first-line\nsecond-line", "first-line", "second-line"]),
    );
  });
});

describe("createSecretMasker", () => {
  it.each([
    [["hunter22"], "password is hunter22.", "password is ***."],
    [["hunter22"], "hunter22hunter22", "******"],
    // Longest first: the longer secret is hidden whole.
    [["abcd", "abcdefgh"], "xabcdefghx abcd", "x***x ***"],
    // Overlapping occurrences become one ***, so no part stays visible.
    [["zabx", "bxyzw"], "..zabxyzw..", "..***.."],
    [["zab0", "b0cde", "0cde"], "zab0cde", "***"],
    [["secret"], "no match here", "no match here"],
    [[], "anything", "anything"],
    [["abcd"], "", ""],
    [["ab", "a"], "a b ab", "*** b ***"],
    [["é€😀x"], "[é€😀x]", "[***]"],
  ])("%j in %j", (secrets, text, masked) => {
    expect(createSecretMasker(secrets)(text)).toBe(masked);
  });

  it("hides even a short secret, but never a blank one", () => {
    expect(MIN_MASKED_SECRET_LENGTH).toBe(1);
    expect(createSecretMasker(["abc", "  x  ", "   "])("abc  x   ")).toBe("****** ");
    expect(createSecretMasker(["abcd"])("abcd")).toBe("***");
  });

  it("treats secrets as plain text, never as patterns", () => {
    expect(createSecretMasker(["(a+)+$", ".*.*"])("x(a+)+$y .*.* aaaa")).toBe("x***y *** aaaa");
  });

  it("masks a large text with many near-misses", () => {
    const secret = "a".repeat(50) + "b";
    const text = "a".repeat(200_000) + "b" + "a".repeat(1000);
    expect(createSecretMasker([secret])(text)).toBe(
      "a".repeat(200_000 - 50) + "***" + "a".repeat(1000),
    );
  });
});

describe("createSecretStreamMasker", () => {
  it("hides a secret split across chunks, whatever the split", () => {
    const text = "start topsecret1 middle topsecret1topsecret1 end";
    const expected = createSecretMasker(["topsecret1"])(text);
    expect(expected).toBe("start *** middle ****** end");
    for (let size = 1; size <= text.length; size++) {
      const masker = createSecretStreamMasker(["topsecret1"]);
      let output = "";
      for (let index = 0; index < text.length; index += size) {
        output += masker.write(text.slice(index, index + size));
      }
      output += masker.end();
      expect(output, `chunk size ${size}`).toBe(expected);
    }
  });

  it("never releases a secret's beginning before it knows", () => {
    const masker = createSecretStreamMasker(["topsecret1"]);
    const first = masker.write("abc topsec");
    expect(first).not.toContain("topsec");
    expect(first + masker.write("ret1 x") + masker.end()).toBe("abc *** x");
  });

  it("can start a new stream after end()", () => {
    const masker = createSecretStreamMasker(["topsecret1"]);
    expect(masker.write("topsec") + masker.end()).toBe("topsec");
    expect(masker.write("ret1") + masker.end()).toBe("ret1");
  });
});

describe("hideSecretsInText", () => {
  it.each([
    [
      "line 1 comes before any [section] header: 'DB_URL = mysql://u:pw@h/db'",
      "line 1 comes before any [section] header: 'DB_URL = mysql://u:***@h/db'",
    ],
    ["not an option: 'email_password hunter2'", "not an option: 'email_password ***'"],
    [
      "option 'email_password' in section [site] already defined",
      "option 'email_password' in section [site] already defined",
    ],
    ["not an option: 'EMAIL_PASSWORD: hunter2'", "not an option: 'EMAIL_PASSWORD: ***'"],
    ["x: 'session_cookie_secret = abc'", "x: 'session_cookie_secret = ***'"],
    ["plain message", "plain message"],
  ])("%j", (text, hidden) => {
    expect(hideSecretsInText(text)).toBe(hidden);
  });
});

describe("hideSecrets", () => {
  it("hides one config's secrets with the shared masker, overlaps as one ***", () => {
    expect(hideSecrets("a hunter22 b hunter2", ["hunter22", "hunter2"])).toBe("a *** b ***");
    expect(hideSecrets("nothing to hide", [])).toBe("nothing to hide");
  });

  it("stays right for many configs in turn, after older maskers are dropped", () => {
    const configs = Array.from({ length: 100 }, (_, index) => [`secret-${index}`]);
    for (const round of [1, 2]) {
      for (const [index, secrets] of configs.entries()) {
        expect(hideSecrets(`round ${round}: secret-${index}!`, secrets)).toBe(
          `round ${round}: ***!`,
        );
      }
    }
  });
});
