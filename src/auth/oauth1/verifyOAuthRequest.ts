import { findApiKeyByConsumerKey, type StoredApiKey } from '../apiKeys';
import { AUTH_MESSAGES, authenticationError, missingOAuthParametersError } from '../authErrors';
import { constantTimeEquals } from '../constantTime';
import { collectOAuthParameters } from './collectParameters';
import { consumeNonce } from './nonceStore';
import { toOAuthParams, type OAuthParamMap } from './params';
import { rawUrlDecode } from './phpUrlEncoding';
import { computeSignature, isSignatureMethod } from './signature';
import { buildSignatureBaseString } from './signatureBaseString';
import { isTimestampInWindow, parseOAuthTimestamp } from './timestamp';
import type { RestError } from '../../rest/RestError';
import type { Db } from '../../db/types';

/** What OAuth verification reads from a request. */
export interface OAuthRequest {
  method: string;
  query: Record<string, unknown>;
  formBody: Record<string, unknown> | null;
  authorization: string | undefined;
  /** The URL the client signed (see oauthBaseUrl). */
  baseUrl: string;
}

export type OAuthOutcome =
  | { kind: 'absent' }
  | {
      kind: 'failed';
      error: RestError;
      /** The stored key the request named, when there is one. */ keyId: number | null;
    }
  | { kind: 'authenticated'; key: StoredApiKey };

/**
 * WooCommerce's perform_oauth_authentication (one-legged OAuth 1.0a): parameters, key lookup, signature, then the
 * timestamp window and the nonce, in that order, each failure with WooCommerce's 401 error.
 */
export async function verifyOAuthRequest(db: Db, request: OAuthRequest, nowSeconds: number): Promise<OAuthOutcome> {
  const collected = collectOAuthParameters(
    toOAuthParams(request.query),
    toOAuthParams(request.formBody),
    request.authorization,
  );
  if (collected.kind === 'absent') return collected;
  if (collected.kind === 'incomplete') return failed(missingOAuthParametersError(collected.missing), null);
  const params = collected.params;

  const key = await findApiKeyByConsumerKey(db, text(params, 'oauth_consumer_key'));
  if (!key) return failed(authenticationError(AUTH_MESSAGES.invalidConsumerKey), null);

  const { oauth_signature: providedSignature, ...signedParams } = params;
  const baseString = buildSignatureBaseString(request.method, request.baseUrl, signedParams);
  const method = text(params, 'oauth_signature_method');
  if (!isSignatureMethod(method)) return failed(authenticationError(AUTH_MESSAGES.invalidSignatureMethod), key.keyId);
  const expected = computeSignature(baseString, key.consumerSecret, method);
  // A `+` turned into a space by form/query decoding is put back before rawurldecode, as WooCommerce does.
  const provided = typeof providedSignature === 'string' ? rawUrlDecode(providedSignature.replace(/ /g, '+')) : '';
  if (!constantTimeEquals(expected, provided))
    return failed(authenticationError(AUTH_MESSAGES.signatureMismatch), key.keyId);

  const timestamp = parseOAuthTimestamp(text(params, 'oauth_timestamp'));
  if (timestamp === null || !isTimestampInWindow(timestamp, nowSeconds)) {
    return failed(authenticationError(AUTH_MESSAGES.invalidTimestamp), key.keyId);
  }
  if (!(await consumeNonce(db, key.keyId, timestamp, text(params, 'oauth_nonce'), nowSeconds))) {
    return failed(authenticationError(AUTH_MESSAGES.nonceUsed), key.keyId);
  }
  return { kind: 'authenticated', key };
}

function failed(error: RestError, keyId: number | null): OAuthOutcome {
  return { kind: 'failed', error, keyId };
}

/** A required parameter as text; a nested value (`oauth_nonce[]=…`) can never be a valid one. */
function text(params: OAuthParamMap, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : '';
}
