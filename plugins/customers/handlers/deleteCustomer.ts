import { RestError } from '../../../src/rest/RestError';
import type { RestRequest } from '../../../src/rest/RestRequest';
import type { RestResponse } from '../../../src/rest/RestResponse';
import { CUSTOMER_HOOKS } from '../hooks';
import type { CustomersModule } from '../module';
import { userInCurrentSite } from '../permissions';
import { absint } from '../../../src/wp/absint';
import { isSet } from './applyRequestFields';

/** DELETE /customers/<id> (delete_item): `force` required, optional `reassign`, answers the customer as it was. */
export async function deleteCustomer(module: CustomersModule, request: RestRequest): Promise<RestResponse> {
  const id = Number.parseInt(String(request.param('id')), 10) || 0;
  const reassign = isSet(request.param('reassign')) ? absint(request.param('reassign')) : null;
  const force = isSet(request.param('force')) ? Boolean(request.param('force')) : false;
  if (!force) throw new RestError('woocommerce_rest_trash_not_supported', 'Customers do not support trashing.', 501);

  const user = await userInCurrentSite(module.store, id);
  if (reassign) {
    const target = await module.store.loadUser(reassign);
    if (reassign === id || !target) {
      throw new RestError('woocommerce_rest_customer_invalid_reassign', 'Invalid resource id for reassignment.', 400);
    }
  }

  request.setParam('context', 'edit');
  const response = await module.prepareOne(user, request);
  if (!(await module.store.delete(id, reassign ?? 0))) {
    throw new RestError('woocommerce_rest_cannot_delete', 'The resource cannot be deleted.', 500);
  }
  await module.hooks.doAction(CUSTOMER_HOOKS.restDeleteCustomer, user, response, request);
  return response;
}
