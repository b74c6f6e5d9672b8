import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHooks, type UntypedHooks } from '../src/hooks';

// The registry's own behaviour, with names of no hook map: its untyped view (the same functions as the typed one).
let hooks: UntypedHooks;

beforeEach(() => {
  hooks = createHooks().untyped;
});

afterEach(() => {
  jest.restoreAllMocks();
});

/** A filter callback that appends `suffix` to the string it gets. */
const append =
  (suffix: string) =>
  (value: unknown): string =>
    String(value) + suffix;

describe('registering and running handlers', () => {
  test('filters run in priority order, lowest first', async () => {
    hooks.addFilter('test.filter', 'my/c', append('c'), 30);
    hooks.addFilter('test.filter', 'my/a', append('a'), 5);
    hooks.addFilter('test.filter', 'my/b', append('b'), 20);

    expect(await hooks.applyFilters('test.filter', 'test')).toBe('testabc');
  });

  test('handlers with the same priority run in the order they were added', async () => {
    hooks.addFilter('test.filter', 'my/b', append('b'), 10);
    hooks.addFilter('test.filter', 'my/a', append('a'), 10);
    hooks.addFilter('test.filter', 'my/first', append('1'), 5);
    hooks.addFilter('test.filter', 'my/c', append('c'), 10);

    expect(await hooks.applyFilters('test.filter', 'test')).toBe('test1bac');
  });

  test('the default priority is 10', async () => {
    hooks.addFilter('test.filter', 'my/eleven', append('11'), 11);
    hooks.addFilter('test.filter', 'my/default', append('default'));
    hooks.addFilter('test.filter', 'my/nine', append('9'), 9);

    expect(await hooks.applyFilters('test.filter', '')).toBe('9default11');
  });

  test('a negative priority runs before priority 0', async () => {
    hooks.addFilter('test.filter', 'my/zero', append('0'), 0);
    hooks.addFilter('test.filter', 'my/negative', append('-1'), -1);

    expect(await hooks.applyFilters('test.filter', '')).toBe('-10');
  });

  test('applyFilters resolves to the value unchanged when the filter has no handler', async () => {
    const value = { id: 1 };

    await expect(hooks.applyFilters('test.filter', value)).resolves.toBe(value);
  });

  test('applyFilters on a hook without handlers enters no async context', async () => {
    const run = jest.spyOn(AsyncLocalStorage.prototype, 'run');

    await hooks.applyFilters('test.filter', 'value');
    await hooks.doAction('test.action');

    expect(run).not.toHaveBeenCalled();
  });

  test('every filter callback gets the current value followed by the extra arguments', async () => {
    const calls: unknown[][] = [];
    hooks.addFilter('test.filter', 'my/first', (value: unknown, ...args: unknown[]) => {
      calls.push([value, ...args]);
      return Number(value) + 1;
    });
    hooks.addFilter('test.filter', 'my/second', (value: unknown, ...args: unknown[]) => {
      calls.push([value, ...args]);
      return Number(value) * 10;
    });

    expect(await hooks.applyFilters('test.filter', 1, 'request', 42)).toBe(20);
    expect(calls).toEqual([
      [1, 'request', 42],
      [2, 'request', 42],
    ]);
  });

  test('doAction calls every callback with the arguments and resolves to undefined whatever they return', async () => {
    const calls: unknown[][] = [];
    hooks.addAction('test.action', 'my/first', (...args: unknown[]) => {
      calls.push(args);
      return 'ignored';
    });
    hooks.addAction('test.action', 'my/second', (...args: unknown[]) => {
      calls.push(args);
    });

    await expect(hooks.doAction('test.action', 'a', 2)).resolves.toBeUndefined();
    expect(calls).toEqual([
      ['a', 2],
      ['a', 2],
    ]);
  });

  test('callbacks are called without a `this`', async () => {
    const receivers: unknown[] = [];
    hooks.addAction('test.action', 'my/this', function (this: unknown) {
      receivers.push(this);
    });

    await hooks.doAction('test.action');

    expect(receivers).toEqual([undefined]);
  });

  test('filters and actions are separate stores', async () => {
    const calls: string[] = [];
    hooks.addFilter('test.hook', 'my/filter', (value: unknown) => {
      calls.push('filter');
      return value;
    });
    hooks.addAction('test.hook', 'my/action', () => {
      calls.push('action');
    });

    await hooks.doAction('test.hook');
    expect(calls).toEqual(['action']);
    await hooks.applyFilters('test.hook', '');
    expect(calls).toEqual(['action', 'filter']);

    expect(hooks.removeAction('test.hook', 'my/filter')).toBe(0);
    expect(hooks.removeAllActions('test.hook')).toBe(1);
    expect(hooks.hasFilter('test.hook')).toBe(true);
    expect(hooks.hasAction('test.hook')).toBe(false);
  });

  test('each createHooks() call is its own registry', async () => {
    const other = createHooks().untyped;
    let otherIsFiltering: boolean | undefined;
    hooks.addFilter('test.filter', 'my/a', (value: unknown) => {
      otherIsFiltering = other.doingFilter();
      return String(value) + 'a';
    });

    expect(await other.applyFilters('test.filter', '')).toBe('');
    expect(await hooks.applyFilters('test.filter', '')).toBe('a');
    expect(other.hasFilter('test.filter')).toBe(false);
    expect(other.didFilter('test.filter')).toBe(1);
    expect(hooks.didFilter('test.filter')).toBe(1);
    expect(otherIsFiltering).toBe(false);
  });
});

