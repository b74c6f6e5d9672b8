import { isKeyPermission, keyMethodError } from './keyPermissions';

describe('API key method permissions', () => {
  it.each([
    ['GET', 'read', null],
    ['HEAD', 'read_write', null],
    ['GET', 'write', 'The API key provided does not have read permissions.'],
    ['POST', 'write', null],
    ['PUT', 'read_write', null],
    ['PATCH', 'read', 'The API key provided does not have write permissions.'],
    ['DELETE', 'read', 'The API key provided does not have write permissions.'],
    ['OPTIONS', 'read', null],
    ['OPTIONS', 'nonsense', null],
    ['GET', 'nonsense', 'The API key provided does not have read permissions.'],
    ['TRACE', 'read_write', 'Unknown request method.'],
  ])('%s with a %s key', (method, permissions, message) => {
    const error = keyMethodError(permissions, method);
    if (message === null) {
      expect(error).toBeNull();
    } else {
      expect(error?.toJSON()).toEqual({
        code: 'woocommerce_rest_authentication_error',
        message,
        data: { status: 401 },
      });
    }
  });

  it('knows the three stored permission values', () => {
    expect(['read', 'write', 'read_write', 'admin'].map(isKeyPermission)).toEqual([true, true, true, false]);
  });
});
