import { RestError } from '../rest/RestError';

/** WooCommerce's authentication error messages (WC_REST_Authentication), all answered with status 401. */
export const AUTH_MESSAGES = {
  invalidSecret: 'Consumer secret is invalid.',
  invalidConsumerKey: 'Consumer key is invalid.',
  invalidSignatureMethod: 'Invalid signature - signature method is invalid.',
  signatureMismatch: 'Invalid signature - provided signature does not match.',
  invalidTimestamp: 'Invalid timestamp.',
  nonceUsed: 'Invalid nonce - nonce has already been used.',
  noReadPermission: 'The API key provided does not have read permissions.',
  noWritePermission: 'The API key provided does not have write permissions.',
  unknownMethod: 'Unknown request method.',
} as const;

export function authenticationError(message: string): RestError {
  return new RestError('woocommerce_rest_authentication_error', message, 401);
}

/** "Missing OAuth parameter x" / "Missing OAuth parameters x, y" (WooCommerce's _n() singular/plural). */
export function missingOAuthParametersError(names: readonly string[]): RestError {
  const noun = names.length === 1 ? 'parameter' : 'parameters';
  return new RestError(
    'woocommerce_rest_authentication_missing_parameter',
    `Missing OAuth ${noun} ${names.join(', ')}`,
    401,
  );
}