describe('removing handlers and checking for them', () => {
  test('removeFilter removes every handler of the namespace on that hook and returns how many', async () => {
    hooks.addFilter('test.filter', 'my/a', append('a'));
    hooks.addFilter('test.filter', 'my/b', append('b1'));
    hooks.addFilter('test.filter', 'my/b', append('b2'), 20);
    hooks.addFilter('other.filter', 'my/b', append('b'));

    expect(hooks.removeFilter('test.filter', 'my/b')).toBe(2);
    expect(await hooks.applyFilters('test.filter', '')).toBe('a');
    expect(await hooks.applyFilters('other.filter', '')).toBe('b');
  });

  test('removeFilter returns 0 for a hook or namespace that has no handler', () => {
    hooks.addFilter('test.filter', 'my/a', append('a'));

    expect(hooks.removeFilter('unknown.filter', 'my/a')).toBe(0);
    expect(hooks.removeFilter('test.filter', 'my/unknown')).toBe(0);
    expect(hooks.hasFilter('test.filter', 'my/a')).toBe(true);
  });

  test('removeAction removes every handler of the namespace on that hook and returns how many', async () => {
    const calls: string[] = [];
    hooks.addAction('test.action', 'my/a', () => calls.push('a'));
    hooks.addAction('test.action', 'my/b', () => calls.push('b'));

    expect(hooks.removeAction('test.action', 'my/a')).toBe(1);
    await hooks.doAction('test.action');
    expect(calls).toEqual(['b']);
  });

  test('removeAllFilters removes every handler of the hook, or only those of a namespace when given', async () => {
    hooks.addFilter('test.filter', 'my/a', append('a'));
    hooks.addFilter('test.filter', 'my/b', append('b'));
    hooks.addFilter('test.filter', 'my/b', append('b'));
    hooks.addFilter('test.filter', 'my/c', append('c'));

    expect(hooks.removeAllFilters('test.filter', 'my/b')).toBe(2);
    expect(await hooks.applyFilters('test.filter', '')).toBe('ac');
    expect(hooks.removeAllFilters('test.filter')).toBe(2);
    expect(await hooks.applyFilters('test.filter', '')).toBe('');
    expect(hooks.removeAllFilters('unknown.filter')).toBe(0);
  });

  test('removeAllActions removes every handler of the hook, or only those of a namespace when given', async () => {
    const calls: string[] = [];
    hooks.addAction('test.action', 'my/a', () => calls.push('a'));
    hooks.addAction('test.action', 'my/b', () => calls.push('b'));
    hooks.addAction('test.action', 'my/c', () => calls.push('c'));

    expect(hooks.removeAllActions('test.action', 'my/b')).toBe(1);
    await hooks.doAction('test.action');
    expect(hooks.removeAllActions('test.action')).toBe(2);
    await hooks.doAction('test.action');
    expect(calls).toEqual(['a', 'c']);
  });

  test('hasFilter tells whether the hook has a handler, of the namespace when given', () => {
    expect(hooks.hasFilter('test.filter')).toBe(false);

    hooks.addFilter('test.filter', 'my/a', append('a'));

    expect(hooks.hasFilter('test.filter')).toBe(true);
    expect(hooks.hasFilter('test.filter', 'my/a')).toBe(true);
    expect(hooks.hasFilter('test.filter', 'my/b')).toBe(false);
    expect(hooks.hasFilter('other.filter')).toBe(false);

    hooks.removeFilter('test.filter', 'my/a');

    expect(hooks.hasFilter('test.filter')).toBe(false);
    expect(hooks.hasFilter('test.filter', 'my/a')).toBe(false);
  });

  test('hasAction tells whether the hook has a handler, of the namespace when given', () => {
    hooks.addAction('test.action', 'my/a', () => undefined);

    expect(hooks.hasAction('test.action')).toBe(true);
    expect(hooks.hasAction('test.action', 'my/a')).toBe(true);
    expect(hooks.hasAction('test.action', 'my/b')).toBe(false);
    expect(hooks.hasAction('other.action')).toBe(false);
  });
});

