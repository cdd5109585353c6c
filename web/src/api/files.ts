import { http } from './client.ts';
import type { StoredFile } from './engine-types.ts';

/** Attachments of a record. Uploads go to POST /api/files (multipart: file, subjectType, subjectId). */
export const fileApi = {
  /** GET /api/files?subjectType&subjectId — the list endpoint the attachments panel expects (silent: it may not exist yet). */
  listFor: (subjectType: string, subjectId: string) =>
    http.get<{ items: StoredFile[] }>('/files', { subjectType, subjectId }, { isSilent: true }),
  uploadUrl: '/api/files',
  downloadUrl: (id: number) => `/api/files/${id}`,
};
