import { RestartBackoff } from './restartBackoff';

const settings = { firstDelayMs: 1000, maxDelayMs: 30_000, stableAfterMs: 60_000 };

it('restarts the first death at once, then doubles the wait while the worker keeps dying, up to the cap', () => {
  const backoff = new RestartBackoff(settings);
  expect([1, 2, 3, 4, 5, 6, 7, 8].map(() => backoff.delayAfter(500))).toEqual([
    0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
  ]);
});

it('starts over after a worker that lived past the stable period', () => {
  const backoff = new RestartBackoff(settings);
  expect([backoff.delayAfter(10), backoff.delayAfter(10), backoff.delayAfter(10)]).toEqual([0, 1000, 2000]);
  expect(backoff.delayAfter(60_000)).toBe(0);
  expect(backoff.delayAfter(10)).toBe(1000);
});
