// Runs several contenders side by side: every repetition runs each once, in a rotating order.

/**
 * Runs `reps` rounds; in round r the contenders start at offset r (so none is always first or
 * always after the same neighbour). Returns each contender's measurements, keyed by name.
 * A contender is { name, measure: async (round) => number }.
 */
export async function runInterleaved(contenders, reps, log = () => {}) {
  const samples = Object.fromEntries(contenders.map((contender) => [contender.name, []]));
  for (let round = 0; round < reps; round += 1) {
    for (let step = 0; step < contenders.length; step += 1) {
      const contender = contenders[(round + step) % contenders.length];
      const value = await contender.measure(round);
      samples[contender.name].push(value);
      log(`  round ${round + 1}/${reps} ${contender.name}: ${value.toFixed(1)}`);
    }
  }
  return samples;
}
