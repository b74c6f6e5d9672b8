import {
  createNewCustomerUsername,
  randomFourDigits,
  type CustomerNameArgs,
  type CustomerUsernameDeps,
} from './customerUsername';

function fakeDeps(takenLogins: string[] = [], illegal: string[] = []) {
  const taken = new Set(takenLogins);
  const calls = { generated: [] as Array<[string, CustomerNameArgs]>, final: [] as unknown[][] };
  const deps: CustomerUsernameDeps = {
    usernameExists: async (login) => taken.has(login.toLowerCase()),
    isIllegalLogin: async (login) => illegal.includes(login.toLowerCase()),
    generatedUsername: async (suffix, args) => {
      calls.generated.push([suffix, args]);
      return `woo_user_${randomFourDigits()}`;
    },
    finalFilter: async (username, email, args, suffix) => {
      calls.final.push([username, email, args, suffix]);
      return username;
    },
  };
  return { deps, calls };
}

describe('createNewCustomerUsername', () => {
  it('uses the email local part, strictly sanitized and lower-cased', async () => {
    const { deps, calls } = fakeDeps();
    expect(await createNewCustomerUsername('John.Doe+shop@Example.com', {}, deps)).toBe('john.doeshop');
    expect(calls.final).toEqual([['john.doeshop', 'John.Doe+shop@Example.com', {}, '']]);
  });

  it('uses the domain for role addresses, case-sensitively', async () => {
    const { deps } = fakeDeps();
    expect(await createNewCustomerUsername('info@acme.com', {}, deps)).toBe('acme.com');
    expect(await createNewCustomerUsername('contact@Shop.IO', {}, deps)).toBe('shop.io');
    expect(await createNewCustomerUsername('Sales@x.com', {}, deps)).toBe('sales');
    expect(await createNewCustomerUsername('info@a@b.com', {}, deps)).toBe('a');
    expect(await createNewCustomerUsername('info', {}, deps)).toBe('');
  });

  it('builds first.last from the names when given', async () => {
    const { deps } = fakeDeps();
    expect(await createNewCustomerUsername('x@y.com', { first_name: 'Jöhn', last_name: 'Doe' }, deps)).toBe('john.doe');
    expect(await createNewCustomerUsername('x@y.com', { first_name: '', last_name: 'Doe' }, deps)).toBe('doe');
    expect(await createNewCustomerUsername('x@y.com', { first_name: '0', last_name: null }, deps)).toBe('x');
    expect(await createNewCustomerUsername('x@y.com', { first_name: '日本' }, deps)).toBe('x');
  });

  it('can yield an empty username for a non-ASCII local part', async () => {
    const { deps } = fakeDeps();
    expect(await createNewCustomerUsername('日本@example.com', {}, deps)).toBe('');
  });

  it('retries a taken name with a fresh -NNNN suffix that replaces the previous one', async () => {
    const { deps, calls } = fakeDeps(['john.doe']);
    const first = await createNewCustomerUsername('john.doe@example.com', {}, deps);
    expect(first).toMatch(/^john\.doe-\d{4}$/);
    expect(calls.final[0][3]).toBe(first.slice('john.doe'.length));
  });

  it('keeps retrying while suffixed names are taken too', async () => {
    const suffixed = Array.from({ length: 10000 }, (_, n) => `a-${String(n).padStart(4, '0')}`);
    const free = new Set(suffixed.slice(0, 10));
    const { deps } = fakeDeps(['a', ...suffixed.slice(10)]);
    expect(free.has(await createNewCustomerUsername('a@example.com', {}, deps))).toBe(true);
  });

  it('restarts from a generated woo_user name when the login is illegal', async () => {
    const { deps, calls } = fakeDeps([], ['admin']);
    const username = await createNewCustomerUsername('Admin@example.com', {}, deps);
    expect(username).toMatch(/^woo_user_\d{4}$/);
    expect(calls.generated).toEqual([['', {}]]);
    expect(calls.final[0][2]).toEqual({ first_name: username });
  });

  it('keeps the generated name when it collides after an illegal restart', async () => {
    const { deps } = fakeDeps(['woo_user_0001'], ['admin']);
    deps.generatedUsername = async () => 'woo_user_0001';
    expect(await createNewCustomerUsername('admin@example.com', {}, deps)).toMatch(/^woo_user_0001-\d{4}$/);
  });

  it('appends a given suffix (not for the PHP-empty "0")', async () => {
    const { deps } = fakeDeps();
    expect(await createNewCustomerUsername('bob@x.com', {}, deps, '-0042')).toBe('bob-0042');
    expect(await createNewCustomerUsername('bob@x.com', {}, deps, '0')).toBe('bob');
  });
});

describe('randomFourDigits', () => {
  it('is zero-padded and covers the range', () => {
    const values = Array.from({ length: 2000 }, () => randomFourDigits());
    for (const value of values) expect(value).toMatch(/^\d{4}$/);
    expect(values.some((value) => value.startsWith('0'))).toBe(true);
  });
});
