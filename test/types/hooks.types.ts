/**
 * Type tests of the hook map, compiled by `npm run typecheck` and by test/types.hooks.test.ts (which also checks that
 * every `@ts-expect-error` line fails on its own). Plain lines must compile; each line after a
 * `@ts-expect-error` must not. Nothing here runs.
 */
import { definePlugin, HOST_HOOKS, RestError, RestResponse, type Hooks, type RestRequest } from 'wc-host';
import { CUSTOMER_HOOKS, RegistrationErrors, type Customer, type NewCustomerData, type WpUser } from 'wc-host/customers';

/** Compiles only when A and B are the same type. */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T>(value: T): T {
  return value;
}
const same = <A, B>(verdict: Equals<A, B>) => verdict;

declare module 'wc-host' {
  interface FilterMap {
    /** A hook the type tests declare, as a plugin would. */
    typetest_greeting: [greeting: string, name: string, times: number];
  }
  interface ActionMap {
    /** An action the type tests declare. */
    typetest_greeted: [name: string];
  }
}

export async function acceptedAndRefused(hooks: Hooks, request: RestRequest, customer: Customer): Promise<void> {
  // --- filters: callbacks typed from the name ------------------------------------------------------------------
  hooks.addFilter('woocommerce_new_customer_username', 'acme/a', (username, email, args, suffix) => {
    same<typeof username, string>(true);
    same<typeof email, string>(true);
    same<typeof suffix, string>(true);
    same<typeof args.first_name, string | null | undefined>(true);
    return `${username}.${suffix}`;
  });
  hooks.addFilter(CUSTOMER_HOOKS.newCustomerUsername, 'acme/a', async (username) => `${username}-acme`);
  hooks.addFilter('woocommerce_rest_prepare_customer', 'acme/a', (response, user) => {
    same<typeof user, WpUser>(true);
    response.data.greeting = user.display_name;
    return response;
  }, 20);
  hooks.addFilter('woocommerce_rest_check_permissions', 'acme/a', (allowed, context) => (context === 'delete' ? false : allowed));
  hooks.addFilter(HOST_HOOKS.restPreDispatch, 'acme/a', (result, _server, req) => (req.method === 'DELETE' ? new RestError('acme_no', 'No.', 405) : result));
  hooks.addFilter('woocommerce_registration_errors', 'acme/a', (errors) => {
    errors.add('acme', 'Refused.');
    return errors;
  });

  // @ts-expect-error a misspelled hook name
  hooks.addFilter('woocommerce_rest_prepare_custmer', 'acme/a', (response: unknown) => response);
  // @ts-expect-error a callback that takes a number on a string filter
  hooks.addFilter('woocommerce_new_customer_username', 'acme/a', (username: number) => String(username));
  // @ts-expect-error a callback returning a number from a string filter
  hooks.addFilter('woocommerce_new_customer_username', 'acme/a', () => 42);
  // @ts-expect-error a callback resolving to the wrong type
  hooks.addFilter('illegal_user_logins', 'acme/a', async () => 'admin');
  // @ts-expect-error rest_pre_dispatch's result may be anything, so a callback cannot demand null
  hooks.addFilter('rest_pre_dispatch', 'acme/a', (result: null) => result);
  // @ts-expect-error an action is not a filter
  hooks.addFilter('woocommerce_new_customer', 'acme/a', (id: number) => id);

  // --- running filters ----------------------------------------------------------------------------------------
  expectType<Promise<string>>(hooks.applyFilters('woocommerce_new_customer_username', 'ada', 'ada@example.com', {}, ''));
  const data: NewCustomerData = await hooks.applyFilters(CUSTOMER_HOOKS.newCustomerData, {
    user_login: 'ada',
    user_pass: 'secret',
    user_email: 'ada@example.com',
    role: 'customer',
    first_name: '',
    last_name: '',
    source: 'test',
  });
  same<Awaited<ReturnType<typeof hooks.applyFilters<'random_password'>>>, string>(true);
  expectType<RestResponse>(await hooks.applyFilters('rest_post_dispatch', new RestResponse(null), {} as never, request));

  // @ts-expect-error the value must be the filter's type
  await hooks.applyFilters('woocommerce_new_customer_username', 42, 'ada@example.com', {}, '');
  // @ts-expect-error the filter's extra arguments are required
  await hooks.applyFilters('woocommerce_new_customer_username', 'ada');
  // @ts-expect-error an unknown filter
  await hooks.applyFilters('woocommerce_new_customer_usernames', 'ada', 'ada@example.com', {}, '');

  // --- actions ------------------------------------------------------------------------------------------------
  hooks.addAction('woocommerce_created_customer', 'acme/a', async (customerId, created, generated) => {
    same<[typeof customerId, typeof created, typeof generated], [number, NewCustomerData, boolean]>(true);
  });
  hooks.addAction(CUSTOMER_HOOKS.beforeCustomerObjectSave, 'acme/a', (saved) => {
    if (saved.get('email').endsWith('@blocked.example')) throw new RestError('acme_blocked', 'Blocked.', 400);
  });
  hooks.addAction('woocommerce_register_post', 'acme/a', (_username, _email, errors) => expectType<RegistrationErrors>(errors));
  await hooks.doAction('woocommerce_new_customer', 7, customer);
  await hooks.doAction('deleted_user', 7, 0, {} as WpUser);

  // @ts-expect-error an unknown action
  hooks.addAction('woocommerce_new_customers', 'acme/a', () => undefined);
  // @ts-expect-error an action callback with the wrong argument type
  hooks.addAction('woocommerce_delete_customer', 'acme/a', (customerId: string) => customerId);
  // @ts-expect-error doAction with the wrong argument types
  await hooks.doAction('woocommerce_new_customer', '7', customer);
  // @ts-expect-error a filter is not an action
  await hooks.doAction('woocommerce_new_customer_username', 'ada');

  // --- the other operations take map names too ----------------------------------------------------------------
  hooks.removeFilter('woocommerce_new_customer_username', 'acme/a');
  hooks.hasAction('woocommerce_new_customer');
  // @ts-expect-error removeFilter of a misspelled name
  hooks.removeFilter('woocommerce_new_customer_usrname', 'acme/a');
  // @ts-expect-error hasFilter of an unknown name
  hooks.hasFilter('acme_unknown');

  // --- a hook a plugin declares in the map is as typed as the host's ------------------------------------------
  hooks.addFilter('typetest_greeting', 'acme/a', (greeting, name, times) => `${greeting} ${name}`.repeat(times));
  expectType<Promise<string>>(hooks.applyFilters('typetest_greeting', 'Hello', 'Ada', 2));
  await hooks.doAction('typetest_greeted', 'Ada');
  // @ts-expect-error its callbacks are checked like any other
  hooks.addFilter('typetest_greeting', 'acme/a', (greeting: string, name: string, times: string) => greeting + name + times);
  // @ts-expect-error and so are its arguments
  await hooks.doAction('typetest_greeted', 42);

  // --- the explicit opt-out: any valid name, unknown values ---------------------------------------------------
  hooks.untyped.addFilter('acme_runtime_hook', 'acme/a', (value: unknown) => (typeof value === 'string' ? value.trim() : value));
  expectType<Promise<unknown>>(hooks.untyped.applyFilters('acme_runtime_hook', ' x '));
  // @ts-expect-error untyped callbacks receive unknown: a narrower parameter type is refused
  hooks.untyped.addFilter('acme_runtime_hook', 'acme/a', (value: string) => value.trim());
  // @ts-expect-error what an untyped filter resolves to is unknown
  expectType<Promise<string>>(hooks.untyped.applyFilters('acme_runtime_hook', ' x '));
}

// definePlugin hands register a typed host.
export default definePlugin({
  name: 'typetest/plugin',
  register({ hooks }) {
    hooks.addFilter('woocommerce_rest_batch_items_limit', 'typetest/plugin', (limit, resource) => (resource === 'customers' ? limit * 2 : limit));
    // @ts-expect-error the batch limit is a number
    hooks.addFilter('woocommerce_rest_batch_items_limit', 'typetest/plugin', () => '250');
  },
});
