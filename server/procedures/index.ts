import type { FastifyInstance } from 'fastify';
import { disclosureReportRoutes } from './disclosure/annual-report/routes.ts';
import { ledgerRoutes } from './mediation/ledger/routes.ts';
import { mediationRegisterRoutes } from './mediation/registers/routes.ts';
import { leadershipRoutes } from './leadership/routes.ts';
import { registerProcedure } from '../platform/engine/registry.ts';
import { reconsideration } from './reconsideration/procedure.ts';
import { litigation } from './litigation/procedure.ts';
import './litigation/indicators.ts';
import './reconsideration/indicators.ts';
import { disclosure } from './disclosure/procedure.ts';
import './disclosure/annual-report/table2.ts';
import './disclosure/annual-report/deadlines.ts';
import './disclosure/indicators.ts';
import { mediation } from './mediation/procedure.ts';
import './mediation/indicators.ts';
import './mediation/registers/indicators.ts';
import './leadership/indicators.ts';

/** Every procedure of the platform registers here; the platform itself never names them. */
export function registerAllProcedures(): void {
  registerProcedure(reconsideration);
  registerProcedure(disclosure);
  registerProcedure(litigation);
  registerProcedure(mediation);
}

/** HTTP routes procedures add beyond the generic case API (reports and the like). */
export async function procedureRoutes(app: FastifyInstance): Promise<void> {
  await app.register(disclosureReportRoutes);
  await app.register(ledgerRoutes);
  await app.register(mediationRegisterRoutes);
  await app.register(leadershipRoutes);
}
