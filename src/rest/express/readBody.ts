import type { IncomingMessage } from 'node:http';

/** The largest body read (PHP's default post_max_size is 8 MB). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const BODY_TOO_LARGE = 'too-large';

/** Whether the request announces a body (Transfer-Encoding, or a non-zero Content-Length). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Reads the raw body, refusing more than `limit` bytes (the stream is left flowing, nothing more kept: the answer
 * drains the rest, see answerWhileDraining). Resolves with an empty buffer when there is no body; rejects if the
 * client goes away mid-body.
 */
export function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | typeof BODY_TOO_LARGE> {
  if (!hasBody(req)) return Promise.resolve(Buffer.alloc(0));
  if (Number(req.headers['content-length']) > limit) {
    req.resume();
    return Promise.resolve(BODY_TOO_LARGE);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.resume();
        resolve(BODY_TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onAborted = (): void => onError(new Error('The client aborted the request body.'));
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}
