import { RestError } from '../../../src/rest/RestError';
import type { RestRequest } from '../../../src/rest/RestRequest';
import type { RestResponse } from '../../../src/rest/RestResponse';
import { CUSTOMER_HOOKS } from '../hooks';
import type { CustomersModule } from '../module';
import { userInCurrentSite } from '../permissions';
import { emailExists } from '../store/userExists';
import { applyRequestFields, isEmpty, isSet } from './applyRequestFields';

/** PUT|PATCH|POST /customers/<id> (update_item): partial update, username not editable, WooCommerce's email rules. */
export async function updateCustomer(module: CustomersModule, request: RestRequest): Promise<RestResponse> {
  let user;
  try {
    user = await userInCurrentSite(module.store, request.param('id'));
  } catch {
    throw new RestError('woocommerce_rest_invalid_id', 'Invalid resource ID.', 400);
  }
  const customer = module.store.customerFromUser(user);

  const email = request.param('email');
  // The lookup is case-insensitive but the comparison is not: WooCommerce refuses a case variant of the own address.
  if (
    !isEmpty(email) &&
    (await emailExists(module.store.db, String(email))) !== null &&
    email !== customer.get('email')
  ) {
    throw new RestError('woocommerce_rest_customer_invalid_email', 'Email address is invalid.', 400);
  }
  const username = request.param('username');
  if (!isEmpty(username) && username !== customer.get('username')) {
    throw new RestError('woocommerce_rest_customer_invalid_argument', "Username isn't editable.", 400);
  }
  // WooCommerce sanitizes before validating, which turns a typo into an empty address; its documented answer (400
  // customer_invalid_email, docs/woocommerce-behaviour.md#batch) and our rule that bad input changes nothing want the
  // refusal instead (reachable only in batch: HTTP validation runs first).
  if (isSet(email)) customer.setEmail(email);
  const password = request.param('password');
  if (isSet(password)) customer.setPassword(password);
  applyRequestFields(customer, request, await module.schema());
  await module.store.save(customer);

  const saved = await module.store.loadUser(customer.id);
  if (!saved) throw new RestError('woocommerce_rest_invalid_id', 'Invalid resource ID.', 400);
  await module.hooks.doAction(CUSTOMER_HOOKS.restInsertCustomer, saved, request, false);
  request.setParam('context', 'edit');
  return module.prepareOne(saved, request);
}
