import type { RolesOption } from './capabilities';
import { memoPerRolesOption } from './memoPerRolesOption';

const roles = (slug: string): RolesOption => Object.freeze({ [slug]: { name: slug, capabilities: { read: true } } });

it('computes a stored value once per roles object, and again for another roles object', () => {
  const computed: string[] = [];
  const of = memoPerRolesOption(10, (stored, option) => {
    computed.push(`${stored}|${Object.keys(option).join()}`);
    return { stored, roles: Object.keys(option) };
  });
  const customer = roles('customer');
  const auditor = roles('auditor');
  expect(of('a', customer)).toBe(of('a', customer));
  expect(of('a', auditor)).toEqual({ stored: 'a', roles: ['auditor'] });
  expect(of('b', customer)).toEqual({ stored: 'b', roles: ['customer'] });
  expect(computed).toEqual(['a|customer', 'a|auditor', 'b|customer']);
});

it('keeps at most `limit` values per roles object (computing again past it)', () => {
  let computations = 0;
  const of = memoPerRolesOption(2, (stored) => ++computations && stored);
  const option = roles('customer');
  for (const stored of ['a', 'b', 'c', 'a']) of(stored, option);
  expect(computations).toBe(4);
});
