// A seeded pseudo-random generator, so that generated inputs are the same on every run.

/** mulberry32: returns a function giving floats in [0, 1) from a 32-bit seed. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [low, high] from a generator made by createRandom. */
export function randomInt(random, low, high) {
  return low + Math.floor(random() * (high - low + 1));
}

/** One element of a non-empty list, chosen by the generator. */
export function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}
