import { sql, type ColumnDefinitionBuilder } from 'kysely';
import type { DialectName } from '../client.ts';

/** The one dialect difference of the schema: how an auto-increment primary key is declared. */
export function autoIncrementId(dialect: DialectName) {
  return {
    idType: dialect === 'postgres' ? sql`serial` : sql`integer`,
    idColumn: (col: ColumnDefinitionBuilder) => (dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement()),
  };
}
