// POSIX shell quoting, so a dry run prints commands that can be pasted into a shell as they are.

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one word for sh/bash: left alone when safe, else single-quoted. */
export function quoteShellWord(word: string): string {
  if (word.length > 0 && SAFE_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}

/** Quotes a whole command line, environment assignments first. */
export function quoteCommandLine(
  words: readonly string[],
  env: Record<string, string> = {},
): string {
  const assignments = Object.entries(env).map(
    ([name, value]) => `${name}=${quoteShellWord(value)}`,
  );
  return [...assignments, ...words.map(quoteShellWord)].join(" ");
}
