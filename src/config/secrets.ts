// Which config values are secret, the secret strings of a config, and hiding them in text.
//
// Secret options: any whose name contains PASSWORD or SECRET (case-insensitive; this covers
// SESSION_COOKIE_SECRET). URL options (name contains URL, e.g. DB_URL in [site]/[server] and in
// export recipients, CELERY_BROKER_URL): only the password inside the URL is secret.
//
// Two kinds of hiding:
// - Structural, for everything camcops-meta itself prints from a config (show, list, reports):
//   hideConfigValue() replaces a secret value, or a URL's password, with *** whatever its length,
//   so even a one-character password never appears.
// - Textual, for text we did not compose (children's output, log files): createSecretMasker()
//   replaces occurrences of the collected secret strings, whatever their length (PRODUCT.md: the
//   password never leaves, children's output included). A very short password makes that output
//   hard to read; that is the operator's cue to choose a longer one. Blank values are left out.

import { detachString } from "../util/detach-string.js";
import { findRawPasswordSpan, parseDatabaseUrl } from "./database-url.js";
import { unquotePython } from "./python-url-text.js";

/** Secrets shorter than this (not counting surrounding spaces) are not searched for: only blank ones. */
export const MIN_MASKED_SECRET_LENGTH = 1;

/** What a hidden value or password reads as. */
export const SECRET_MASK = "***";

/** True when the whole value of this option is secret (name contains PASSWORD or SECRET). */
export function isSecretOption(option: string): boolean {
  const name = option.toLowerCase();
  return name.includes("password") || name.includes("secret");
}

/** True when this option holds a URL whose password is secret (name contains URL). */
export function isUrlOption(option: string): boolean {
  return option.toLowerCase().includes("url");
}

// make_url's password span, or for text make_url refuses, "scheme://user:password@" read loosely.
const LOOSE_URL_PASSWORD = /^[^:]*:\/\/[^:/@]*:([^@]*)@/d;

/** [start, end) of the password written in a URL value, or null when it has none. */
export function findUrlPasswordSpan(value: string): [number, number] | null {
  const span = findRawPasswordSpan(value);
  if (span !== null) return span;
  const loose = LOOSE_URL_PASSWORD.exec(value)?.indices?.[1];
  return loose === undefined ? null : [loose[0], loose[1]];
}

/** How `show` prints an option: secret values as ***, URL passwords as ***, the rest as written. */
export function hideConfigValue(_section: string, option: string, value: string): string {
  if (isSecretOption(option)) return value === "" ? "" : SECRET_MASK;
  if (isUrlOption(option)) return hideUrlPassword(value);
  return value;
}

/** The URL with its password replaced by ***, every other character kept as written. */
export function hideUrlPassword(url: string): string {
  const span = findUrlPasswordSpan(url);
  if (span === null) return url;
  return url.slice(0, span[0]) + SECRET_MASK + url.slice(span[1]);
}

