import type { FastifyInstance } from 'fastify';

/** A JSON Schema node as the OpenAPI document carries it (OpenAPI 3.0 flavour: `nullable`, boolean `exclusiveMinimum`). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One API route from the app's own OpenAPI document, so routes added later are covered without editing the tests. */
export type ApiRoute = {
  method: HttpMethod;
  /** Fastify form: `/api/orgs/:id`. */
  url: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  /** The JSON request body, when the route declares one (multipart routes declare none). */
  body: JsonSchema | null;
  key: string;
};

const WRITE_METHODS = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes every caller may use without a session (the matrix expects 401 from every other /api route). */
export const PUBLIC_API_ROUTES = new Set(['GET /api/health', 'POST /api/auth/login']);

type OpenApiParameter = { in: string; name: string; schema?: JsonSchema };
type OpenApiOperation = { parameters?: OpenApiParameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>>; components?: { schemas?: Record<string, JsonSchema> } };

export function listApiRoutes(app: FastifyInstance): ApiRoute[] {
  const document = app.swagger() as unknown as OpenApiDocument;
  const routes: ApiRoute[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
    for (const [verb, operation] of Object.entries(operations)) {
      const method = verb.toUpperCase() as HttpMethod;
      if (!['GET', ...WRITE_METHODS].includes(method)) continue;
      const url = path.replace(/\{([^}]+)\}/g, ':$1');
      const parameters = operation.parameters ?? [];
      routes.push({
        method,
        url,
        key: `${method} ${url}`,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return routes;
}

export const isWrite = (route: ApiRoute): boolean => WRITE_METHODS.has(route.method);

/** Fills `:name` segments; values are URL-encoded, so hostile strings arrive as one segment. */
export function fillPath(url: string, values: Record<string, string | number>): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    if (!(name in values)) throw new Error(`no value for :${name} in ${url}`);
    try {
      return encodeURIComponent(String(values[name]));
    } catch {
      // A lone surrogate has no UTF-8 form: send the bytes a broken client would (an encoded surrogate).
      return '%ED%A0%80';
    }
  });
}
