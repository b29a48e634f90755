// The results table printed at the end of a run.

const COLUMNS = [
  ["benchmark", "benchmark"],
  ["ours", "ours"],
  ["baseline", "baseline"],
  ["ratio", "ratio"],
  ["target", "target"],
  ["met", "met?"],
];

/** A measured value with its unit, as printed. */
export function formatValue(value, unit) {
  if (value === null || value === undefined) return "-";
  if (unit === "ms" && value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (unit === "ms") return `${value.toFixed(1)} ms`;
  if (unit === "MB") return `${value.toFixed(1)} MB`;
  return `${value} ${unit}`;
}

/** One row as the strings of each column. */
function rowCells(row) {
  return {
    benchmark: row.benchmark,
    ours: formatValue(row.ours, row.unit),
    baseline: row.baselineName
      ? `${formatValue(row.baseline, row.unit)} (${row.baselineName})`
      : formatValue(row.baseline, row.unit),
    ratio: row.ratio === null ? "-" : `${row.ratio.toFixed(2)}x`,
    target: row.target?.text ?? "-",
    met: row.met === null ? "-" : row.met ? "yes" : "NO",
  };
}

/** The rows as an aligned plain-text table, header first. */
export function formatTable(rows) {
  const cells = rows.map(rowCells);
  const widths = COLUMNS.map(([key, title]) =>
    Math.max(title.length, ...cells.map((cell) => cell[key].length)),
  );
  const line = (values) =>
    values
      .map((value, i) => value.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [
    line(COLUMNS.map(([, title]) => title)),
    line(widths.map((width) => "-".repeat(width))),
    ...cells.map((cell) => line(COLUMNS.map(([key]) => cell[key]))),
  ].join("\n");
}

/** The rows as a Markdown table (for BENCHMARKS.md). */
export function formatMarkdownTable(rows) {
  const cells = rows.map(rowCells);
  const line = (values) => `| ${values.join(" | ")} |`;
  return [
    line(COLUMNS.map(([, title]) => title)),
    line(COLUMNS.map(() => "---")),
    ...cells.map((cell) => line(COLUMNS.map(([key]) => cell[key]))),
  ].join("\n");
}
