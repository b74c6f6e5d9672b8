import { PreparedCustomers } from './preparedCustomers';

describe('PreparedCustomers', () => {
  it('keeps items per user version and variant, least recently used out first', async () => {
    const prepared = new PreparedCustomers(2);
    prepared.set(1, 7, 'v3', Promise.resolve({ id: 1 }));
    prepared.set(2, 1, 'v3', Promise.resolve({ id: 2 }));
    expect(await prepared.get(1, 7, 'v3')).toEqual({ id: 1 });
    expect(prepared.get(1, 8, 'v3')).toBeUndefined();
    expect(prepared.get(1, 7, 'v2')).toBeUndefined();
    prepared.set(3, 1, 'v3', Promise.resolve({ id: 3 }));
    expect(prepared.get(2, 1, 'v3')).toBeUndefined();
    expect(prepared.size).toBe(2);
  });

  it('says whether a user has an item of a variant, of any version, without counting it as a use', async () => {
    const prepared = new PreparedCustomers(2);
    prepared.set(1, 7, 'v3', Promise.resolve({ id: 1 }));
    prepared.set(2, 1, 'v3', Promise.resolve({ id: 2 }));
    expect(prepared.has(1, 'v3')).toBe(true);
    expect(prepared.has(1, 'v2')).toBe(false);
    expect(prepared.has(3, 'v3')).toBe(false);
    // Not a use: user 1 is still the least recently used, so it goes first.
    prepared.set(3, 1, 'v3', Promise.resolve({ id: 3 }));
    expect(prepared.has(1, 'v3')).toBe(false);
    expect(prepared.has(2, 'v3')).toBe(true);
    // A failed making is forgotten.
    const failed = Promise.reject(new Error('down'));
    prepared.set(4, 1, 'v3', failed);
    await failed.catch(() => undefined);
    await Promise.resolve();
    expect(prepared.has(4, 'v3')).toBe(false);
  });

  it('finds a customer asked for on its own worth keeping the second time, or when it has an entry', () => {
    const prepared = new PreparedCustomers(2);
    expect(prepared.worthKeeping(5)).toBe(false);
    expect(prepared.worthKeeping(5)).toBe(true);
    prepared.set(6, 1, 'v3', Promise.resolve({ id: 6 }));
    expect(prepared.worthKeeping(6)).toBe(true);
    // Remembers a bounded number of users asked for once: the oldest are forgotten.
    for (let id = 100; id < 120; id++) prepared.worthKeeping(id);
    expect(prepared.worthKeeping(100)).toBe(false);
    expect(prepared.worthKeeping(119)).toBe(true);
  });
});
