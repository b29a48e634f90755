// Human durations for the summary and the terminal list: short, fixed-width enough to align.

/** Formats milliseconds as `0.4s`, `59.9s`, `1m05s`, `1h02m03s` (negative or non-finite counts as 0). */
export function formatDuration(ms: number): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  const tenths = Math.round(safe / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)}s`;
  const totalSeconds = Math.round(safe / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = String(minutes).padStart(2, "0");
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}h${mm}m${ss}s` : `${minutes}m${ss}s`;
}

/** Formats milliseconds as seconds with one decimal (`1.2s`, `252.0s`): the plain-line format's unit. */
export function formatSeconds(ms: number): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  return `${(Math.round(safe / 100) / 10).toFixed(1)}s`;
}
