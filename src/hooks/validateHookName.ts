/**
 * Throws unless `hookName` is a valid hook name, with `@wordpress/hooks`' rules: a non-empty string of letters,
 * numbers, underscores, periods and dashes that starts with a letter (so never with `__`, which Gutenberg reserves).
 */
export function validateHookName(hookName: unknown): asserts hookName is string {
  if (typeof hookName !== 'string' || hookName === '') {
    throw new TypeError('The hook name must be a non-empty string.');
  }
  if (hookName.startsWith('__')) {
    throw new TypeError(`The hook name "${hookName}" cannot begin with "__".`);
  }
  if (!/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(hookName)) {
    throw new TypeError(
      `The hook name "${hookName}" must start with a letter and contain only letters, numbers, dashes, periods` +
        ' and underscores.',
    );
  }
}
