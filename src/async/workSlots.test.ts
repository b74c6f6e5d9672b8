import { createWorkSlots } from './workSlots';

describe('createWorkSlots', () => {
  it('runs at most `slots` at once, the rest first come first served, and frees a slot when work fails', async () => {
    const slots = createWorkSlots(2);
    const running = new Set<number>();
    const started: number[] = [];
    const finish: Array<(fail: boolean) => void> = [];
    const jobs = [0, 1, 2, 3, 4].map((n) =>
      slots
        .run(
          () =>
            new Promise<number>((resolve, reject) => {
              running.add(n);
              started.push(n);
              finish[n] = (fail) => {
                running.delete(n);
                if (fail) reject(new Error(`job ${n}`));
                else resolve(n);
              };
            }),
        )
        .catch((error: Error) => error.message),
    );
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect([...running]).toEqual([0, 1]);
    expect(slots.inUse()).toBe(2);
    expect(slots.waiting()).toBe(3);

    finish[1](true);
    await settle();
    expect([...running].sort()).toEqual([0, 2]);
    finish[0](false);
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(slots.waiting()).toBe(1);
    finish[2](false);
    finish[3](false);
    await settle();
    finish[4](false);
    expect(await Promise.all(jobs)).toEqual([0, 'job 1', 2, 3, 4]);
    expect(slots.inUse()).toBe(0);
    expect(slots.waiting()).toBe(0);
  });
});
