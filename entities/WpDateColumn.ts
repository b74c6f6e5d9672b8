import { Column } from 'typeorm';
import { MysqlType } from './MysqlType';

/**
 * A WordPress DATETIME column ('YYYY-MM-DD HH:MM:SS', '0000-00-00 00:00:00' when unset). Mapped as varchar(19) on
 * purpose: with `datetime` TypeORM would turn the value into a JS Date in the process's time zone (and
 * '0000-00-00 00:00:00' into an Invalid Date). The real column is DATETIME on MySQL and TEXT on SQLite; MySQL accepts
 * the string form on insert and returns it (dateStrings).
 */
export function WpDateColumn(name: string, options: { nullable?: boolean } = {}): PropertyDecorator {
  const column = Column(
    options.nullable
      ? { name, type: 'varchar', length: 19, nullable: true, default: null }
      : { name, type: 'varchar', length: 19, default: '0000-00-00 00:00:00' },
  );
  const mysqlType = MysqlType('datetime');
  return (prototype, property) => {
    column(prototype, property);
    mysqlType(prototype, property);
  };
}
