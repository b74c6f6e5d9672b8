import type { RouteEndpoint } from '../types';
import type { Endpoint } from './RouteTable';

/**
 * Checks and normalizes one endpoint of register_rest_route. What WordPress only warns about (a missing
 * permission_callback, an argument that is not an array) is a registration error here.
 */
export function normalizeEndpoint(route: string, endpoint: RouteEndpoint): Endpoint {
  if (typeof endpoint?.callback !== 'function') {
    throw new Error(`The REST route ${route} has an endpoint without a callback.`);
  }
  if (typeof endpoint.permissionCallback !== 'function') {
    throw new Error(
      `The REST route ${route} is missing the required permissionCallback. For a public route, use () => true.`,
    );
  }
  const args = endpoint.args ?? {};
  if (typeof args !== 'function') {
    if (args === null || typeof args !== 'object' || Array.isArray(args)) {
      throw new Error(`The REST route ${route} has args that are not an object.`);
    }
    for (const [name, arg] of Object.entries(args)) {
      if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) {
        throw new Error(`The REST route ${route} has a non-object definition for the argument "${name}".`);
      }
    }
  }
  const methods = parseMethods(endpoint.methods);
  return {
    methods,
    methodSet: new Set(methods),
    callback: endpoint.callback,
    permissionCallback: endpoint.permissionCallback,
    args,
    showInIndex: endpoint.showInIndex ?? true,
  };
}

/** 'GET', ['POST', 'PUT'] or WordPress's 'POST, PUT, PATCH': upper-case, trimmed, in order. */
function parseMethods(methods: RouteEndpoint['methods'] | undefined): string[] {
  const list = typeof methods === 'string' ? methods.split(',') : Array.isArray(methods) ? methods : ['GET'];
  return list.map((method) => String(method).trim().toUpperCase()).filter((method) => method !== '');
}
