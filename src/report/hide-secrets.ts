// Last line of defence for secrets in text we print or write: every known secret becomes ***.

/** Replaces every occurrence of each secret in text with `***` (longest secrets first). */
export function hideSecrets(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0 || text === "") return text;
  // Longest first, so a secret containing another is hidden whole.
  const ordered = [...new Set(secrets)].filter((s) => s !== "").sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of ordered) {
    if (result.includes(secret)) result = result.split(secret).join("***");
  }
  return result;
}
