// Small strings cut from big ones keep the big one alive in V8 (sliced strings); this makes a copy.

/** A copy of text that holds no reference to the string it was cut from. */
export function detachString(text: string): string {
  // Concatenation makes a new string, slice then flattens it: the result's parent is that copy.
  return ` ${text}`.slice(1);
}
