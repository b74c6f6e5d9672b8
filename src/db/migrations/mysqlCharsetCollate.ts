import type { QueryRunner } from 'typeorm';

/**
 * The table options WordPress uses ($wpdb->get_charset_collate()): utf8mb4 with utf8mb4_unicode_520_ci where the
 * server has it (MariaDB, MySQL ≥ 5.6), else utf8mb4_unicode_ci. Both compare case- and accent-insensitively.
 */
export async function mysqlCharsetCollate(queryRunner: QueryRunner): Promise<string> {
  const rows: unknown = await queryRunner.query(
    "SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE COLLATION_NAME = 'utf8mb4_unicode_520_ci'",
  );
  const collation = Array.isArray(rows) && rows.length > 0 ? 'utf8mb4_unicode_520_ci' : 'utf8mb4_unicode_ci';
  return `DEFAULT CHARACTER SET utf8mb4 COLLATE ${collation}`;
}