describe('asynchronous callbacks', () => {
  test('callbacks run one after another, each awaited, even when their promises resolve out of order', async () => {
    const events: string[] = [];
    hooks.addFilter('test.filter', 'my/slow', async (value: unknown) => {
      events.push('slow start');
      await sleep(30);
      events.push('slow end');
      return String(value) + 'slow ';
    });
    hooks.addFilter('test.filter', 'my/fast', async (value: unknown) => {
      events.push('fast start');
      await sleep(1);
      events.push('fast end');
      return String(value) + 'fast';
    });

    expect(await hooks.applyFilters('test.filter', '')).toBe('slow fast');
    expect(events).toEqual(['slow start', 'slow end', 'fast start', 'fast end']);
  });

  test('doAction awaits each callback before calling the next one', async () => {
    const events: string[] = [];
    hooks.addAction('test.action', 'my/slow', async () => {
      await sleep(30);
      events.push('slow');
    });
    hooks.addAction('test.action', 'my/fast', () => {
      events.push('fast');
    });

    await hooks.doAction('test.action');

    expect(events).toEqual(['slow', 'fast']);
  });

  test('a filter callback may return a promise and the next callback gets its resolved value', async () => {
    hooks.addFilter('test.filter', 'my/async', (value: unknown) => Promise.resolve(Number(value) + 1));
    hooks.addFilter('test.filter', 'my/sync', (value: unknown) => Number(value) * 2);

    expect(await hooks.applyFilters('test.filter', 1)).toBe(4);
  });
});

describe('errors thrown by callbacks', () => {
  test('a throwing filter callback rejects applyFilters and the rest of the chain does not run', async () => {
    const calls: string[] = [];
    hooks.addFilter('test.filter', 'my/first', (value: unknown) => {
      calls.push('first');
      return value;
    });
    hooks.addFilter('test.filter', 'my/throws', () => {
      throw new Error('refused');
    });
    hooks.addFilter('test.filter', 'my/last', (value: unknown) => {
      calls.push('last');
      return value;
    });

    await expect(hooks.applyFilters('test.filter', '')).rejects.toThrow('refused');
    expect(calls).toEqual(['first']);
  });

  test('a rejecting action callback rejects doAction and the rest of the chain does not run', async () => {
    const calls: string[] = [];
    hooks.addAction('test.action', 'my/rejects', async () => {
      await sleep(1);
      throw new Error('refused');
    });
    hooks.addAction('test.action', 'my/last', () => {
      calls.push('last');
    });

    await expect(hooks.doAction('test.action')).rejects.toThrow('refused');
    expect(calls).toEqual([]);
  });

  test('after a callback threw, the hook is no longer reported as running', async () => {
    hooks.addFilter('test.filter', 'my/throws', () => {
      throw new Error('refused');
    });

    await expect(hooks.applyFilters('test.filter', '')).rejects.toThrow('refused');
    expect(hooks.doingFilter()).toBe(false);
    expect(hooks.currentFilter()).toBeNull();
  });
});

