/**
 * The source of a plugin module for a `wc-host serve` child process: GET /wp-json/test/v1/slow?ms= answers
 * `{ slept: ms }` (with the answering process's `pid` when asked) after that many milliseconds, and logs when it
 * starts, so a test knows the request is in flight.
 */
export function slowPluginSource(options: { withPid?: boolean } = {}): string {
  const answer = options.withPid ? '{ slept: ms, pid: process.pid }' : '{ slept: ms }';
  return `module.exports = {
  name: 'test/slow',
  register({ rest, logger }) {
    rest.registerRoute('test/v1', '/slow', {
      methods: 'GET',
      permissionCallback: () => true,
      args: { ms: { type: 'integer', required: true } },
      callback: (request) => {
        const ms = Number(request.param('ms'));
        logger.info('slow request started ' + ms);
        return new Promise((resolve) => setTimeout(() => resolve(${answer}), ms));
      },
    });
  },
};
`;
}
