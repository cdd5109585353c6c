/** Attachments of a record: uploaded to POST /api/files (multipart: file, subjectType, subjectId), listed on the record itself. */
export const fileApi = {
  uploadUrl: '/api/files',
};
