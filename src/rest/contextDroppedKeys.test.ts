import { seededRandom, type SeededRandom } from '../../test/helpers/seededRandom';
import { contextDroppedKeys } from './contextDroppedKeys';
import { filterResponseByContext } from './filterByContext';
import type { JsonSchema } from './types';

const CONTEXTS = ['view', 'edit', 'embed'];
const KEYS = ['a', 'b', 'c', 'password', 'meta'];

function randomSchema(random: SeededRandom, depth: number): JsonSchema {
  const schema: JsonSchema = {};
  const type = random.pick<JsonSchema['type'] | undefined>([
    'object',
    'object',
    'array',
    ['array', 'object'],
    'string',
    undefined,
  ]);
  if (type !== undefined) schema.type = type;
  if (random.chance(75)) schema.context = random.sample(CONTEXTS, random.int(CONTEXTS.length + 1));
  if (depth === 0) return schema;
  if (random.chance(70)) {
    schema.properties = {};
    for (const key of random.sample(KEYS, 1 + random.int(KEYS.length)))
      schema.properties[key] = randomSchema(random, depth - 1);
  }
  if (random.chance(30)) schema.items = randomSchema(random, depth - 1);
  if (random.chance(10)) schema.patternProperties = { '^m': randomSchema(random, depth - 1) };
  if (random.chance(10)) schema.additionalProperties = random.chance(50) ? randomSchema(random, depth - 1) : false;
  if (random.chance(5)) schema.anyOf = [randomSchema(random, depth - 1), randomSchema(random, depth - 1)];
  return schema;
}

function randomValue(random: SeededRandom, depth: number): unknown {
  const kind = depth === 0 ? random.int(3) : random.int(6);
  if (kind === 0) return random.pick(['x', '', 'view']);
  if (kind === 1) return random.int(10);
  if (kind === 2) return random.chance(50) ? null : true;
  if (kind === 3) return Array.from({ length: random.int(3) }, () => randomValue(random, depth - 1));
  return Object.fromEntries(
    random.sample(KEYS, random.int(KEYS.length + 1)).map((key) => [key, randomValue(random, depth - 1)]),
  );
}

function without(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));
}

describe('contextDroppedKeys', () => {
  it('names exactly what the filter removes, when that is all it does, over random schemas and values', () => {
    const random = seededRandom(20261207);
    let answered = 0;
    let dropping = 0;
    for (let round = 0; round < 3000; round++) {
      const schema = { ...randomSchema(random, 3), type: random.chance(90) ? 'object' : 'array' };
      const context = random.pick(CONTEXTS);
      const dropped = contextDroppedKeys(schema, context);
      if (dropped === null) continue;
      answered++;
      if (dropped.length > 0) dropping++;
      for (let i = 0; i < 10; i++) {
        const data = randomValue(random, 4);
        if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
        expect(filterResponseByContext(data, schema, context)).toEqual(
          without(data as Record<string, unknown>, dropped),
        );
      }
    }
    // Enough schemas of both kinds that the check above means something.
    expect(answered).toBeGreaterThan(300);
    expect(dropping).toBeGreaterThan(100);
  });

  it('declines what it cannot tell without the value', () => {
    const leaf = { type: 'string', context: ['view'] };
    expect(contextDroppedKeys({ type: 'array', items: leaf }, 'view')).toBeNull();
    expect(contextDroppedKeys({ type: 'object', anyOf: [leaf] }, 'view')).toBeNull();
    expect(contextDroppedKeys({ type: 'object', additionalProperties: leaf }, 'view')).toBeNull();
    const nested = { type: 'object', context: ['view'], properties: { secret: { type: 'string', context: ['edit'] } } };
    expect(contextDroppedKeys({ type: 'object', properties: { nested } }, 'view')).toBeNull();
    // In `edit` the nested object goes whole: that is a top-level key.
    expect(contextDroppedKeys({ type: 'object', properties: { nested, top: { context: ['edit'] } } }, 'edit')).toEqual([
      'nested',
    ]);
  });
});
