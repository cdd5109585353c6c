import { hasPermission, scopeFor, type Principal, type Scope } from '../../platform/access/scope.ts';
import type { Actor, Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { applyAction } from '../../platform/engine/apply-action.ts';
import type { FixtureDates } from './dates.ts';

/** A fixture user as the services see one: the principal the checks read, the actor the audit records. */
export type FixtureUser = { principal: Principal; actor: Actor };

/** What every part of the fixture works with: the platform (inside the load's transaction), dates, orgs, users. */
export type FixtureContext = {
  platform: Platform;
  dates: FixtureDates;
  /** Organisation ids by code. */
  orgs: Map<string, number>;
  /** 县司法局 staff: registers cases, imports ledgers, enters figures. */
  staff: FixtureUser;
  /** A second 法治办 member: approves the entered figures (nobody approves their own entry). */
  approver: FixtureUser;
};

export function orgId(ctx: FixtureContext, code: string): number {
  const id = ctx.orgs.get(code);
  if (id == null) throw new Error(`dazhu-2024 fixture: unknown organisation ${code}`);
  return id;
}

export type Step = { action: string; on: string; input?: Record<string, unknown> };

/**
 * Opens a case with the procedure's create action and takes the further steps, each through the engine's
 * `applyAction` with its legal date: exactly what the case API does for a user.
 */
export async function runCase(ctx: FixtureContext, procedure: string, handlingOrgId: number, steps: Step[], user: FixtureUser = ctx.staff): Promise<number> {
  const [create, ...rest] = steps;
  const result = await applyAction(ctx.platform, user.principal, user.actor, { procedure, caseId: null, action: create.action, on: create.on, orgId: handlingOrgId, input: create.input ?? {} });
  await continueCase(ctx, procedure, result.caseId, rest, user);
  return result.caseId;
}

/** Further steps on a case already open. */
export async function continueCase(ctx: FixtureContext, procedure: string, caseId: number, steps: Step[], user: FixtureUser = ctx.staff): Promise<void> {
  for (const step of steps) {
    await applyAction(ctx.platform, user.principal, user.actor, { procedure, caseId, action: step.action, on: step.on, input: step.input ?? {} });
  }
}

/** The data scope a user's roles give for a permission, as the API's requireScope computes it. */
export async function scopeOf(ctx: FixtureContext, user: FixtureUser, permission: string): Promise<Scope> {
  if (!hasPermission(user.principal, permission)) throw new AppError('FORBIDDEN', `没有“${permission}”权限`);
  return scopeFor(ctx.platform.db, user.principal, permission);
}
