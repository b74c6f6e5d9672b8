import { isEmpty } from '../php/values';
import { RestError, isRestError } from '../RestError';
import type { RestRequest } from '../RestRequest';
import { getParam, parameterSources } from '../requestParams';
import type { RouteArg, RouteArgs } from '../types';
import { errorDetail } from './SchemaError';
import { sanitizeValueFromSchema } from './sanitize';
import { validateValueFromSchema } from './validate';

type Detail = ReturnType<typeof errorDetail>;

/**
 * WP_REST_Request::has_valid_params (after the JSON check): every required argument present (`null` counts as
 * missing), then every present argument valid — by its validateCallback, or by its schema.
 */
export async function checkRequestArgs(request: RestRequest, args: RouteArgs): Promise<RestError | null> {
  const missing = Object.keys(args).filter(
    (name) => args[name].required === true && getParam(request, name) === undefined,
  );
  if (missing.length > 0) {
    return new RestError('rest_missing_callback_param', `Missing parameter(s): ${missing.join(', ')}`, 400, {
      params: missing,
    });
  }

  const invalid: Record<string, string> = {};
  const details: Record<string, Detail> = {};
  for (const [name, arg] of Object.entries(args)) {
    const value = getParam(request, name);
    if (value === undefined) continue;
    const verdict = await validateArg(arg, value, request, name);
    if (verdict === false) {
      invalid[name] = 'Invalid parameter.';
    } else if (isRestError(verdict)) {
      invalid[name] = verdict.message;
      details[name] = errorDetail(verdict);
    }
  }
  return invalidParams(invalid, details);
}

/**
 * WP_REST_Request::sanitize_params: each source's value of each argument goes through the argument's
 * sanitizeCallback, or is coerced by its schema when it has a type; the results replace the values in place.
 */
export async function sanitizeRequestArgs(request: RestRequest, args: RouteArgs): Promise<RestError | null> {
  const invalid: Record<string, string> = {};
  const details: Record<string, Detail> = {};
  for (const source of parameterSources(request)) {
    if (source === null) continue;
    for (const name of Object.keys(source)) {
      if (!Object.hasOwn(args, name)) continue;
      const arg = args[name];
      if (!arg.sanitizeCallback && isEmpty(arg.type)) continue;
      const sanitized = await sanitizeArg(arg, source[name], request, name);
      if (isRestError(sanitized)) {
        invalid[name] = sanitized.message;
        details[name] = errorDetail(sanitized);
      } else {
        source[name] = sanitized;
      }
    }
  }
  return invalidParams(invalid, details);
}

async function sanitizeArg(arg: RouteArg, value: unknown, request: RestRequest, name: string): Promise<unknown> {
  if (!arg.sanitizeCallback) return sanitizeValueFromSchema(value, arg, name);
  try {
    return await arg.sanitizeCallback(value, request, name);
  } catch (error) {
    if (isRestError(error)) return error;
    throw error;
  }
}

async function validateArg(
  arg: RouteArg,
  value: unknown,
  request: RestRequest,
  name: string,
): Promise<boolean | RestError> {
  if (!arg.validateCallback) return validateValueFromSchema(value, arg, name);
  try {
    return await arg.validateCallback(value, request, name);
  } catch (error) {
    if (isRestError(error)) return error;
    throw error;
  }
}

function invalidParams(invalid: Record<string, string>, details: Record<string, Detail>): RestError | null {
  const names = Object.keys(invalid);
  if (names.length === 0) return null;
  // PHP encodes an empty details array as [] (validate callbacks that return false add no details).
  const detailData = Object.keys(details).length > 0 ? details : [];
  return new RestError('rest_invalid_param', `Invalid parameter(s): ${names.join(', ')}`, 400, {
    params: invalid,
    details: detailData,
  });
}
