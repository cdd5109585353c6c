import type { FastifyRequest } from 'fastify';
import type { Principal } from '../access/scope.ts';
import type { Actor } from '../context.ts';
import type { Platform } from '../context.ts';

export type AuthState = {
  principal: Principal;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
};

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
  }
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyContextConfig {
    /** Route needs no login (health, login, the public portal). */
    isPublic?: boolean;
    /** Route stays open while the user must still change an initial password. */
    allowWithPasswordChangePending?: boolean;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  const principal = request.auth?.principal;
  return { id: principal?.userId ?? null, name: principal?.displayName ?? null, ip: request.ip ?? null };
}
