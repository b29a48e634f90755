// A promise with its resolve function at hand, for tasks that events finish.

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

/** Creates a promise that whoever holds it can resolve (once; later calls do nothing). */
export function createDeferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