// "scheme://user:password@" anywhere in a message, and "…password… = value", "…secret…: value" or
// "…password… value" (a malformed line quoted by the parser).
const URL_PASSWORD_IN_TEXT = /([A-Za-z][\w+.-]*:\/\/[^\s:/@']*:)([^\s@']*)@/g;
const SECRET_ASSIGNMENT_IN_TEXT = /((?:password|secret)[^\s=:']*(?:\s*[=:]\s*|\s+))[^'\n]+/gi;

/**
 * Scrubs a message that quotes config lines we could not parse (so no structure is known):
 * passwords inside URLs and the values of PASSWORD/SECRET-like assignments become ***.
 */
export function hideSecretsInText(text: string): string {
  return text
    .replace(URL_PASSWORD_IN_TEXT, (_match, before: string) => `${before}${SECRET_MASK}@`)
    .replace(SECRET_ASSIGNMENT_IN_TEXT, (_match, before: string) => `${before}${SECRET_MASK}`);
}

/** One option value as read from a config (value null when interpolation failed). */
export interface ConfigValue {
  section: string;
  option: string;
  value: string | null;
}

// configparser's boolean words: values of flags such as DISABLE_PASSWORD_AUTOCOMPLETE, never secrets
// (masking every "True" in a child's output would only wreck it).
const BOOLEAN_WORDS = new Set(["1", "yes", "true", "on", "0", "no", "false", "off"]);

/**
 * The secret strings of a config, longest first, without duplicates or empty strings: every
 * secret option's value (and, for multi-line values, each line), and for URL options the password
 * as written, percent-decoded, re-quoted the way SQLAlchemy's str(url) writes it, and (when the
 * password holds an unescaped "@") everything up to the last "@", which is what the operator meant.
 * Short ones are kept: the masker decides what is worth searching for. configparser's boolean words
 * (true, off, 0, ...) are left out: they are flags whose names merely mention PASSWORD.
 */
export function collectSecrets(values: Iterable<ConfigValue>): string[] {
  const found = new Set<string>();
  const add = (secret: string): void => {
    if (secret.trim() !== "" && !BOOLEAN_WORDS.has(secret.trim().toLowerCase())) found.add(secret);
  };
  for (const { option, value } of values) {
    if (value === null) continue;
    if (isSecretOption(option)) {
      add(value);
      for (const line of value.split("\n")) add(line.trim());
    } else if (isUrlOption(option)) {
      for (const secret of getUrlPasswordForms(value)) add(secret);
    }
  }
  // Copies: a secret cut from the file text would otherwise keep the whole file in memory.
  return [...found].map(detachString).sort((left, right) => right.length - left.length);
}

// Every form in which a URL's password may show up in text.
function getUrlPasswordForms(url: string): string[] {
  const span = findUrlPasswordSpan(url);
  if (span === null) return [];
  const raw = url.slice(span[0], span[1]);
  const decoded = unquotePython(raw);
  const forms = [
    raw,
    decoded,
    decoded.replace(/[:@/]/g, (char) => "%" + char.charCodeAt(0).toString(16).toUpperCase()),
  ];
  // "user:p@ss@host": make_url stops the password at the first "@"; the operator meant "p@ss".
  const authorityEnd = url.slice(span[1]).search(/[/?]/);
  const authority =
    authorityEnd < 0 ? url.slice(span[0]) : url.slice(span[0], span[1] + authorityEnd);
  const lastAt = authority.lastIndexOf("@");
  if (lastAt > span[1] - span[0])
    forms.push(authority.slice(0, lastAt), unquotePython(authority.slice(0, lastAt)));
  try {
    const password = parseDatabaseUrl(url).password;
    if (password !== null) forms.push(password);
  } catch {
    // A URL make_url refuses still has the forms found above.
  }
  return forms;
}

/** Hides secrets in a stream of text that may split a secret across chunks. */
export interface SecretStreamMasker {
  /** Masks what can be decided so far; holds back at most (longest secret - 1) characters. */
  write(chunk: string): string;
  /** Masks and returns everything held back; the masker can then start a new stream. */
  end(): string;
}

/**
 * A function replacing every occurrence of the secrets (those of at least MIN_MASKED_SECRET_LENGTH
 * characters) with ***. Linear in the text (Aho-Corasick; nothing built from the secrets is a regex
 * that can backtrack). Occurrences that overlap become one ***, so a longer secret is never left
 * half-visible around a shorter one; adjacent occurrences give one *** each.
 */
export function createSecretMasker(secrets: readonly string[]): (text: string) => string {
  const automaton = buildAutomaton(secrets);
  if (automaton === null) return (text) => text;
  return (text) => {
    const stream = new StreamMasker(automaton);
    return stream.write(text) + stream.end();
  };
}

/** Maskers of the configs used most recently: renderers hide secrets in many lines of the few configs running. */
const recentMaskers = new Map<readonly string[], (text: string) => string>();
const RECENT_MASKERS_KEPT = 32;

/**
 * Hides one config's secrets (its `secrets` list) in text. The masker is built once and reused while
 * that config is among the most recent; keeping one for every config would cost memory (about 23 KB
 * each) for nothing.
 */
export function hideSecrets(text: string, secrets: readonly string[]): string {
  // Most text holds no secret: finding that out allocates nothing, unlike building a masker.
  if (!secrets.some((secret) => secret.trim() !== "" && text.includes(secret))) return text;
  let mask = recentMaskers.get(secrets);
  if (mask === undefined) {
    mask = createSecretMasker(secrets);
    recentMaskers.set(secrets, mask);
    if (recentMaskers.size > RECENT_MASKERS_KEPT) {
      recentMaskers.delete(recentMaskers.keys().next().value as readonly string[]);
    }
  }
  return mask(text);
}

/** The same masking for text arriving in chunks (a child's stdout): a secret split across chunks is still hidden. */
export function createSecretStreamMasker(secrets: readonly string[]): SecretStreamMasker {
  const automaton = buildAutomaton(secrets);
  if (automaton === null) return { write: (chunk) => chunk, end: () => "" };
  return new StreamMasker(automaton);
}

interface Automaton {
  /** Transitions of every state in one map, keyed by state * 0x10000 + UTF-16 code unit (compact). */
  next: Map<number, number>;
  /** Per state: the state for the longest proper suffix that is also a trie path. */
  fail: Int32Array;
  /** Per state: length of the longest secret ending here (0 when none). */
  longest: Int32Array;
  maxLength: number;
}

const CODE_UNITS = 0x10000;

// Builds the Aho-Corasick automaton of the secrets worth searching for, or null when there are none.
function buildAutomaton(secrets: readonly string[]): Automaton | null {
  const words = [...new Set(secrets)].filter(
    (secret) => secret.trim().length >= MIN_MASKED_SECRET_LENGTH,
  );
  if (words.length === 0) return null;
  const next = new Map<number, number>();
  // Edges per state, in insertion order: needed only while the fail links are computed.
  const edges: Array<Array<[number, number]>> = [[]];
  const ownLength: number[] = [0];
  for (const word of words) {
    let state = 0;
    for (let index = 0; index < word.length; index++) {
      const code = word.charCodeAt(index);
      let target = next.get(state * CODE_UNITS + code);
      if (target === undefined) {
        target = edges.length;
        edges.push([]);
        ownLength.push(0);
        next.set(state * CODE_UNITS + code, target);
        edges[state]!.push([code, target]);
      }
      state = target;
    }
    ownLength[state] = word.length;
  }
  const fail = new Int32Array(edges.length);
  const longest = Int32Array.from(ownLength);
  // Breadth first, so a state's fail target is complete before the state itself.
  const queue: number[] = edges[0]!.map(([, child]) => child);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    longest[state] = Math.max(longest[state]!, longest[fail[state]!]!);
    for (const [code, child] of edges[state]!) {
      fail[child] = step(next, fail, fail[state]!, code);
      queue.push(child);
    }
  }
  return { next, fail, longest, maxLength: Math.max(...words.map((word) => word.length)) };
}