describe('validation at registration', () => {
  const callback = append('x');

  test.each([
    ['an empty string', '', 'The hook name must be a non-empty string.'],
    ['a non-string', 42, 'The hook name must be a non-empty string.'],
    ['a name starting with __', '__reserved', 'The hook name "__reserved" cannot begin with "__".'],
    ['a name starting with a digit', '1hook', 'must start with a letter'],
    ['a name with a space', 'my hook', 'must start with a letter'],
    ['a name with a slash', 'my/hook', 'must start with a letter'],
  ])('addFilter throws a TypeError for %s as the hook name', (_label, hookName, message) => {
    expect(() => hooks.addFilter(hookName as string, 'my/ns', callback)).toThrow(TypeError);
    expect(() => hooks.addFilter(hookName as string, 'my/ns', callback)).toThrow(message);
    expect(hooks.hasFilter(hookName as string)).toBe(false);
  });

  test.each([
    ['an empty string', '', 'The namespace must be a non-empty string.'],
    ['a missing namespace', undefined, 'The namespace must be a non-empty string.'],
    ['a namespace starting with a slash', '/my/ns', 'must start with a letter'],
    ['a namespace with a space', 'my ns', 'must start with a letter'],
    ['a namespace with a colon', 'my:ns', 'must start with a letter'],
  ])('addAction throws a TypeError for %s as the namespace', (_label, namespace, message) => {
    expect(() => hooks.addAction('test.action', namespace as string, callback)).toThrow(TypeError);
    expect(() => hooks.addAction('test.action', namespace as string, callback)).toThrow(message);
    expect(hooks.hasAction('test.action')).toBe(false);
  });

  test('names may use letters, digits, underscores, periods and dashes, and namespaces slashes too', () => {
    hooks.addFilter('woocommerce_rest-customer.query2', 'vendor-1/plugin_x/fn.v2', callback);

    expect(hooks.hasFilter('woocommerce_rest-customer.query2', 'vendor-1/plugin_x/fn.v2')).toBe(true);
  });

  test.each([
    ['a string', 'not a function'],
    ['null', null],
    ['an object', {}],
  ])('addFilter throws a TypeError when the callback is %s', (_label, notCallable) => {
    expect(() => hooks.addFilter('test.filter', 'my/ns', notCallable as unknown as typeof callback)).toThrow(
      new TypeError('The hook callback must be a function.'),
    );
    expect(hooks.hasFilter('test.filter')).toBe(false);
  });

  test.each([
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a numeric string', '10'],
  ])('addFilter throws a TypeError when the priority is %s', (_label, priority) => {
    expect(() => hooks.addFilter('test.filter', 'my/ns', callback, priority as number)).toThrow(
      new TypeError(`The hook priority must be an integer, got ${String(priority)}.`),
    );
    expect(hooks.hasFilter('test.filter')).toBe(false);
  });

  test('removeFilter throws a TypeError for an invalid hook name or namespace', () => {
    expect(() => hooks.removeFilter('__reserved', 'my/ns')).toThrow(TypeError);
    expect(() => hooks.removeFilter('test.filter', undefined as unknown as string)).toThrow(
      new TypeError('The namespace must be a non-empty string.'),
    );
    expect(() => hooks.removeAllFilters('test.filter', 'bad namespace')).toThrow(TypeError);
  });
});

