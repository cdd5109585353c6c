import type { Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import { autoIncrementId } from './auto-id.ts';

/**
 * 人民调解 registers: committees (调委会) with their members, mediators (人民调解员) with training records,
 * grid areas (网格), grid workers (网格员) and their 排查 reports. Phones are SM4-sealed with a masked copy.
 */
export function mediationRegistersMigration(dialect: DialectName) {
  const { idType, idColumn } = autoIncrementId(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('mediation_committee')
        .addColumn('id', idType, idColumn)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('field', 'text')
        .addColumn('parent_org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_id', 'integer', (c) => c.references('organization.id'))
        .addColumn('township_org_id', 'integer', (c) => c.references('organization.id'))
        .addColumn('guide_org_id', 'integer', (c) => c.references('organization.id'))
        .addColumn('established_on', 'text')
        .addColumn('is_active', 'integer', (c) => c.notNull())
        .addColumn('remark', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mediation_committee_org_uq').unique().on('mediation_committee').column('org_id').execute();
      await db.schema.createIndex('mediation_committee_parent_idx').on('mediation_committee').column('parent_org_id').execute();
      await db.schema.createIndex('mediation_committee_township_idx').on('mediation_committee').column('township_org_id').execute();
      await db.schema.createIndex('mediation_committee_guide_idx').on('mediation_committee').column('guide_org_id').execute();

      await db.schema
        .createTable('mediation_committee_member')
        .addColumn('id', idType, idColumn)
        .addColumn('committee_id', 'integer', (c) => c.notNull().references('mediation_committee.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('gender', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('term_start', 'text', (c) => c.notNull())
        .addColumn('term_end', 'text', (c) => c.notNull())
        .addColumn('phone_enc', 'text')
        .addColumn('phone_masked', 'text')
        .addColumn('sort', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mediation_committee_member_idx').on('mediation_committee_member').column('committee_id').execute();

      await db.schema
        .createTable('mediator')
        .addColumn('id', idType, idColumn)
        .addColumn('committee_id', 'integer', (c) => c.notNull().references('mediation_committee.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('gender', 'text', (c) => c.notNull())
        .addColumn('employment', 'text', (c) => c.notNull())
        .addColumn('is_committee_member', 'integer', (c) => c.notNull())
        .addColumn('qualification', 'text')
        .addColumn('is_active', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mediator_committee_idx').on('mediator').column('committee_id').execute();

      await db.schema
        .createTable('mediator_training')
        .addColumn('id', idType, idColumn)
        .addColumn('mediator_id', 'integer', (c) => c.notNull().references('mediator.id'))
        .addColumn('trained_on', 'text', (c) => c.notNull())
        .addColumn('hours', 'double precision', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('organiser', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mediator_training_idx').on('mediator_training').columns(['mediator_id', 'trained_on']).execute();

      await db.schema
        .createTable('mediation_grid')
        .addColumn('id', idType, idColumn)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('township_org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('guide_org_id', 'integer', (c) => c.references('organization.id'))
        .addColumn('description', 'text')
        .addColumn('is_active', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mediation_grid_township_idx').on('mediation_grid').column('township_org_id').execute();
      await db.schema.createIndex('mediation_grid_guide_idx').on('mediation_grid').column('guide_org_id').execute();

      await db.schema
        .createTable('grid_worker')
        .addColumn('id', idType, idColumn)
        .addColumn('grid_id', 'integer', (c) => c.notNull().references('mediation_grid.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('phone_enc', 'text')
        .addColumn('phone_masked', 'text')
        .addColumn('is_active', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('grid_worker_grid_idx').on('grid_worker').column('grid_id').execute();

      await db.schema
        .createTable('grid_report')
        .addColumn('id', idType, idColumn)
        .addColumn('grid_id', 'integer', (c) => c.notNull().references('mediation_grid.id'))
        .addColumn('grid_worker_id', 'integer', (c) => c.references('grid_worker.id'))
        .addColumn('found_on', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('parties_json', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('risk_level', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.references('proc_case.id'))
        .addColumn('close_reason', 'text')
        .addColumn('handled_on', 'text')
        .addColumn('handled_by', 'integer')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('grid_report_grid_idx').on('grid_report').columns(['grid_id', 'state', 'found_on']).execute();
      await db.schema.createIndex('grid_report_state_idx').on('grid_report').columns(['state', 'found_on']).execute();
      await db.schema.createIndex('grid_report_case_idx').on('grid_report').column('case_id').execute();
    },
    async down() {
      throw new Error('mediation registers migration cannot be reverted');
    },
  };
}
