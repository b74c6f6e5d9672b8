import { deepFreeze } from '../../cache/deepFreeze';
import { phpJsonEncode } from './encode';
import { rememberEncoding, rememberedBody } from './preEncoded';

function remembered<T extends object>(value: T): T {
  const frozen = deepFreeze(value);
  rememberEncoding(frozen, phpJsonEncode(frozen));
  return frozen;
}

describe('remembered encodings', () => {
  const items = [remembered({ id: 1, name: 'Müller', url: 'http://shop.test/a' }), remembered({ id: 2, name: 'Zoë' })];

  it('give the bytes phpJsonEncode gives, for one item and for a list of them', () => {
    expect(rememberedBody(items[0])?.toString()).toBe(phpJsonEncode(items[0]));
    expect(rememberedBody(items)?.toString()).toBe(phpJsonEncode(items));
    expect(rememberedBody([items[1]])?.toString()).toBe(phpJsonEncode([items[1]]));
  });

  it('leave a list with one item they do not know, an empty list and other values to the encoder', () => {
    expect(rememberedBody([...items, { id: 3 }])).toBeNull();
    expect(rememberedBody({ ...items[0] })).toBeNull();
    expect(rememberedBody([])).toBeNull();
    expect(rememberedBody('text')).toBeNull();
    expect(rememberedBody(null)).toBeNull();
  });

  it('are kept only for values that cannot change', () => {
    expect(() => rememberEncoding({ id: 1 }, '{"id":1}')).toThrow();
  });
});
