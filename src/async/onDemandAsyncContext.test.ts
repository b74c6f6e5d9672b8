import { createOnDemandAsyncContext } from './onDemandAsyncContext';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createOnDemandAsyncContext', () => {
  it('gives a run its store across awaits, and nothing outside any run', async () => {
    const context = createOnDemandAsyncContext<string>();
    expect(context.getStore()).toBeUndefined();
    const seen = await context.run('a', async () => {
      const before = context.getStore();
      await tick();
      return [before, context.getStore()];
    });
    expect(seen).toEqual(['a', 'a']);
    expect(context.getStore()).toBeUndefined();
  });

  it('keeps overlapping runs apart, and nests', async () => {
    const context = createOnDemandAsyncContext<string>();
    const observe = (store: string, waits: number) =>
      context.run(store, async () => {
        const seen: Array<string | undefined> = [];
        for (let i = 0; i < waits; i++) {
          await tick();
          seen.push(context.getStore());
        }
        const inner = await context.run(`${store}/inner`, async () => {
          await tick();
          return context.getStore();
        });
        seen.push(inner, context.getStore());
        return seen;
      });
    const [a, b] = await Promise.all([observe('a', 3), observe('b', 1)]);
    expect(a).toEqual(['a', 'a', 'a', 'a/inner', 'a']);
    expect(b).toEqual(['b', 'b/inner', 'b']);
  });

  it('ends the context when the last run settles, rejected or not', async () => {
    const context = createOnDemandAsyncContext<string>();
    let later: Promise<string | undefined> | undefined;
    await expect(
      context.run('a', async () => {
        // Started inside the run, not awaited by it, and still going once every run has settled.
        later = (async () => {
          await tick();
          await tick();
          return context.getStore();
        })();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await later).toBeUndefined();
    // A new run after that sees its own store again.
    await expect(context.run('b', async () => context.getStore())).resolves.toBe('b');
  });

  it('runs synchronous work in a context that ends when it returns or throws', () => {
    const context = createOnDemandAsyncContext<number>();
    expect(context.runSync(1, () => context.runSync(2, () => context.getStore()))).toBe(2);
    expect(() =>
      context.runSync(3, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(context.getStore()).toBeUndefined();
  });

  it('turns a synchronous throw of the work into a rejection and still ends the run', async () => {
    const context = createOnDemandAsyncContext<string>();
    const work = (() => {
      throw new Error('sync');
    }) as unknown as () => Promise<void>;
    await expect(context.run('a', work)).rejects.toThrow('sync');
    expect(context.getStore()).toBeUndefined();
  });
});
