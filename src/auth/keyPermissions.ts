import { AUTH_MESSAGES, authenticationError } from './authErrors';
import type { RestError } from '../rest/RestError';
import type { AuthenticatedKey } from './types';

/**
 * WooCommerce's check_permissions: a key's `permissions` gate HTTP methods (read for GET/HEAD, write for
 * POST/PUT/PATCH/DELETE, OPTIONS always). Returns the 401 error to answer, or null when the method is allowed.
 */
export function keyMethodError(permissions: string, method: string): RestError | null {
  switch (method.toUpperCase()) {
    case 'HEAD':
    case 'GET':
      return permissions === 'read' || permissions === 'read_write'
        ? null
        : authenticationError(AUTH_MESSAGES.noReadPermission);
    case 'POST':
    case 'PUT':
    case 'PATCH':
    case 'DELETE':
      return permissions === 'write' || permissions === 'read_write'
        ? null
        : authenticationError(AUTH_MESSAGES.noWritePermission);
    case 'OPTIONS':
      return null;
    default:
      return authenticationError(AUTH_MESSAGES.unknownMethod);
  }
}

export const KEY_PERMISSIONS: ReadonlyArray<AuthenticatedKey['permissions']> = ['read', 'write', 'read_write'];

export function isKeyPermission(value: string): value is AuthenticatedKey['permissions'] {
  return (KEY_PERMISSIONS as readonly string[]).includes(value);
}
