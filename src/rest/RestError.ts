/**
 * A WordPress REST error: serialized as `{ code, message, data: { status, ...extraData } }` with HTTP `status` and
 * `headers` (e.g. Retry-After). Throw it from a route callback, a permission callback or a hook callback to refuse a
 * request.
 */
export class RestError extends Error {
  readonly code: string;
  readonly status: number;
  readonly extraData: Record<string, unknown>;
  /** HTTP headers the error response carries (e.g. `Retry-After` on a 429 or 503). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: string,
    message: string,
    status = 500,
    extraData: Record<string, unknown> = {},
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'RestError';
    this.code = code;
    this.status = status;
    this.extraData = extraData;
    this.headers = headers;
  }

  /** The JSON body WordPress sends for this error. */
  toJSON(): { code: string; message: string; data: Record<string, unknown> } {
    return { code: this.code, message: this.message, data: { status: this.status, ...this.extraData } };
  }
}

export function isRestError(value: unknown): value is RestError {
  return value instanceof RestError;
}
