import { http } from './client.ts';
import type { AdministrativeAct } from './engine-types.ts';

export const actApi = {
  get: (id: number) => http.get<AdministrativeAct>(`/acts/${id}`),
};
