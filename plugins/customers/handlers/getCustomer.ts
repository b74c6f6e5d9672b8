import type { RestRequest } from '../../../src/rest/RestRequest';
import type { RestResponse } from '../../../src/rest/RestResponse';
import type { CustomersModule } from '../module';
import { targetUser } from '../permissions';

/** GET /customers/<id> */
export async function getCustomer(module: CustomersModule, request: RestRequest): Promise<RestResponse> {
  // The permission check already loaded this user for this request.
  const user = await targetUser(module.store, request);
  return module.one(user, request);
}
