import { sessionSettingsStatement } from './sessionSettings';
import { WORDPRESS_SQL_MODE_STATEMENT } from '../wordPressSqlMode';

it('limits every statement on MariaDB (max_statement_time, seconds)', () => {
  expect(sessionSettingsStatement('5.5.5-10.11.6-MariaDB-0+deb12u1', 1500)).toEqual({
    sql: `${WORDPRESS_SQL_MODE_STATEMENT}, max_statement_time = ?`,
    values: [1.5],
  });
});

it('limits SELECTs on MySQL (max_execution_time, ms)', () => {
  expect(sessionSettingsStatement('8.0.36', 1500)).toEqual({
    sql: `${WORDPRESS_SQL_MODE_STATEMENT}, max_execution_time = ?`,
    values: [1500],
  });
});

it('sets only the sql_mode without a limit', () => {
  expect(sessionSettingsStatement('10.11.6-MariaDB', 0)).toEqual({ sql: WORDPRESS_SQL_MODE_STATEMENT, values: [] });
});
