import { registerPermissions } from '../access/permission-registry.ts';
import type { ProcedureDefinition } from './define.ts';
import { registerProcedureDocuments } from './case-documents.ts';

/**
 * Procedures register themselves here (the platform never imports them). Several versions of one
 * procedure may be registered; new cases open under the latest, old cases keep theirs.
 */
const procedures = new Map<string, ProcedureDefinition[]>();

export function registerProcedure(definition: ProcedureDefinition): void {
  const versions = procedures.get(definition.key) ?? [];
  if (versions.some((v) => v.version === definition.version)) return;
  versions.push(definition);
  procedures.set(definition.key, versions);
  registerPermissions(definition.title, definition.permissions);
  registerProcedureDocuments(definition);
}

/** The table a case runs on: its own version, or the latest for a new case. */
export function findProcedure(key: string, version?: string): ProcedureDefinition | undefined {
  const versions = procedures.get(key);
  if (!versions?.length) return undefined;
  if (version) return versions.find((v) => v.version === version);
  return versions[versions.length - 1];
}

export function listProcedures(): ProcedureDefinition[] {
  return [...procedures.values()].map((versions) => versions[versions.length - 1]);
}
