import { z } from 'zod';
import { describeLimit } from '../calendar/deadline.ts';
import type { ProcedureDefinition } from './define.ts';

/**
 * The procedure table as data for clients: states, clocks with their legal basis, and each action with its
 * input as JSON Schema, so the UI builds forms and the procedure map from the same table the engine runs.
 */
export function procedureTable(procedure: ProcedureDefinition) {
  return {
    key: procedure.key,
    title: procedure.title,
    version: procedure.version,
    basis: procedure.basis,
    createAction: procedure.createAction,
    states: Object.entries(procedure.states).map(([key, title]) => ({ key, title, isFinal: procedure.finalStates.includes(key) })),
    clocks: Object.entries(procedure.clocks).map(([key, c]) => ({
      key, title: c.title, limit: c.limit, limitText: describeLimit(c.limit), basis: c.basis, onExpiry: c.onExpiry ?? null,
    })),
    actions: Object.entries(procedure.actions).map(([key, a]) => ({
      key,
      title: a.title,
      from: a.from,
      to: typeof a.to === 'string' ? [a.to] : null,
      permission: a.permission,
      basis: a.basis ?? null,
      isOnce: !!a.isOnce,
      // The input field that is the legal date, or 'derived' when a rule computes it from the input.
      onField: typeof a.onField === 'string' ? a.onField : a.onField ? 'derived' : null,
      clocks: Object.fromEntries(Object.entries(a.clocks ?? {}).map(([clock, effect]) => [clock, typeof effect === 'string' ? effect : effect.kind])),
      documents: Array.isArray(a.documents) ? a.documents : [],
      inputSchema: z.toJSONSchema(a.input, { io: 'input', unrepresentable: 'any' }),
    })),
    documents: Object.entries(procedure.documents ?? {}).map(([key, d]) => ({ key, title: d.title, isNumbered: !!d.numberKind })),
    permissions: procedure.permissions,
  };
}
