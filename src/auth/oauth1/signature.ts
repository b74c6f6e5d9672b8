import { createHmac } from 'node:crypto';

export const SIGNATURE_METHODS = ['HMAC-SHA1', 'HMAC-SHA256'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export function isSignatureMethod(value: string): value is SignatureMethod {
  return (SIGNATURE_METHODS as readonly string[]).includes(value);
}

/** base64(HMAC(base string, consumer secret + '&')) — one-legged OAuth has no token secret. */
export function computeSignature(baseString: string, consumerSecret: string, method: SignatureMethod): string {
  const algorithm = method === 'HMAC-SHA1' ? 'sha1' : 'sha256';
  return createHmac(algorithm, `${consumerSecret}&`).update(baseString, 'utf8').digest('base64');
}
