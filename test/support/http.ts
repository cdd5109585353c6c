import type { FastifyInstance } from 'fastify';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type JsonObject = Record<string, unknown>;

/** One answer: status, the parsed JSON body (null when not JSON), the raw text and headers. */
export type TestResponse<T = JsonObject> = {
  status: number;
  body: T;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
};

/**
 * A client of the app through `app.inject`: carries the session cookie and the CSRF token.
 * Pass the expected body type when a test reads into it: `agent.get<{ items: Org[] }>('/api/orgs')`.
 */
export type Agent = {
  /** The login answer (user, permissions, …); empty for an anonymous agent. */
  readonly me: JsonObject;
  csrfToken: string | null;
  get<T = JsonObject>(url: string): Promise<TestResponse<T>>;
  delete<T = JsonObject>(url: string, body?: unknown): Promise<TestResponse<T>>;
  post<T = JsonObject>(url: string, body?: unknown): Promise<TestResponse<T>>;
  put<T = JsonObject>(url: string, body?: unknown): Promise<TestResponse<T>>;
  patch<T = JsonObject>(url: string, body?: unknown): Promise<TestResponse<T>>;
  /** A GET whose answer is binary (a document, a file): the raw bytes. */
  download(url: string): Promise<{ status: number; buffer: Buffer; headers: TestResponse['headers'] }>;
};

/** A client without a session: for public routes and for asserting that others refuse. */
export function anonymous(app: FastifyInstance): Agent {
  return createAgent(app, {});
}

/** Logs in and returns an agent acting as that user; throws (with the server's answer) if login fails. */
export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<Agent> {
  const state: AgentState = { jar: new Map(), csrfToken: null };
  const answer = await createAgent(app, {}, state).post('/api/auth/login', { username, password });
  if (answer.status !== 200) {
    throw new Error(`login as ${username} failed: ${answer.status} ${answer.text}`);
  }
  return createAgent(app, answer.body, state);
}

type CookieJar = Map<string, string>;
type AgentState = { jar: CookieJar; csrfToken: string | null };

function createAgent(app: FastifyInstance, me: JsonObject, state: AgentState = { jar: new Map(), csrfToken: null }): Agent {
  async function send<T>(method: HttpMethod, url: string, body?: unknown): Promise<TestResponse<T>> {
    const headers: Record<string, string> = {};
    if (state.jar.size) headers.cookie = [...state.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
    const response = await app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    for (const cookie of response.cookies) {
      const isCleared = !cookie.value || (cookie.expires instanceof Date && cookie.expires.getTime() <= Date.now());
      if (isCleared) state.jar.delete(cookie.name);
      else state.jar.set(cookie.name, cookie.value);
    }
    const parsed = parseJson(response.headers['content-type'], response.body);
    // /api/auth/me and a fresh login hand out the session's CSRF token; keep using the latest.
    if (url.startsWith('/api/auth/') && isObject(parsed) && typeof parsed.csrfToken === 'string') {
      state.csrfToken = parsed.csrfToken;
    }
    return { status: response.statusCode, body: parsed as T, text: response.body, headers: response.headers };
  }

  return {
    me,
    get csrfToken() {
      return state.csrfToken;
    },
    set csrfToken(value) {
      state.csrfToken = value;
    },
    get: (url) => send('GET', url),
    delete: (url, body) => send('DELETE', url, body),
    post: (url, body) => send('POST', url, body),
    put: (url, body) => send('PUT', url, body),
    patch: (url, body) => send('PATCH', url, body),
    download: async (url) => {
      const cookie = [...state.jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      return { status: response.statusCode, buffer: response.rawPayload, headers: response.headers };
    },
  };
}

function parseJson(contentType: string | string[] | number | undefined, text: string): unknown {
  if (typeof contentType !== 'string' || !contentType.includes('json') || !text) return null;
  return JSON.parse(text) as unknown;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
