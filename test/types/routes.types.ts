/**
 * Compile-time tests of typed routes: compiled by `npm run typecheck` and by test/typeTests.test.ts, never run.
 * Plain lines must compile; each `@ts-expect-error` line must fail to (an unused one is itself an error).
 */
import type { RestRequest } from '../../src/rest/RestRequest';
import type { MethodSpec, RestApi, RouteArgs, RouteEndpoint } from '../../src/rest/types';
import { ALLMETHODS, EDITABLE } from '../../src/rest/routes/routeMethods';

declare const rest: RestApi;
/** True only when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
declare function takesRequest(request: RestRequest): void;
const allow = () => true;

// --- methods ---------------------------------------------------------------------------------------------------
rest.registerRoute('acme/v1', '/a', { methods: 'GET', permissionCallback: allow, callback: () => 1 });
rest.registerRoute('acme/v1', '/a', { methods: 'delete', permissionCallback: allow, callback: () => 1 });
rest.registerRoute('acme/v1', '/a', { methods: ['POST', 'PUT', 'PATCH'], permissionCallback: allow, callback: () => 1 });
rest.registerRoute('acme/v1', '/a', { methods: 'POST, PUT, PATCH', permissionCallback: allow, callback: () => 1 });
rest.registerRoute('acme/v1', '/a', { methods: 'GET,post', permissionCallback: allow, callback: () => 1 });
rest.registerRoute('acme/v1', '/a', { methods: EDITABLE, permissionCallback: allow, callback: () => 1 });
rest.registerRoute('acme/v1', '/a', { methods: ALLMETHODS, permissionCallback: allow, callback: () => 1 });
const stored: RouteEndpoint = { methods: EDITABLE, permissionCallback: allow, callback: () => 1 };
rest.registerRoute('acme/v1', '/a', [stored, stored, stored, stored, stored, stored]);
const spec: MethodSpec = ['GET', 'head'];
rest.registerRoute('acme/v1', '/a', { methods: spec, permissionCallback: allow, callback: () => 1 });

// @ts-expect-error a misspelled method
rest.registerRoute('acme/v1', '/a', { methods: 'GETT', permissionCallback: allow, callback: () => 1 });
// @ts-expect-error a misspelled method inside WordPress's comma string
rest.registerRoute('acme/v1', '/a', { methods: 'POST, PUTT', permissionCallback: allow, callback: () => 1 });
// @ts-expect-error an empty entry in a comma string
rest.registerRoute('acme/v1', '/a', { methods: 'POST,,PUT', permissionCallback: allow, callback: () => 1 });
// @ts-expect-error a misspelled method in a list
rest.registerRoute('acme/v1', '/a', { methods: ['POST', 'FETCH'], permissionCallback: allow, callback: () => 1 });
// A misspelled method in the second of two endpoints (the directive sits on that endpoint's line, where the error is,
// so that reformatting the call cannot move the error away from it).
rest.registerRoute('acme/v1', '/a', [
  { methods: 'GET', permissionCallback: allow, callback: () => 1 },
  // @ts-expect-error 'PUST' is not a method
  { methods: 'PUST', permissionCallback: allow, callback: () => 1 },
]);
declare const anyText: string;
// @ts-expect-error a string whose methods are unknown at compile time
rest.registerRoute('acme/v1', '/a', { methods: anyText, permissionCallback: allow, callback: () => 1 });
// @ts-expect-error outside a registerRoute call, only the written forms and WordPress's constants
const misspelled: RouteEndpoint = { methods: 'GET, PUTT', permissionCallback: allow, callback: () => 1 };

// --- parameters from args --------------------------------------------------------------------------------------
rest.registerRoute('acme/v1', '/things/(?P<id>[\\d]+)/(?P<slug>[a-z]+)', [
  {
    methods: 'GET',
    permissionCallback: (request) => request.param('id') > 0,
    args: {
      id: { type: 'integer', required: true },
      name: { type: 'string' },
      page: { type: 'integer', default: 1 },
      force: { type: 'boolean', default: false },
      tags: { type: 'array', items: { type: 'integer' } },
      order: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
      maybe: { type: ['string', 'null'] },
      either: { anyOf: [{ type: 'integer' }, { type: 'boolean' }] },
      address: {
        type: 'object',
        properties: { city: { type: 'string', required: true }, zip: { type: 'string' } },
        additionalProperties: false,
      },
      ids: { type: 'string', sanitizeCallback: (value: unknown) => String(value).split(',').map(Number) },
      anything: { description: 'no type: not coerced' },
      nullDefault: { type: 'integer', default: null },
    },
    callback: (request) => {
      const checks: [
        Equal<ReturnType<typeof request.param<'id'>>, number>,
        Equal<ReturnType<typeof request.param<'name'>>, string | undefined>,
        Equal<ReturnType<typeof request.param<'page'>>, number>,
        Equal<ReturnType<typeof request.param<'force'>>, boolean>,
        Equal<ReturnType<typeof request.param<'tags'>>, number[] | undefined>,
        Equal<ReturnType<typeof request.param<'order'>>, 'asc' | 'desc'>,
        Equal<ReturnType<typeof request.param<'maybe'>>, string | null | undefined>,
        Equal<ReturnType<typeof request.param<'either'>>, number | boolean | undefined>,
        Equal<ReturnType<typeof request.param<'address'>>, { city: string; zip?: string } | undefined>,
        Equal<ReturnType<typeof request.param<'ids'>>, number[] | undefined>,
        Equal<ReturnType<typeof request.param<'anything'>>, unknown>,
        Equal<ReturnType<typeof request.param<'nullDefault'>>, number | undefined>,
        // A route variable the args do not declare: the matched text.
        Equal<ReturnType<typeof request.param<'slug'>>, string>,
      ] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
      takesRequest(request); // a typed request is still a RestRequest
      // @ts-expect-error a name the route does not declare
      request.param('nmae');
      // @ts-expect-error an integer is not a string
      const id: string = request.param('id');
      // @ts-expect-error an optional parameter may be missing
      const name: string = request.param('name');
      // @ts-expect-error not one of the enum's values
      const order: 'up' | 'down' = request.param('order');
      return { checks, id, name, order };
    },
  },
  {
    methods: 'DELETE',
    permissionCallback: allow,
    args: async () => ({ reassign: { type: 'integer', required: true } }) as const,
    callback: (request) => {
      const check: Equal<ReturnType<typeof request.param<'reassign'>>, number> = true;
      // @ts-expect-error each endpoint has its own args
      request.param('name');
      return check;
    },
  },
]);

// Untyped args (a RouteArgs value): every name is allowed and unknown, as before.
declare const computed: RouteArgs;
rest.registerRoute('acme/v1', '/b', {
  methods: 'GET',
  permissionCallback: allow,
  args: computed,
  callback: (request) => {
    const check: Equal<ReturnType<typeof request.param<'whatever'>>, unknown> = true;
    return check;
  },
});