describe('changing a hook while it runs (WP_Hook semantics)', () => {
  // WP_Hook iterates a copy of the running priority bucket, so a handler added at that priority waits for the next run.
  test('a filter added at the priority currently running is not called until the next run', async () => {
    hooks.addFilter('test.filter', 'my/adder', (value: unknown) => {
      if (!hooks.hasFilter('test.filter', 'my/late')) {
        hooks.addFilter('test.filter', 'my/late', append('late'), 10);
      }
      return String(value) + 'adder ';
    });

    expect(await hooks.applyFilters('test.filter', '')).toBe('adder ');
    expect(await hooks.applyFilters('test.filter', '')).toBe('adder late');
  });

  test('a filter added at a later priority during a run is called in that run', async () => {
    hooks.addFilter('test.filter', 'my/adder', (value: unknown) => {
      hooks.addFilter('test.filter', 'my/later', append('later'), 11);
      return String(value) + 'adder ';
    });

    expect(await hooks.applyFilters('test.filter', '')).toBe('adder later');
  });

  test('a filter added at an earlier priority during a run is not called in that run', async () => {
    hooks.addFilter('test.filter', 'my/adder', (value: unknown) => {
      if (!hooks.hasFilter('test.filter', 'my/earlier')) {
        hooks.addFilter('test.filter', 'my/earlier', append('earlier '), 5);
      }
      return String(value) + 'adder';
    });

    expect(await hooks.applyFilters('test.filter', '')).toBe('adder');
    expect(await hooks.applyFilters('test.filter', '')).toBe('earlier adder');
  });

  test('a filter removed before it was reached is not called, at the same priority or a later one', async () => {
    hooks.addFilter('test.filter', 'my/remover', (value: unknown) => {
      hooks.removeFilter('test.filter', 'my/same');
      hooks.removeFilter('test.filter', 'my/later');
      return String(value) + 'remover ';
    });
    hooks.addFilter('test.filter', 'my/same', append('same '));
    hooks.addFilter('test.filter', 'my/kept', append('kept'));
    hooks.addFilter('test.filter', 'my/later', append(' later'), 20);

    expect(await hooks.applyFilters('test.filter', '')).toBe('remover kept');
  });

  test('a filter may remove itself and the rest of the run goes on', async () => {
    hooks.addFilter('test.filter', 'my/a', append('a'));
    hooks.addFilter('test.filter', 'my/once', (value: unknown) => {
      hooks.removeFilter('test.filter', 'my/once');
      return String(value) + 'once';
    });
    hooks.addFilter('test.filter', 'my/b', append('b'));
    hooks.addFilter('test.filter', 'my/c', append('c'), 20);

    expect(await hooks.applyFilters('test.filter', '')).toBe('aoncebc');
    expect(await hooks.applyFilters('test.filter', '')).toBe('abc');
  });

  test('removeAllFilters during a run stops the handlers not yet reached', async () => {
    hooks.addFilter('test.filter', 'my/a', append('a'));
    hooks.addFilter('test.filter', 'my/clear', (value: unknown) => {
      hooks.removeAllFilters('test.filter');
      return String(value) + 'clear';
    });
    hooks.addFilter('test.filter', 'my/b', append('b'));
    hooks.addFilter('test.filter', 'my/c', append('c'), 20);

    expect(await hooks.applyFilters('test.filter', '')).toBe('aclear');
  });

  test('a handler added during an awaited callback is seen when the run reaches its priority', async () => {
    hooks.addFilter('test.filter', 'my/waits', async (value: unknown) => {
      await sleep(5);
      return String(value) + 'waited ';
    });
    const run = hooks.applyFilters('test.filter', '');
    hooks.addFilter('test.filter', 'my/added', append('added'), 15);

    expect(await run).toBe('waited added');
  });

  test('a filter can run its own hook again from inside one of its callbacks', async () => {
    const seen: string[] = [];
    hooks.addFilter('test.filter', 'my/recurse', async (depth: unknown) => {
      seen.push(`recurse ${String(depth)}`);
      return Number(depth) < 2 ? hooks.applyFilters('test.filter', Number(depth) + 1) : depth;
    });
    hooks.addFilter('test.filter', 'my/after', (depth: unknown) => {
      seen.push(`after ${String(depth)}`);
      return depth;
    });

    expect(await hooks.applyFilters('test.filter', 0)).toBe(2);
    expect(seen).toEqual(['recurse 0', 'recurse 1', 'recurse 2', 'after 2', 'after 2', 'after 2']);
    expect(hooks.didFilter('test.filter')).toBe(3);
  });

  test('an action can run itself recursively and each level runs every handler', async () => {
    const calls: string[] = [];
    hooks.addAction('test.action', 'my/recurse', async (depth: unknown) => {
      calls.push(`recurse ${String(depth)}`);
      if (Number(depth) < 1) {
        await hooks.doAction('test.action', Number(depth) + 1);
      }
    });
    hooks.addAction('test.action', 'my/after', (depth: unknown) => {
      calls.push(`after ${String(depth)}`);
    });

    await hooks.doAction('test.action', 0);

    expect(calls).toEqual(['recurse 0', 'recurse 1', 'after 1', 'after 0']);
  });
});

