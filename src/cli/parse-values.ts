// Pure parsers for option values (jobs, durations, counts, booleans); each throws UsageError naming its flag.
import { UsageError } from "../errors.js";

/** Turns `-j` / `--jobs` (`N` or `P%` of the CPUs) into a number of configs run at once. */
export function parseJobs(text: string, cpuCount: number, flag = "--jobs"): number {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(trimmed);
  if (percent) {
    const share = Number(percent[1]);
    if (share <= 0) throw new UsageError(`${flag} ${text}: a percentage must be above 0%`, flag);
    return Math.max(1, Math.floor((cpuCount * share) / 100));
  }
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    throw new UsageError(
      `${flag} ${JSON.stringify(text)}: expected a whole number of at least 1 (e.g. 4) or a share of the CPUs (e.g. 50%)`,
      flag,
    );
  }
  return Number(trimmed);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Turns a duration like `90s`, `30m`, `2h`, `1h30m`, `500ms` or a bare number of seconds into milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
  let total = 0;
  let index = 0;
  while (index < trimmed.length) {
    part.lastIndex = index;
    const match = part.exec(trimmed);
    if (!match) {
      throw new UsageError(
        `${flag} ${JSON.stringify(text)}: expected a duration such as 90s, 30m, 2h or 1h30m`,
        flag,
      );
    }
    total += Number(match[1]) * (DURATION_UNITS[match[2]!] ?? 0);
    index = part.lastIndex;
  }
  if (trimmed.length === 0 || total <= 0) {
    throw new UsageError(`${flag} ${JSON.stringify(text)}: a duration must be above zero`, flag);
  }
  return Math.round(total);
}

/** Parses a non-negative whole number such as `--retries 2`. */
export function parseCount(text: string, flag: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    throw new UsageError(
      `${flag} ${JSON.stringify(text)}: expected a whole number (0 or more)`,
      flag,
    );
  }
  return Number(trimmed);
}

/** Reads a boolean from an environment variable (1/0, true/false, yes/no, on/off). */
export function parseEnvBoolean(text: string, variable: string): boolean {
  const lowered = text.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(lowered)) return true;
  if (["0", "false", "no", "off", ""].includes(lowered)) return false;
  throw new UsageError(
    `${variable}=${JSON.stringify(text)}: expected 1/0, true/false, yes/no or on/off`,
    variable,
  );
}

/** Checks a value against a fixed set of choices, naming the flag when it is not one of them. */
export function parseChoice<T extends string>(
  text: string,
  choices: readonly T[],
  flag: string,
): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new UsageError(
    `${flag} ${JSON.stringify(text)}: expected one of ${choices.join(", ")}`,
    flag,
  );
}
