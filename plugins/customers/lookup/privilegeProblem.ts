/**
 * Turns a MySQL refusal to create a trigger, table or index into a sentence that names the missing privilege and
 * its fix; null for any other error.
 */
export function privilegeProblem(error: unknown): string | null {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const fix =
    'Nothing was left half made. Grant it (or run `npx wc-host db index` as a user who has it) and try again.';
  if (code === 'ER_BINLOG_CREATE_ROUTINE_NEED_SUPER') {
    return (
      'The database has binary logging on, so MySQL/MariaDB lets only users with the SUPER privilege create triggers, ' +
      'unless the server sets log_bin_trust_function_creators = 1 (SET GLOBAL log_bin_trust_function_creators = 1). ' +
      fix
    );
  }
  if (
    code === 'ER_TABLEACCESS_DENIED_ERROR' ||
    code === 'ER_DBACCESS_DENIED_ERROR' ||
    code === 'ER_SPECIFIC_ACCESS_DENIED_ERROR'
  ) {
    const command = /^(\w+) command denied/i.exec(message)?.[1]?.toUpperCase();
    const privilege = command === 'CREATE' && /trigger/i.test(message) ? 'TRIGGER' : (command ?? 'needed');
    return `The database user lacks the ${privilege} privilege (${message}). ${fix}`;
  }
  return null;
}
