/**
 * Compile-time tests of the options API's types: compiled by `npm run typecheck` and test/typeTests.test.ts.
 */
import type { OptionsApi, OptionValue } from '../../src/host/types';

declare const options: OptionsApi;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export async function reads(): Promise<boolean[]> {
  const stored = await options.get('posts_per_page');
  const withDefault = await options.get('posts_per_page', 10);
  const parsed = await options.get('posts_per_page', { parse: Number, default: 10 });
  const parsedOrMissing = await options.get('posts_per_page', { parse: Number });
  const checks: [
    Equal<typeof stored, OptionValue | undefined>,
    Equal<typeof withDefault, OptionValue | 10>,
    Equal<typeof parsed, number>,
    Equal<typeof parsedOrMissing, number | undefined>,
  ] = [true, true, true, true];
  // @ts-expect-error what is stored is text (or a PHP value), not the default's type
  const count: number = await options.get('posts_per_page', 10);
  // @ts-expect-error the old unchecked form: the caller cannot just name the type
  await options.get<number>('posts_per_page');
  return [...checks, count > 0];
}
