import { RestError } from '../../../src/rest/RestError';
import type { RestRequest } from '../../../src/rest/RestRequest';
import type { RestResponse } from '../../../src/rest/RestResponse';
import { CUSTOMER_HOOKS } from '../hooks';
import type { CustomersModule } from '../module';
import { applyRequestFields, isEmpty } from './applyRequestFields';

/** POST /customers (WC_REST_Customers_V1_Controller::create_item): 201 with the customer and a Location header. */
export async function createCustomer(module: CustomersModule, request: RestRequest): Promise<RestResponse> {
  if (!isEmpty(request.param('id'))) {
    throw new RestError('woocommerce_rest_customer_exists', 'Cannot create existing resource.', 400);
  }
  const customer = module.store.newCustomer();
  const username = request.param('username');
  const password = request.param('password');
  customer.setUsername(isEmpty(username) ? '' : username);
  customer.setPassword(isEmpty(password) ? '' : password);
  customer.setEmail(request.param('email'));
  applyRequestFields(customer, request, await module.schema());
  await module.store.save(customer);
  if (!customer.id) throw new RestError('woocommerce_rest_cannot_create', 'This resource cannot be created.', 400);

  const user = await module.store.loadUser(customer.id);
  if (!user) throw new RestError('woocommerce_rest_cannot_create', 'This resource cannot be created.', 400);
  await module.hooks.doAction(CUSTOMER_HOOKS.restInsertCustomer, user, request, true);

  request.setParam('context', 'edit');
  const response = await module.prepareOne(user, request);
  response.status = 201;
  response.header('Location', request.restUrl(`/${module.version.namespace}/customers/${customer.id}`));
  return response;
}
