import type { FastifyInstance } from 'fastify';
import { registerPermissions } from '../../../platform/access/permission-registry.ts';
import { committeeRoutes } from './committee-routes.ts';
import { gridRoutes } from './grid-routes.ts';
import { mediatorRoutes } from './mediator-routes.ts';
import './vocabulary.ts';

/** mediation.read (and mediation.personal) come with the procedure's table; the registers add their own. */
registerPermissions('人民调解', { 'mediation.manage': '管理调委会、调解员和网格' });

/** 人民调解 registers: /api/mediation/committees, /mediators, /grids, /grid-reports. */
export async function mediationRegisterRoutes(app: FastifyInstance): Promise<void> {
  await app.register(committeeRoutes);
  await app.register(mediatorRoutes);
  await app.register(gridRoutes);
}
