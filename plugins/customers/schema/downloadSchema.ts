import type { JsonSchema } from '../../../src/rest/types';
import type { CustomersApiVersion, DownloadField } from '../versions';

const VIEW = ['view'];
const field = (description: string, type: string): JsonSchema => ({ description, type, context: VIEW, readonly: true });

/** The customer_download schema properties of each field (v1 describes download_id and the expiry differently). */
function downloadProperty(name: DownloadField, version: CustomersApiVersion): JsonSchema | null {
  switch (name) {
    case 'download_id':
      return field(version.name === 'v1' ? 'Download ID (MD5).' : 'Download ID.', 'string');
    case 'download_url':
      return field('Download file URL.', 'string');
    case 'product_id':
      return field('Downloadable product ID.', 'integer');
    case 'product_name':
      return field('Product name.', 'string');
    case 'download_name':
      return field('Downloadable file name.', 'string');
    case 'order_id':
      return field('Order ID.', 'integer');
    case 'order_key':
      return field('Order key.', 'string');
    case 'downloads_remaining':
      return field('Number of downloads remaining.', 'string');
    case 'access_expires':
      return field(
        version.name === 'v1'
          ? 'The date when download access expires, as GMT.'
          : "The date when download access expires, in the site's timezone.",
        'string',
      );
    case 'access_expires_gmt':
      return field('The date when download access expires, as GMT.', 'string');
    case 'file':
      return {
        ...field('File details.', 'object'),
        properties: { name: field('File name.', 'string'), file: field('File URL.', 'string') },
      };
    case 'product_url':
      // v1 outputs it but never declared it in its schema.
      return null;
  }
}

export function customerDownloadSchema(version: CustomersApiVersion): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of version.downloadFields) {
    const property = downloadProperty(name, version);
    if (property) properties[name] = property;
  }
  return { $schema: 'http://json-schema.org/draft-04/schema#', title: 'customer_download', type: 'object', properties };
}
