import type { Platform, Actor } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import { AppError } from '../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { getSetting } from '../settings/service.ts';
import { LOCK_MINUTES, MAX_FAILED_LOGINS, SESSION_IDLE_MINUTES } from '../settings/core-settings.ts';
import { verifyPassword } from './password.ts';
import { newToken, sessionIdOf } from './sessions.ts';

export type LoginInput = { username: string; password: string; ip: string | null; userAgent: string | null };
export type LoginSuccess = { token: string; csrfToken: string; userId: number; mustChangePassword: boolean };

type Outcome = { kind: 'ok'; value: LoginSuccess } | { kind: 'error'; error: AppError };

/**
 * Checks credentials with lockout. Failures are written (login log, attempt counter, audit) and
 * committed before the error is answered, so they survive the refusal.
 */
export async function login(platform: Platform, input: LoginInput): Promise<LoginSuccess> {
  const { db, dialect } = platform;
  const maxFailures = await getSetting(db, MAX_FAILED_LOGINS);
  const lockMinutes = await getSetting(db, LOCK_MINUTES);
  const idleMinutes = await getSetting(db, SESSION_IDLE_MINUTES);
  const user = await db.selectFrom('app_user').selectAll().where('username', '=', input.username).executeTakeFirst();
  const isPasswordRight = user ? await verifyPassword(input.password, user.password_hash) : false;

  const outcome = await inTransaction(platform, async (trx): Promise<Outcome> => {
    const now = new Date();
    const at = now.toISOString();
    const actor: Actor = { id: user?.id ?? null, name: user?.display_name ?? input.username, ip: input.ip };
    const record = async (result: string) => {
      await trx
        .insertInto('login_log')
        .values({ at, username: input.username, user_id: user?.id ?? null, ip: input.ip, user_agent: input.userAgent, result })
        .execute();
      await appendAudit(trx, dialect, actor, {
        action: result === 'success' ? 'auth.login' : 'auth.login.failed',
        targetType: 'user',
        targetId: user?.id ?? null,
        after: { username: input.username, result },
      });
    };
    const invalid = new AppError('INVALID_CREDENTIALS', '用户名或密码错误');

    if (!user) {
      await record('unknown_user');
      return { kind: 'error', error: invalid };
    }
    // Re-read inside the transaction: concurrent attempts must not lose a failure count.
    const fresh = await trx
      .selectFrom('app_user')
      .select(['failed_attempts', 'locked_until', 'is_enabled', 'must_change_password'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    if (fresh.locked_until && fresh.locked_until > at) {
      await record('locked');
      return { kind: 'error', error: lockedError(fresh.locked_until) };
    }
    if (!fresh.is_enabled) {
      await record('disabled');
      return { kind: 'error', error: new AppError('ACCOUNT_DISABLED', '账号已停用，请联系管理员') };
    }
    if (!isPasswordRight) {
      const failures = fresh.failed_attempts + 1;
      if (failures >= maxFailures) {
        const lockedUntil = new Date(now.getTime() + lockMinutes * 60_000).toISOString();
        await trx.updateTable('app_user').set({ failed_attempts: 0, locked_until: lockedUntil }).where('id', '=', user.id).execute();
        await record('locked_now');
        return { kind: 'error', error: lockedError(lockedUntil) };
      }
      await trx.updateTable('app_user').set({ failed_attempts: failures }).where('id', '=', user.id).execute();
      await record('bad_password');
      return { kind: 'error', error: invalid };
    }

    const token = newToken();
    const csrfToken = newToken();
    await trx
      .updateTable('app_user')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: at })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('session')
      .values({
        id: sessionIdOf(token),
        user_id: user.id,
        csrf_token: csrfToken,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        created_at: at,
        last_seen_at: at,
        expires_at: new Date(now.getTime() + idleMinutes * 60_000).toISOString(),
        revoked_at: null,
      })
      .execute();
    await record('success');
    return { kind: 'ok', value: { token, csrfToken, userId: user.id, mustChangePassword: fresh.must_change_password === 1 } };
  });
  if (outcome.kind === 'error') throw outcome.error;
  return outcome.value;
}

function lockedError(lockedUntil: string): AppError {
  const until = new Date(lockedUntil).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定至 ${until}`, { details: { lockedUntil } });
}

export async function logout(platform: Platform, sessionId: string, actor: Actor): Promise<void> {
  await inTransaction(platform, async (trx) => {
    await trx.updateTable('session').set({ revoked_at: nowIso() }).where('id', '=', sessionId).execute();
    await appendAudit(trx, platform.dialect, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.id });
  });
}
