// Small statistics over repeated measurements.

/** The median of a non-empty list of numbers (mean of the middle two for even lengths). */
export function median(values) {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Summary of one side's samples: median, min, max and the samples themselves, rounded. */
export function summarize(values, digits = 1) {
  const round = (value) => Number(value.toFixed(digits));
  return {
    median: round(median(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    samples: values.map(round),
  };
}

/** Sum of a list of numbers. */
export function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}
