import { RestError } from '../RestError';

/**
 * A schema validation failure (WordPress's WP_Error from rest_validate_value_from_schema). Unlike a RestError thrown
 * by a route, it may carry no data at all, which is what `details.<param>.data: null` shows.
 */
export class SchemaError extends RestError {
  readonly errorData: Record<string, unknown> | null;

  constructor(code: string, message: string, errorData: Record<string, unknown> | null = null) {
    super(code, message, 400, errorData ?? {});
    this.name = 'SchemaError';
    this.errorData = errorData;
  }
}

/** rest_convert_error_to_response( $error )->get_data(): the `details.<param>` entry of rest_invalid_param. */
export function errorDetail(error: RestError): { code: string; message: string; data: Record<string, unknown> | null } {
  const data = error instanceof SchemaError ? error.errorData : error.toJSON().data;
  return { code: error.code, message: error.message, data };
}

export function invalidType(param: string, type: string): SchemaError {
  return new SchemaError('rest_invalid_type', `${param} is not of type ${type}.`, { param });
}
