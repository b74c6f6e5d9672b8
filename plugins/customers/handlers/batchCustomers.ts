import { RestError, isRestError } from '../../../src/rest/RestError';
import { RestRequest } from '../../../src/rest/RestRequest';
import type { RestResponse } from '../../../src/rest/RestResponse';
import { CUSTOMER_HOOKS } from '../hooks';
import type { CustomersModule } from '../module';
import { createCustomer } from './createCustomer';
import { updateCustomer } from './updateCustomer';
import { deleteCustomer } from './deleteCustomer';

type BatchSection = 'create' | 'update' | 'delete';

interface BatchError {
  id: unknown;
  error: { code: string; message: string; data: Record<string, unknown> };
}

/**
 * POST|PUT|PATCH /customers/batch (WC_REST_Controller::batch_items, current WooCommerce): the 100-item limit, then
 * every create, every update, every delete — each item on its own, without the REST layer's argument validation, with
 * its own permission check, its failure recorded in place and never stopping the others.
 */
export async function batchCustomers(module: CustomersModule, request: RestRequest): Promise<unknown> {
  const body = request.params;
  const sections: Record<BatchSection, unknown[]> = {
    create: nonEmptyList(body.create),
    update: nonEmptyList(body.update),
    delete: nonEmptyList(body.delete),
  };
  const limit = Number(await module.hooks.applyFilters(CUSTOMER_HOOKS.restBatchItemsLimit, 100, 'customers'));
  const total = sections.create.length + sections.update.length + sections.delete.length;
  if (total > limit) {
    throw new RestError(
      'woocommerce_rest_request_entity_too_large',
      `Unable to accept more than ${limit} items for this request.`,
      413,
    );
  }

  const result: Partial<Record<BatchSection, unknown[]>> = {};
  const record = (section: BatchSection, entry: unknown) => (result[section] ??= []).push(entry);
  const itemRequest = (method: string, params: Record<string, unknown>, query: Record<string, unknown> = {}) => {
    const item = new RestRequest({
      method,
      path: request.path,
      headers: request.headers,
      query,
      jsonBody: params,
      restRoot: request.restRoot,
    });
    item.route = request.route;
    item.user = request.user;
    item.apiKey = request.apiKey;
    return item;
  };

  for (const raw of sections.create) {
    const item = itemRequest('POST', asObject(raw), { ...request.query });
    record(
      'create',
      await runItem(0, async () => {
        await module.permissions.create(item);
        return createCustomer(module, item);
      }),
    );
  }
  for (const raw of sections.update) {
    const params = asObject(raw);
    const item = itemRequest('PUT', params);
    record(
      'update',
      await runItem(params.id ?? null, async () => {
        await module.permissions.update(item);
        return updateCustomer(module, item);
      }),
    );
  }
  for (const raw of sections.delete) {
    const id = batchDeleteId(raw);
    if (id === 0) continue;
    if (id === null) {
      record('delete', errorEntry(raw, new RestError('woocommerce_rest_invalid_id', 'Invalid resource ID.', 400)));
      continue;
    }
    const item = itemRequest('DELETE', {}, { id, force: true });
    record(
      'delete',
      await runItem(id, async () => {
        await module.permissions.delete(item);
        return deleteCustomer(module, item);
      }),
    );
  }
  return Object.keys(result).length > 0 ? result : [];
}

/** One item: its response data with `_links` (response_to_data), or `{ id, error }`. */
async function runItem(id: unknown, work: () => Promise<RestResponse>): Promise<unknown> {
  try {
    const response = await work();
    return response.forCollection();
  } catch (error) {
    if (isRestError(error)) return errorEntry(id, error);
    throw error;
  }
}

function errorEntry(id: unknown, error: RestError): BatchError {
  return {
    id,
    error: { code: error.code, message: error.message, data: { status: error.status, ...error.extraData } },
  };
}

/** array_filter($request->get_params()): an empty or missing section is no section. */
function nonEmptyList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') return Object.values(value);
  return [];
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
}

/**
 * A delete id: integers and digit strings count; 0 is skipped silently as WooCommerce does. Anything else (true,
 * "abc", 1.5) is refused rather than cast — PHP's (int) cast would turn `true` into user 1.
 */
function batchDeleteId(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}
