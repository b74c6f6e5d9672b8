/** A link as WordPress keeps them on WP_REST_Response: `{ href, ...attributes }`. */
export interface RestLink {
  href: string;
  [attribute: string]: unknown;
}

/**
 * WordPress's WP_REST_Response: data, status, headers and links. The server adds `_links` to the body
 * after `_fields` filtering; for collections use `forCollection()` so each item carries its own `_links`.
 */
export class RestResponse<T = unknown> {
  data: T;
  status: number;
  headers: Record<string, string>;
  links: Record<string, RestLink[]> = {};

  constructor(data: T, status = 200, headers: Record<string, string> = {}) {
    this.data = data;
    this.status = status;
    this.headers = { ...headers };
  }

  header(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }

  addLink(rel: string, href: string, attributes: Record<string, unknown> = {}): this {
    (this.links[rel] ??= []).push({ href, ...attributes });
    return this;
  }

  addLinks(links: Record<string, RestLink | RestLink[]>): this {
    for (const [rel, value] of Object.entries(links)) {
      for (const link of Array.isArray(value) ? value : [value]) {
        const { href, ...attributes } = link;
        this.addLink(rel, href, attributes);
      }
    }
    return this;
  }

  /** The data with `_links` folded in (WP_REST_Controller::prepare_response_for_collection). */
  forCollection(): unknown {
    if (
      Object.keys(this.links).length === 0 ||
      this.data === null ||
      typeof this.data !== 'object' ||
      Array.isArray(this.data)
    ) {
      return this.data;
    }
    return { ...(this.data as Record<string, unknown>), _links: this.links };
  }
}

export function isRestResponse(value: unknown): value is RestResponse {
  return value instanceof RestResponse;
}
