/**
 * Checks an answer against the JSON schema the API's OpenAPI document (/docs-json) declares for it, so that
 * the response DTOs (and the web app's types generated from them) cannot drift from what a route returns:
 * every required property present, no property the schema does not name, types, nullability and enums.
 */
type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

/** The problems of `value` against the JSON answer of `method path` with `status` (empty: it conforms). */
export function responseProblems(doc: OpenApiDocument, method: string, path: string, status: number, value: unknown): string[] {
  const schema = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${path} declares no JSON schema for ${status}`];
  const problems: string[] = [];
  check(doc, schema, value, '$', problems);
  return problems;
}

function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return { ...resolve(doc, schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

function check(doc: OpenApiDocument, raw: Schema, value: unknown, at: string, problems: string[]): void {
  const schema = resolve(doc, raw);
  if (value === null) {
    if (!(schema.nullable || raw.nullable)) problems.push(`${at}: null, not nullable`);
    return;
  }
  if (schema.oneOf) {
    if (!schema.oneOf.some((s) => { const p: string[] = []; check(doc, s, value, at, p); return p.length === 0; })) problems.push(`${at}: matches none of oneOf`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      if (typeof value !== 'string') problems.push(`${at}: ${typeof value}, expected string`);
      return;
    case 'number':
    case 'integer':
      if (typeof value !== 'number') problems.push(`${at}: ${typeof value}, expected number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${at}: ${typeof value}, expected boolean`);
      return;
    case 'array':
      if (!Array.isArray(value)) problems.push(`${at}: expected an array`);
      else if (schema.items) value.forEach((v, i) => check(doc, schema.items!, v, `${at}[${i}]`, problems));
      return;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${at}: expected an object`);
        return;
      }
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      for (const name of schema.required ?? []) if (!(name in record)) problems.push(`${at}.${name}: missing`);
      for (const [name, v] of Object.entries(record)) {
        if (!properties[name]) problems.push(`${at}.${name}: not in the schema`);
        else check(doc, properties[name], v, `${at}.${name}`, problems);
      }
      return;
    }
    default:
      problems.push(`${at}: the schema gives no type`);
  }
}
