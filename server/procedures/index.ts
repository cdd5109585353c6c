import { registerProcedure } from '../platform/engine/registry.ts';
import { reconsideration } from './reconsideration/procedure.ts';
import { litigation } from './litigation/procedure.ts';
import './litigation/indicators.ts';
import './reconsideration/indicators.ts';
import { disclosure } from './disclosure/procedure.ts';

/** Every procedure of the platform registers here; the platform itself never names them. */
export function registerAllProcedures(): void {
  registerProcedure(reconsideration);
  registerProcedure(disclosure);
  registerProcedure(litigation);
}