describe('run counts', () => {
  test('didAction and didFilter count the runs of each hook, with or without handlers', async () => {
    hooks.addAction('test.action', 'my/a', () => undefined);

    await hooks.doAction('test.action');
    await hooks.doAction('test.action');
    await hooks.doAction('empty.action');
    await hooks.applyFilters('test.filter', '');

    expect(hooks.didAction('test.action')).toBe(2);
    expect(hooks.didAction('empty.action')).toBe(1);
    expect(hooks.didAction('never.action')).toBe(0);
    expect(hooks.didFilter('test.filter')).toBe(1);
    expect(hooks.didFilter('test.action')).toBe(0);
    expect(hooks.didAction('test.filter')).toBe(0);
  });

  test('a run is counted even when a callback throws', async () => {
    hooks.addAction('test.action', 'my/throws', () => {
      throw new Error('refused');
    });

    await expect(hooks.doAction('test.action')).rejects.toThrow('refused');

    expect(hooks.didAction('test.action')).toBe(1);
  });
});

describe('which hook is running', () => {
  test('currentFilter and doingFilter report the running filter inside its callbacks only', async () => {
    let inside: unknown[] = [];
    hooks.addFilter('test.filter', 'my/a', (value: unknown) => {
      inside = [hooks.currentFilter(), hooks.doingFilter(), hooks.doingFilter('test.filter'), hooks.doingFilter('x')];
      return value;
    });

    expect(hooks.currentFilter()).toBeNull();
    expect(hooks.doingFilter()).toBe(false);
    await hooks.applyFilters('test.filter', '');

    expect(inside).toEqual(['test.filter', true, true, false]);
    expect(hooks.currentFilter()).toBeNull();
    expect(hooks.doingFilter()).toBe(false);
    expect(hooks.doingFilter('test.filter')).toBe(false);
  });

  test('nested filters report the innermost as current and every one as doing, then the outer again', async () => {
    const seen: unknown[][] = [];
    hooks.addFilter('outer.filter', 'my/outer', async (value: unknown) => {
      const inner = await hooks.applyFilters('inner.filter', value);
      seen.push(['outer after inner', hooks.currentFilter(), hooks.doingFilter('inner.filter')]);
      return inner;
    });
    hooks.addFilter('inner.filter', 'my/inner', (value: unknown) => {
      seen.push(['inner', hooks.currentFilter(), hooks.doingFilter('outer.filter')]);
      return value;
    });

    await hooks.applyFilters('outer.filter', '');

    expect(seen).toEqual([
      ['inner', 'inner.filter', true],
      ['outer after inner', 'outer.filter', false],
    ]);
  });

  test('filters and actions are tracked apart: an action run inside a filter leaves the filter current', async () => {
    let seen: unknown[] = [];
    hooks.addFilter('test.filter', 'my/filter', async (value: unknown) => {
      await hooks.doAction('test.action');
      return value;
    });
    hooks.addAction('test.action', 'my/action', () => {
      seen = [
        hooks.currentAction(),
        hooks.doingAction('test.action'),
        hooks.currentFilter(),
        hooks.doingAction('test.filter'),
      ];
    });

    expect(hooks.currentAction()).toBeNull();
    await hooks.applyFilters('test.filter', '');

    expect(seen).toEqual(['test.action', true, 'test.filter', false]);
    expect(hooks.doingAction()).toBe(false);
  });

  test('concurrent runs with interleaved awaits each see only their own running hooks', async () => {
    const seen: string[] = [];
    const record = (label: string): void => {
      const doing = `doingA=${hooks.doingFilter('a.filter')} doingB=${hooks.doingFilter('b.filter')}`;
      seen.push(`${label}: current=${hooks.currentFilter()} ${doing}`);
    };
    hooks.addFilter('a.filter', 'my/a', async (value: unknown) => {
      await sleep(20);
      record('a at 20ms');
      return value;
    });
    hooks.addFilter('b.filter', 'my/b', async (value: unknown) => {
      await sleep(10);
      record('b at 10ms');
      await sleep(20);
      record('b at 30ms');
      return value;
    });

    const a = hooks.applyFilters('a.filter', 'a');
    const b = hooks.applyFilters('b.filter', 'b');
    record('caller');
    await Promise.all([a, b]);

    expect(seen).toEqual([
      'caller: current=null doingA=false doingB=false',
      'b at 10ms: current=b.filter doingA=false doingB=true',
      'a at 20ms: current=a.filter doingA=true doingB=false',
      'b at 30ms: current=b.filter doingA=false doingB=true',
    ]);
  });
});

