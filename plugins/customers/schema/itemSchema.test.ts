import { contextDroppedKeys } from '../../../src/rest/contextDroppedKeys';
import { CUSTOMERS_API_VERSIONS } from '../versions';
import { customerItemProperties, wrapItemSchema } from './itemSchema';

describe('the customer item schema', () => {
  it.each(CUSTOMERS_API_VERSIONS.map((version) => [version.name, version] as const))(
    '%s: filtering an item by context only ever removes the password (so items skip the filtered copy)',
    (_name, version) => {
      const schema = wrapItemSchema(customerItemProperties(version));
      expect(contextDroppedKeys(schema, 'view')).toEqual(['password']);
      expect(contextDroppedKeys(schema, 'edit')).toEqual([]);
    },
  );
});
