import { filterResponseByContext, getEndpointArgsForItemSchema } from '../src/rest';
import type { JsonSchema } from '../src/rest/types';

const VIEW_EDIT = ['view', 'edit'];

const customerSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  title: 'customer',
  type: 'object',
  properties: {
    id: { description: 'Unique identifier for the resource.', type: 'integer', context: VIEW_EDIT, readonly: true },
    email: {
      description: 'The email address for the customer.',
      type: 'string',
      format: 'email',
      context: VIEW_EDIT,
      required: true,
    },
    first_name: {
      description: 'Customer first name.',
      type: 'string',
      context: VIEW_EDIT,
      arg_options: { sanitizeCallback: (value: unknown) => String(value).trim() },
    },
    password: { description: 'Customer password.', type: 'string', context: ['edit'] },
    role: {
      type: 'string',
      default: 'customer',
      context: VIEW_EDIT,
      arg_options: { required: true, default: 'subscriber' },
    },
    billing: {
      description: 'List of billing address data.',
      type: 'object',
      context: VIEW_EDIT,
      properties: { city: { type: 'string', context: VIEW_EDIT }, secret: { type: 'string', context: ['edit'] } },
    },
    meta_data: {
      type: 'array',
      context: VIEW_EDIT,
      items: {
        type: 'object',
        context: VIEW_EDIT,
        properties: { key: { type: 'string', context: VIEW_EDIT }, internal: { type: 'string', context: ['edit'] } },
      },
    },
    notes: { type: 'array', context: VIEW_EDIT, items: { type: 'string', context: ['edit'] } },
    free: { type: 'object', context: VIEW_EDIT, additionalProperties: { type: 'string', context: ['edit'] } },
  },
};

describe('getEndpointArgsForItemSchema', () => {
  it('makes CREATABLE args from writable properties, with required, defaults and arg_options', () => {
    const args = getEndpointArgsForItemSchema(customerSchema, 'POST');
    expect(Object.keys(args)).toEqual([
      'email',
      'first_name',
      'password',
      'role',
      'billing',
      'meta_data',
      'notes',
      'free',
    ]);
    expect(args.email).toEqual({
      required: true,
      description: 'The email address for the customer.',
      type: 'string',
      format: 'email',
    });
    expect(args.first_name.sanitizeCallback?.(' Jo ', undefined as never, 'first_name')).toBe('Jo');
    expect(args.role).toEqual({ default: 'subscriber', required: true, type: 'string' });
    expect(Object.keys(args.billing)).toEqual(['description', 'type', 'properties']);
  });

  it('makes EDITABLE args without required or defaults, even from arg_options', () => {
    const args = getEndpointArgsForItemSchema(customerSchema, 'POST, PUT, PATCH');
    expect(args.email).toEqual({ description: 'The email address for the customer.', type: 'string', format: 'email' });
    expect(args.role).toEqual({ type: 'string' });
    expect(typeof args.first_name.sanitizeCallback).toBe('function');
  });
});

describe('filterResponseByContext', () => {
  const data = {
    id: 1,
    email: 'a@example.com',
    password: 'x',
    billing: { city: 'Lisbon', secret: 's' },
    meta_data: [{ key: 'k', internal: 'i' }],
    notes: ['n'],
    free: { a: 'b' },
    unknown: true,
  };

  it('drops what the context excludes, in nested objects and arrays of objects', () => {
    expect(filterResponseByContext(data, customerSchema, 'view')).toEqual({
      id: 1,
      email: 'a@example.com',
      billing: { city: 'Lisbon' },
      meta_data: [{ key: 'k' }],
      notes: [],
      free: {},
      unknown: true,
    });
    expect(filterResponseByContext(data, customerSchema, 'edit')).toEqual(data);
  });

  it('only looks inside values whose schema has a context, as WordPress does', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        list: { type: 'array', items: { type: 'object', properties: { x: { type: 'string', context: ['edit'] } } } },
      },
    };
    expect(filterResponseByContext({ list: [{ x: 'kept' }] }, schema, 'view')).toEqual({ list: [{ x: 'kept' }] });
  });

  it('does not modify its input, and passes non-objects through', () => {
    const copy = structuredClone(data);
    filterResponseByContext(data, customerSchema, 'view');
    expect(data).toEqual(copy);
    expect(filterResponseByContext('text', customerSchema, 'view')).toBe('text');
  });

  it('reads a schema without a type but with properties as an object', () => {
    const { type: _type, ...untyped } = customerSchema;
    expect(filterResponseByContext({ password: 'x', id: 1 }, untyped, 'view')).toEqual({ id: 1 });
  });
});
