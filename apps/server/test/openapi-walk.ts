// Walks the app's own OpenAPI document (app.swagger()) to generate requests:
// the routes, their path and query parameters and body schemas, a plausible
// value for each schema, and every field path a test may replace.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  nullable?: boolean;
}

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/v1/tickets/{id} */
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
  public: boolean;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, {
    parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    security?: unknown[];
  }>>;
}

export function operationsOf(doc: unknown): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries((doc as OpenApiDoc).paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: !!p.required })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        public: false,
      });
    }
  }
  return out;
}

/** The first non-null branch of a union, or the schema itself. */
export function concrete(s: JsonSchema): JsonSchema {
  const branches = s.anyOf ?? s.oneOf;
  if (branches?.length) return concrete(branches.find((b) => b.type !== 'null') ?? branches[0]);
  if (s.allOf?.length) return concrete(s.allOf[0]);
  return s;
}

const CANDIDATES = ['complaint', 'abc', 'a_b', 'x1', '13812345678', '09:00', '2026-05-01', 'phone', 'true', '1', 'A'];

/** A value the schema probably accepts (a baseline for replacing one field). */
export function sample(schema: JsonSchema, uuid: () => string, depth = 0): unknown {
  const s = concrete(schema);
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      if (depth > 4) return o;
      for (const k of s.required ?? []) if (s.properties?.[k]) o[k] = sample(s.properties[k], uuid, depth + 1);
      return o;
    }
    case 'array':
      return s.items && s.minItems ? Array.from({ length: s.minItems }, () => sample(s.items!, uuid, depth + 1)) : [];
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'uuid') return uuid();
      if (s.format === 'date-time') return '2026-05-01T08:00:00+08:00';
      if (s.format === 'date') return '2026-05-01';
      if (s.format === 'email') return 'a@example.com';
      const fits = (v: string) => (!s.pattern || new RegExp(s.pattern, 'u').test(v)) && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
      return CANDIDATES.find(fits) ?? 'x'.repeat(Math.max(s.minLength ?? 1, 1));
    }
    default:
      return 'x';
  }
}

export interface FieldPath {
  path: (string | number)[];
  schema: JsonSchema;
}

/** Every property of a body schema (containers and leaves), arrays through their first item, up to `maxDepth`. */
export function fieldPaths(schema: JsonSchema, maxDepth = 3, prefix: (string | number)[] = []): FieldPath[] {
  const s = concrete(schema);
  const out: FieldPath[] = [];
  if (prefix.length >= maxDepth) return out;
  if (s.properties) {
    for (const [k, p] of Object.entries(s.properties)) {
      out.push({ path: [...prefix, k], schema: p });
      out.push(...fieldPaths(p, maxDepth, [...prefix, k]));
    }
  } else if (s.items) {
    out.push({ path: [...prefix, 0], schema: s.items });
    out.push(...fieldPaths(s.items, maxDepth, [...prefix, 0]));
  }
  return out;
}

/** A copy of `base` with the value at `path` replaced (missing containers are made from the schema). */
export function withValue(base: unknown, root: JsonSchema, path: (string | number)[], value: unknown, uuid: () => string): unknown {
  const copy = structuredClone(base ?? {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  let schema = concrete(root);
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const childSchema = concrete((typeof key === 'number' ? schema.items : schema.properties?.[key]) ?? {});
    if (i === path.length - 1) {
      node[key] = value;
    } else {
      const existing = node[key];
      if (existing === null || typeof existing !== 'object') {
        node[key] = typeof path[i + 1] === 'number' ? [] : sample(childSchema, uuid) ?? {};
        if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof path[i + 1] === 'number' ? [] : {};
      }
      node = node[key] as Record<string | number, unknown>;
      schema = childSchema;
    }
  }
  return copy;
}

/**
 * Percent-encodes any JavaScript string for a URL, lone surrogates included
 * (encodeURIComponent throws on them): they go out as the bytes a careless
 * client would send (CESU-8), which is not valid UTF-8.
 */
export function encodeAny(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s[i] + s[i + 1]);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(s[i]);
    }
  }
  return out;
}
