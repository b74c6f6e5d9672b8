/** The WordPress REST layer: server, Express adapter, and the schema helpers route code uses. */
export { createRestServer } from './server';
export { setPaginationHeaders, type PaginationInfo } from './pagination';
export { filterResponseByContext } from './filterByContext';
export { getEndpointArgsForItemSchema } from './args/endpointArgs';
export { validateValueFromSchema } from './args/validate';
export { sanitizeValueFromSchema } from './args/sanitize';
export { SchemaError } from './args/SchemaError';
export { serializeBody } from './serializeBody';
export { phpJsonEncode } from './json/encode';
export { RestError, isRestError } from './RestError';
export { RestRequest, type RestRequestInit } from './RestRequest';
export { RestResponse, isRestResponse, type RestLink } from './RestResponse';
export type * from './types';
