import type { RestApi, RouteArgs } from '../../src/rest/types';
import type { CustomersModule } from './module';
import { contextParam, customerCollectionParams } from './schema/collectionParams';
import { itemWriteArgs, publicSchema } from './schema/endpointArgs';
import { BATCH_SCHEMA } from './schema/batchSchema';
import { listCustomers } from './handlers/listCustomers';
import { createCustomer } from './handlers/createCustomer';
import { getCustomer } from './handlers/getCustomer';
import { updateCustomer } from './handlers/updateCustomer';
import { deleteCustomer } from './handlers/deleteCustomer';
import { batchCustomers } from './handlers/batchCustomers';
import { listDownloads } from './handlers/listDownloads';
import { customerDownloadSchema } from './schema/downloadSchema';

const ID_ARG = { id: { description: 'Unique identifier for the resource.', type: 'integer' } } satisfies RouteArgs;

/**
 * The customers routes of one namespace, as WC_REST_Customers_V1_Controller::register_routes declares them.
 * Read top to bottom: path, methods, permission, handler, arguments.
 */
export function registerCustomerRoutes(rest: Pick<RestApi, 'registerRoute'>, module: CustomersModule): void {
  const { namespace } = module.version;
  const { permissions } = module;
  const schema = async () => publicSchema(await module.schema());

  rest.registerRoute(
    namespace,
    '/customers',
    [
      {
        methods: 'GET',
        permissionCallback: (request) => permissions.list(request),
        callback: (request) => listCustomers(module, request),
        args: async () => customerCollectionParams(Object.keys(await module.store.roles())),
      },
      {
        methods: 'POST',
        permissionCallback: (request) => permissions.create(request),
        callback: (request) => createCustomer(module, request),
        args: async () => createArgs(module),
      },
    ],
    schema,
  );

  rest.registerRoute(
    namespace,
    '/customers/(?P<id>[\\d]+)',
    [
      {
        methods: 'GET',
        permissionCallback: (request) => permissions.read(request),
        callback: (request) => getCustomer(module, request),
        args: {
          ...ID_ARG,
          context: contextParam(['view', 'edit']),
        },
      },
      {
        methods: ['POST', 'PUT', 'PATCH'],
        permissionCallback: (request) => permissions.update(request),
        callback: (request) => updateCustomer(module, request),
        args: async () => ({ ...ID_ARG, ...itemWriteArgs(await module.schema(), 'PUT') }),
      },
      {
        methods: 'DELETE',
        permissionCallback: (request) => permissions.delete(request),
        callback: (request) => deleteCustomer(module, request),
        args: {
          ...ID_ARG,
          force: {
            default: false,
            type: 'boolean',
            description: 'Required to be true, as resource does not support trashing.',
          },
          reassign: { default: 0, type: 'integer', description: 'ID to reassign posts to.' },
        },
      },
    ],
    schema,
  );

  rest.registerRoute(
    namespace,
    '/customers/batch',
    [
      {
        methods: ['POST', 'PUT', 'PATCH'],
        permissionCallback: (request) => permissions.batch(request),
        callback: (request) => batchCustomers(module, request),
        args: async () => itemWriteArgs(await module.schema(), 'PUT'),
      },
    ],
    BATCH_SCHEMA,
  );

  rest.registerRoute(
    namespace,
    '/customers/(?P<customer_id>[\\d]+)/downloads',
    [
      {
        methods: 'GET',
        permissionCallback: (request) => permissions.downloads(request),
        callback: (request) => listDownloads(module, request),
        args: {
          customer_id: { description: 'The customer ID.', type: 'integer' },
          context: contextParam(['view']),
        },
      },
    ],
    customerDownloadSchema(module.version),
  );
}

/**
 * Create arguments: the schema's, with email/username/password replaced wholesale (so email is only required, not
 * format-checked). username/password are required only when the site's generate options say `no`; the password
 * option counts as `no` when absent, as WooCommerce reads it.
 */
async function createArgs(module: CustomersModule): Promise<RouteArgs> {
  const [generateUsername, generatePassword] = await Promise.all([
    module.options.get('woocommerce_registration_generate_username', 'yes'),
    module.options.get('woocommerce_registration_generate_password', 'no'),
  ]);
  return {
    ...itemWriteArgs(await module.schema(), 'POST'),
    email: { required: true, type: 'string', description: 'New user email address.' },
    username: { required: generateUsername === 'no', description: 'New user username.', type: 'string' },
    password: { required: generatePassword === 'no', description: 'New user password.', type: 'string' },
  };
}
