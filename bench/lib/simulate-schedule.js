// An ideal schedule (no overhead) of known durations, for comparing a real run's timeline with.

/**
 * Simulates `jobs` slots running items { ms, group } (group: a same-database chain name, or null
 * for a config of its own; items of one group never overlap) and returns each item's
 * { start, end } and the makespan. `order: "history"` starts, whenever a slot is free, the item
 * whose chain has the most work left (then the longer item; a lone item is its own chain);
 * `order: "sorted"` the first item in list order whose chain is free.
 */
export function simulateSchedule(items, jobs, order) {
  const remaining = new Map();
  for (const item of items) {
    if (item.group !== null) remaining.set(item.group, (remaining.get(item.group) ?? 0) + item.ms);
  }
  const waiting = items.map((item, index) => ({ ...item, index }));
  const running = [];
  const busy = new Set();
  const spans = new Array(items.length);
  let now = 0;
  while (waiting.length > 0 || running.length > 0) {
    while (running.length < jobs) {
      const pos = pickNext(waiting, busy, remaining, order);
      if (pos === -1) break;
      const [item] = waiting.splice(pos, 1);
      if (item.group !== null) {
        busy.add(item.group);
        remaining.set(item.group, remaining.get(item.group) - item.ms);
      }
      spans[item.index] = { start: now, end: now + item.ms };
      running.push(item);
    }
    // Advance to the next end; everything ending then frees its slot and chain.
    now = Math.min(...running.map((item) => spans[item.index].end));
    for (let i = running.length - 1; i >= 0; i -= 1) {
      const item = running[i];
      if (spans[item.index].end <= now) {
        running.splice(i, 1);
        if (item.group !== null) busy.delete(item.group);
      }
    }
  }
  return { spans, makespanMs: Math.max(0, ...spans.map((span) => span.end)) };
}

/** Position in `waiting` of the item to start next, or -1 when every waiting chain is busy. */
function pickNext(waiting, busy, remaining, order) {
  let best = -1;
  let bestChain = -1;
  let bestOwn = -1;
  for (const [pos, item] of waiting.entries()) {
    if (item.group !== null && busy.has(item.group)) continue;
    if (order === "sorted") return pos;
    const chain = item.group === null ? item.ms : remaining.get(item.group);
    if (chain > bestChain || (chain === bestChain && item.ms > bestOwn)) {
      best = pos;
      bestChain = chain;
      bestOwn = item.ms;
    }
  }
  return best;
}
