import type { RestRequest } from '../../../src/rest/RestRequest';
import type { RestResponse } from '../../../src/rest/RestResponse';
import type { CustomersModule } from '../module';
import { userInCurrentSite } from '../permissions';

/** GET /customers/<id> */
export async function getCustomer(module: CustomersModule, request: RestRequest): Promise<RestResponse> {
  const user = await userInCurrentSite(module.store, request.param('id'));
  return module.prepareOne(user, request);
}
