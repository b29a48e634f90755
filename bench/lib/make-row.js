// One result row: ours against a baseline, as a ratio checked against a target.

/**
 * Builds a row. `target` is { text, maxRatio } (ours/baseline must be at most maxRatio) or
 * { text, maxValue } (ours must be below maxValue) or null (shown for contrast only).
 */
export function makeRow({ benchmark, ours, baseline, baselineName = null, unit, target, notes }) {
  const ratio = baseline ? ours / baseline : null;
  let met = null;
  if (target?.maxRatio !== undefined) met = ratio !== null && ratio <= target.maxRatio;
  if (target?.maxValue !== undefined) met = ours < target.maxValue;
  return {
    benchmark,
    ours,
    baseline,
    baselineName,
    unit,
    ratio: ratio === null ? null : Number(ratio.toFixed(3)),
    target,
    met,
    notes: notes ?? null,
  };
}
