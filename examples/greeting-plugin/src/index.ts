/**
 * A third-party plugin written only against wc-host's public surface (`wc-host` and `wc-host/customers`):
 * - a hook of its own, declared in the hook map so its callbacks are typed like the host's;
 * - a customers hook, typed from its name;
 * - a REST route with WordPress-style errors, PHP-compatible argument handling and pagination headers.
 */
import { absint, definePlugin, RestError, RestResponse, sanitizeTextField, setPaginationHeaders } from 'wc-host';
import { CUSTOMER_HOOKS } from 'wc-host/customers';

declare module 'wc-host' {
  interface FilterMap {
    /** The greeting for `name` (in `GET /acme/v1/greetings/<name>` and on every customer as `greeting`). */
    acme_greeting_text: [greeting: string, name: string];
  }
  interface ActionMap {
    /** After `GET /acme/v1/greetings/<name>` was answered. */
    acme_greeted: [name: string, count: number];
  }
}

/** This plugin's hooks, for plugins that build on it. */
export const GREETING_HOOKS = {
  greetingText: 'acme_greeting_text',
  greeted: 'acme_greeted',
} as const;

const NAMESPACE = 'acme/greeting';

export default definePlugin({
  name: NAMESPACE,
  register({ hooks, rest }) {
    const greetingFor = (name: string) => hooks.applyFilters(GREETING_HOOKS.greetingText, `Hello, ${name}!`, name);

    // `response` is the customer's RestResponse and `user` its WpUser: both typed from the hook's name.
    hooks.addFilter(CUSTOMER_HOOKS.restPrepareCustomer, NAMESPACE, async (response, user) => {
      response.data.greeting = await greetingFor(user.display_name);
      return response;
    });

    // GET /wp-json/acme/v1/greetings/<name>?count=3&per_page=2&page=1
    rest.registerRoute('acme/v1', '/greetings/(?P<name>[\\w-]+)', {
      methods: 'GET',
      permissionCallback: () => true,
      args: {
        name: { type: 'string', required: true },
        count: { type: 'integer', default: 1 },
        per_page: { type: 'integer', default: 10 },
        page: { type: 'integer', default: 1 },
      },
      callback: async (request) => {
        const name = sanitizeTextField(String(request.param('name')));
        const count = absint(request.param('count'));
        if (count < 1 || count > 100) {
          throw new RestError('acme_greeting_invalid_count', 'count must be between 1 and 100.', 400);
        }
        const perPage = Math.max(1, absint(request.param('per_page')));
        const page = Math.max(1, absint(request.param('page')));
        const greeting = await greetingFor(name);
        const all = Array.from({ length: count }, (_, index) => ({ number: index + 1, greeting }));
        const response = new RestResponse(all.slice((page - 1) * perPage, page * perPage));
        setPaginationHeaders(response, { total: count, perPage, page, request, route: `/acme/v1/greetings/${name}` });
        await hooks.doAction(GREETING_HOOKS.greeted, name, count);
        return response;
      },
    });
  },
});
