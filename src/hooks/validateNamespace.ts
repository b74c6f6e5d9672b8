/**
 * Throws unless `namespace` is a valid namespace, with `@wordpress/hooks`' rules: a non-empty string of letters,
 * numbers, underscores, periods, dashes and slashes that starts with a letter, in the form `vendor/plugin/function`.
 */
export function validateNamespace(namespace: unknown): asserts namespace is string {
  if (typeof namespace !== 'string' || namespace === '') {
    throw new TypeError('The namespace must be a non-empty string.');
  }
  if (!/^[a-zA-Z][a-zA-Z0-9_.\-/]*$/.test(namespace)) {
    throw new TypeError(
      `The namespace "${namespace}" must start with a letter and contain only letters, numbers, dashes, periods,` +
        ' underscores and slashes.',
    );
  }
}
