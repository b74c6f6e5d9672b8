import type { JsonSchema } from '../../../src/rest/types';

/** WC_REST_Controller::get_public_batch_schema */
export const BATCH_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  title: 'batch',
  type: 'object',
  properties: {
    create: {
      description: 'List of created resources.',
      type: 'array',
      context: ['view', 'edit'],
      items: { type: 'object' },
    },
    update: {
      description: 'List of updated resources.',
      type: 'array',
      context: ['view', 'edit'],
      items: { type: 'object' },
    },
    delete: {
      description: 'List of delete resources.',
      type: 'array',
      context: ['view', 'edit'],
      items: { type: 'integer' },
    },
  },
};
