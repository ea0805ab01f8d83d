/**
 * Runs async tasks one at a time, in the order they were queued. The key manager puts
 * every read-modify-write of the vault through one of these, so two windows unlocking
 * or editing at once never interleave their writes.
 */
export interface Mutex {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
