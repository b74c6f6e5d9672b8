/**
 * The column type WordPress's MySQL DDL uses where TypeORM has no type that is valid on both databases: LONGTEXT
 * (`text` in the entity), CHAR(n) (`varchar`) and DATETIME (`varchar(19)`, see WpDateColumn.ts). Entities must load
 * on SQLite too, whose TypeORM driver knows none of these. The schema test (test/storage.schemaMatchesEntities.test.ts)
 * reads it to check the created tables column for column.
 */
export type MysqlOnlyType = 'longtext' | 'char' | 'datetime';

const declared = new WeakMap<object, Map<string, MysqlOnlyType>>();

export function MysqlType(type: MysqlOnlyType): PropertyDecorator {
  return (prototype, property) => {
    const owner = prototype.constructor;
    const columns = declared.get(owner) ?? new Map<string, MysqlOnlyType>();
    columns.set(String(property), type);
    declared.set(owner, columns);
  };
}

/** The MysqlType declared on an entity's property, if any. */
export function mysqlTypeOf(entity: object, property: string): MysqlOnlyType | undefined {
  return declared.get(entity)?.get(property);
}
