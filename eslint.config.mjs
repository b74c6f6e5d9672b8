// @ts-check
// Lint rules for wc-host: typescript-eslint's type-aware recommended set
// (https://typescript-eslint.io/getting-started/typed-linting), with formatting left to Prettier: eslint-config-prettier
// switches off every rule Prettier owns. Each departure from the recommended sets below says why.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'data/', 'bench/results/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  eslint.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An underscore marks a binding kept on purpose: a property dropped from a rest copy
      // (`const { _links, ...rest } = body`), or a parameter an interface hands over but this code does not need.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: most async functions without an `await` implement a Promise-returning contract (hook callbacks, store
      // and driver methods, `MigrationInterface.down`). Dropping `async` there would turn a thrown error into a
      // synchronous throw the caller does not expect, which is worse than the empty `async` the rule objects to.
      '@typescript-eslint/require-await': 'off',
      // TypeScript narrows `unknown` to `{}` after a null check, so `String(value ?? '')` on a driver value or a request
      // parameter (PHP's `(string)` cast, on purpose) would be reported while `String(value)` is not (the rule leaves
      // `unknown` alone by default). Objects with their own types are still checked.
      // A caught reason handed on unchanged (`catch (error) { reject(error) }`) is `unknown`; wrapping it would change
      // what the caller sees. Rejecting with a value that is known not to be an Error is still reported.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/no-base-to-string': [
        'error',
        { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', '{}'] },
      ],
    },
  },
  {
    // An example plugin's own tsconfig.json resolves `wc-host` from node_modules, as in the plugin's own repository;
    // here the type-aware rules need the tsconfig.repo.json beside it, which maps `wc-host` to this repository.
    files: ['examples/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['examples/*/tsconfig.repo.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Tests read HTTP answers through supertest, whose `response.body` is `any` by design; the assertions check its
    // shape at run time. Typing every body before use would add a cast to nearly every line of every test, so the
    // rules about flowing `any` are off in tests only (they stay on for the code under test).
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // For the same reason a JSON answer read field by field is typed `Record<string, any>` in tests.
      '@typescript-eslint/no-explicit-any': 'off',
      // `expect(object.method).toHaveBeenCalled()` passes a jest mock, never calls it unbound.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Type tests (test/types/) are compiled, never run: their values exist only to have their types checked, and
    // their expected types are spelled out in full on purpose.
    files: ['test/types/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    // Plain CommonJS files: the bin shim, jest's config and setup files.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  prettier,
);
