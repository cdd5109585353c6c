import { http } from './client.ts';
import type { AdministrativeAct } from './engine-types.ts';

export const actApi = {
  /** Silent: the act page shows a missing act itself. */
  get: (id: number) => http.get<AdministrativeAct>(`/acts/${id}`, undefined, { isSilent: true }),
};
