import type { RestLink, RestResponse } from './RestResponse';
import { isPhpArray } from './args/typeChecks';

/**
 * WP_REST_Server::response_to_data: the response's links go into the data as `_links` (each link's attributes first,
 * then `href`, as WordPress builds them). Data that is a list gets `_links` appended as PHP would, turning it into an
 * object; scalar data is returned as is.
 */
export function responseToData(response: RestResponse): unknown {
  const rels = Object.keys(response.links);
  if (rels.length === 0) return response.data;
  const links: Record<string, Array<Record<string, unknown>>> = {};
  for (const rel of rels) links[rel] = response.links[rel].map(linkObject);

  const data = response.data;
  if (data === null || data === undefined) return { _links: links };
  if (Array.isArray(data)) return { ...Object.fromEntries(data.entries()), _links: links };
  if (isPhpArray(data)) return { ...data, _links: links };
  return data;
}

function linkObject({ href, ...attributes }: RestLink): Record<string, unknown> {
  return { ...attributes, href };
}