describe('hookAdded and hookRemoved', () => {
  test('adding a filter or an action runs hookAdded with the hook name, namespace, callback and priority', () => {
    const added: unknown[][] = [];
    hooks.addAction('hookAdded', 'my/watch', (...args: unknown[]) => {
      added.push(args);
    });
    const callback = append('a');
    const actionCallback = (): void => undefined;

    hooks.addFilter('test.filter', 'my/a', callback, 5);
    hooks.addAction('test.action', 'my/b', actionCallback);

    expect(added).toEqual([
      ['test.filter', 'my/a', callback, 5],
      ['test.action', 'my/b', actionCallback, 10],
    ]);
    expect(hooks.didAction('hookAdded')).toBe(2);
  });

  test('removing handlers runs hookRemoved with the hook name and namespace, only when something was removed', () => {
    const removed: unknown[][] = [];
    hooks.addAction('hookRemoved', 'my/watch', (...args: unknown[]) => {
      removed.push(args);
    });
    hooks.addFilter('test.filter', 'my/a', append('a'));
    hooks.addFilter('test.filter', 'my/b', append('b'));
    hooks.addAction('test.action', 'my/c', () => undefined);

    hooks.removeFilter('test.filter', 'my/a');
    hooks.removeFilter('test.filter', 'my/unknown');
    hooks.removeAllFilters('test.filter');
    hooks.removeAllActions('test.action', 'my/c');

    expect(removed).toEqual([
      ['test.filter', 'my/a'],
      ['test.filter', undefined],
      ['test.action', 'my/c'],
    ]);
  });

  test('hookAdded runs before addFilter returns and reports itself as the current action', () => {
    const events: string[] = [];
    hooks.addAction('hookAdded', 'my/watch', () => {
      events.push(`hookAdded current=${hooks.currentAction()}`);
    });

    hooks.addFilter('test.filter', 'my/a', append('a'));
    events.push('addFilter returned');

    expect(events).toEqual(['hookAdded current=hookAdded', 'addFilter returned']);
  });

  test('adding a hookAdded handler, or removing a hookRemoved one, does not report itself', () => {
    const reported: unknown[] = [];
    hooks.addAction('hookRemoved', 'my/watch', (hookName: unknown) => reported.push(hookName));
    hooks.addAction('hookAdded', 'my/first', (hookName: unknown) => reported.push(hookName));

    hooks.addAction('hookAdded', 'my/second', () => undefined);
    hooks.removeAction('hookRemoved', 'my/watch');

    expect(reported).toEqual([]);
  });

  test('an error thrown by a hookAdded handler reaches the addFilter caller, after the filter was added', () => {
    hooks.addAction('hookAdded', 'my/strict', () => {
      throw new Error('no more filters');
    });

    expect(() => hooks.addFilter('test.filter', 'my/a', append('a'))).toThrow('no more filters');
    expect(hooks.hasFilter('test.filter', 'my/a')).toBe(true);
  });
});

describe('the typed view and the untyped view', () => {
  test('are one registry: handlers, removals, run counts and running state are shared', async () => {
    const typed = createHooks();
    let doing: boolean | undefined;
    typed.untyped.addFilter('woocommerce_shop_manager_editable_roles', 'my/untyped', (roles) => {
      doing = typed.doingFilter('woocommerce_shop_manager_editable_roles');
      return [...(Array.isArray(roles) ? roles : []), 'wholesale'];
    });
    typed.addFilter('woocommerce_shop_manager_editable_roles', 'my/typed', (roles) => [...roles, 'vip'], 20);

    expect(await typed.applyFilters('woocommerce_shop_manager_editable_roles', ['customer'])).toEqual([
      'customer',
      'wholesale',
      'vip',
    ]);
    expect(await typed.untyped.applyFilters('woocommerce_shop_manager_editable_roles', [])).toEqual([
      'wholesale',
      'vip',
    ]);
    expect(doing).toBe(true);
    expect(typed.didFilter('woocommerce_shop_manager_editable_roles')).toBe(2);
    expect(typed.untyped.didFilter('woocommerce_shop_manager_editable_roles')).toBe(2);

    expect(typed.removeFilter('woocommerce_shop_manager_editable_roles', 'my/untyped')).toBe(1);
    expect(typed.untyped.hasFilter('woocommerce_shop_manager_editable_roles', 'my/untyped')).toBe(false);
    expect(await typed.untyped.applyFilters('woocommerce_shop_manager_editable_roles', [])).toEqual(['vip']);
  });
});
