// A tiny JSON Schema validator for the subset report.schema.json uses (draft 2020-12): type, enum, const,
// properties, required, additionalProperties, propertyNames, items, minItems, maxItems, minimum, pattern,
// anyOf and local $ref (#/$defs/...). No dependencies; returns the problems found, [] when valid.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: unknown };

function isObject(v: unknown): v is { [k: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'null': return v === null;
    case 'boolean': return typeof v === 'boolean';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'string': return typeof v === 'string';
    case 'array': return Array.isArray(v);
    case 'object': return isObject(v);
    default: throw new Error(`schema-lite: unsupported type ${type}`);
  }
}

const SUPPORTED = new Set([
  '$schema', '$id', '$defs', 'title', 'description', '$ref', 'type', 'enum', 'const', 'properties', 'required',
  'additionalProperties', 'propertyNames', 'items', 'minItems', 'maxItems', 'minimum', 'pattern', 'anyOf',
]);

function resolve(root: Schema, ref: string): Schema {
  const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
  const defs = root.$defs;
  const target = m && isObject(defs) ? defs[m[1]] : undefined;
  if (!isObject(target)) throw new Error(`schema-lite: cannot resolve ${ref}`);
  return target;
}

function check(root: Schema, s: Schema, v: unknown, path: string, out: string[]): void {
  for (const k of Object.keys(s)) {
    if (!SUPPORTED.has(k)) throw new Error(`schema-lite: unsupported keyword ${k} at ${path}`);
  }
  if (typeof s.$ref === 'string') check(root, resolve(root, s.$ref), v, path, out);
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => typeOk(t, v))) {
      out.push(
        `${path}: expected ${types.join('|')}, got ${v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v}`,
      );
      return;
    }
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => e === v)) out.push(`${path}: ${JSON.stringify(v)} not in enum`);
  if ('const' in s && s.const !== v) out.push(`${path}: expected const ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.anyOf)) {
    const ok = s.anyOf.some((alt) => {
      const sub: string[] = [];
      check(root, alt as Schema, v, path, sub);
      return sub.length === 0;
    });
    if (!ok) out.push(`${path}: matches none of anyOf`);
  }
  if (typeof v === 'number' && typeof s.minimum === 'number' && v < s.minimum) {
    out.push(`${path}: ${v} < minimum ${s.minimum}`);
  }
  if (typeof v === 'string' && typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v))
    out.push(`${path}: ${JSON.stringify(v)} does not match ${s.pattern}`);
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) out.push(`${path}: fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) out.push(`${path}: more than ${s.maxItems} items`);
    if (isObject(s.items)) v.forEach((x, i) => check(root, s.items as Schema, x, `${path}[${i}]`, out));
  }
  if (isObject(v)) {
    const props = isObject(s.properties) ? s.properties : {};
    if (Array.isArray(s.required))
      for (const k of s.required as string[]) if (!(k in v)) out.push(`${path}: missing required ${k}`);
    for (const [k, x] of Object.entries(v)) {
      if (isObject(s.propertyNames)) check(root, s.propertyNames, k, `${path}{${k}}`, out);
      if (isObject(props[k])) check(root, props[k] as Schema, x, `${path}.${k}`, out);
      else if (s.additionalProperties === false) out.push(`${path}: unexpected property ${k}`);
      else if (isObject(s.additionalProperties)) check(root, s.additionalProperties, x, `${path}.${k}`, out);
    }
  }
}

/** Validate a JSON value against a schema of the supported subset; throws on an unsupported keyword. */
export function validateSchema(schema: object, value: Json | unknown): string[] {
  const out: string[] = [];
  check(schema as Schema, schema as Schema, value, '$', out);
  return out;
}
