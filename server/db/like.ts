import { sql, type RawBuilder } from 'kysely';

/**
 * `column LIKE '%text%' ESCAPE '\'` with the user's text taken literally. SQLite has no default escape
 * character and PostgreSQL's is the backslash, so the ESCAPE clause makes both read the pattern alike.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`${sql.ref(column)} like ${`%${escaped}%`} escape '\\'`;
}
