import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { GENERATION_TABLES } from '../../platform/cache/generations.ts';

/**
 * `cache_generation`: one counter per set of rarely written tables, raised by triggers on every insert, update and
 * delete, so an in-memory copy of those tables (platform/cache/generations.ts) notices every write, including
 * another process's. Triggers rather than service code: no write path can forget one.
 */
export function cacheGenerationsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cache_generation')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('generation', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      for (const name of Object.keys(GENERATION_TABLES)) {
        await sql`insert into cache_generation (name, generation) values (${name}, 1)`.execute(db);
      }
      if (dialect === 'postgres') {
        await sql`create function bump_cache_generation() returns trigger language plpgsql as $$
          begin
            update cache_generation set generation = generation + 1 where name = tg_argv[0];
            return null;
          end $$`.execute(db);
      }
      for (const [name, tables] of Object.entries(GENERATION_TABLES)) {
        for (const table of tables) {
          if (dialect === 'postgres') {
            await sql`create trigger ${sql.id(`${table}_cache_generation`)} after insert or update or delete or truncate on ${sql.table(table)}
              for each statement execute function bump_cache_generation(${sql.lit(name)})`.execute(db);
            continue;
          }
          for (const event of ['insert', 'update', 'delete']) {
            await sql`create trigger ${sql.id(`${table}_cache_generation_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
              begin update cache_generation set generation = generation + 1 where name = ${sql.lit(name)}; end`.execute(db);
          }
        }
      }
    },
    async down() {
      throw new Error('cache generations migration cannot be reverted');
    },
  };
}
