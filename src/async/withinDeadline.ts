/** What withinDeadline resolves with when the deadline came first. */
export const DEADLINE_PASSED: unique symbol = Symbol('deadline passed');

/**
 * `work`'s outcome, or DEADLINE_PASSED once `timeoutMs` have gone by first (0 = no deadline). The work is not stopped
 * — JavaScript cannot stop it — but whatever it later resolves or rejects with is dropped.
 */
export function withinDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T | typeof DEADLINE_PASSED> {
  if (timeoutMs <= 0) return work;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(DEADLINE_PASSED), timeoutMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