// The state after reading `code` from `state`, following fail links (goto function of Aho-Corasick).
function step(next: Map<number, number>, fail: Int32Array, state: number, code: number): number {
  let current = state;
  for (;;) {
    const target = next.get(current * CODE_UNITS + code);
    if (target !== undefined) return target;
    if (current === 0) return 0;
    current = fail[current]!;
  }
}

// Streaming masker: the covered stretches (merged match intervals) are replaced as text is released.
class StreamMasker implements SecretStreamMasker {
  private state = 0;
  private pending = "";
  /** Absolute offset of pending[0] in the stream. */
  private base = 0;
  /** Merged [start, end) intervals to hide, sorted; those before `head` are done. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private head = 0;
  /** Start of the interval whose *** has already been written (it may continue into held-back text). */
  private maskedStart = -1;

  constructor(private readonly automaton: Automaton) {}

  write(chunk: string): string {
    const { next, fail, longest } = this.automaton;
    const offset = this.base + this.pending.length;
    for (let index = 0; index < chunk.length; index++) {
      this.state = step(next, fail, this.state, chunk.charCodeAt(index));
      const length = longest[this.state]!;
      if (length > 0) this.addInterval(offset + index + 1 - length, offset + index + 1);
    }
    this.pending += chunk;
    // No occurrence still to come can start before this point.
    return this.release(this.base + this.pending.length - (this.automaton.maxLength - 1));
  }

  end(): string {
    const text = this.release(this.base + this.pending.length);
    this.state = 0;
    return text;
  }

  // Records an occurrence, merging it with the earlier ones it overlaps.
  private addInterval(start: number, end: number): void {
    let mergedStart = start;
    while (this.starts.length > this.head && this.ends[this.ends.length - 1]! > mergedStart) {
      mergedStart = Math.min(mergedStart, this.starts.pop()!);
      this.ends.pop();
    }
    this.starts.push(mergedStart);
    this.ends.push(end);
  }

  // Returns the text before absolute offset `until`, with hidden stretches as ***.
  private release(until: number): string {
    if (until <= this.base) return "";
    let output = "";
    let cursor = this.base;
    while (this.head < this.starts.length && this.starts[this.head]! < until) {
      const start = this.starts[this.head]!;
      const end = this.ends[this.head]!;
      if (cursor < start) output += this.pending.slice(cursor - this.base, start - this.base);
      if (this.maskedStart !== start) output += SECRET_MASK;
      this.maskedStart = start;
      cursor = Math.max(cursor, Math.min(end, until));
      if (end > until) break;
      this.head++;
    }
    if (cursor < until) output += this.pending.slice(cursor - this.base, until - this.base);
    this.pending = this.pending.slice(until - this.base);
    this.base = until;
    if (this.head > 1024) {
      this.starts.splice(0, this.head);
      this.ends.splice(0, this.head);
      this.head = 0;
    }
    return output;
  }
}
