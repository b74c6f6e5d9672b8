/** A first-come, first-served lock for async work within this process. */
export interface AsyncMutex {
  runExclusive<T>(work: () => Promise<T>): Promise<T>;
}

export function createAsyncMutex(): AsyncMutex {
  let tail: Promise<void> = Promise.resolve();
  return {
    async runExclusive<T>(work: () => Promise<T>): Promise<T> {
      const previous = tail;
      let release!: () => void;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
