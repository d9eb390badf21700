// Keeps docs/openapi.yaml true: validates the file with a standard OpenAPI validator, then checks
// every JSON answer the HTTP tests recorded (ANDEL_API_RECORD, one JSON line per answer) against
// the schema the file gives for its path, method and status. An answer the file does not describe
// is an error too.
//
//   node openapi.mjs OPENAPI.yaml [RECORDED.jsonl ...]
import fs from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const [specPath, ...recordings] = process.argv.slice(2);
if (!specPath) {
  console.error('usage: node openapi.mjs OPENAPI.yaml [RECORDED.jsonl ...]');
  process.exit(2);
}

// A flow mapping with an unquoted comma in a description, {description: one, two}, reads as an
// extra key "two" without a value; the validator misses it where any key is allowed.
function findEmptyKeys(node, where, found) {
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (value === null && key !== 'example' && key !== 'default') found.push(`${where}/${key}`);
    findEmptyKeys(value, `${where}/${key}`, found);
  }
  return found;
}

let api;
try {
  const empty = findEmptyKeys(await SwaggerParser.parse(specPath), '#', []);
  if (empty.length > 0) throw new Error(`keys without a value (an unquoted comma?):\n  ${empty.join('\n  ')}`);
  api = await SwaggerParser.validate(specPath);
} catch (error) {
  console.error(`${specPath} does not validate:\n${error.message}`);
  process.exit(1);
}
console.log(`${specPath}: valid OpenAPI ${api.openapi}, ${Object.keys(api.paths).length} paths`);

// OpenAPI 3.0 schemas say "nullable: true" where JSON Schema says type [T, "null"]. An object
// schema that lists its properties is read as closed (additionalProperties false) unless it says
// otherwise, so that a field the API answers with but the file leaves out is found too.
function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example') continue;
    out[key] = key === 'properties'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]))
      : toJsonSchema(value);
  }
  if (schema.properties && schema.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (out.enum) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

const base = (api.servers?.[0]?.url ?? '').replace(/\/$/, '');
const routes = Object.entries(api.paths).map(([template, item]) => {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  // A literal segment outranks a parameter: /decisions/mine before /decisions/{id}.
  const literals = template.split('/').filter((s) => s && !s.startsWith('{')).length;
  return { template, item, regex: new RegExp(`^${base}${pattern}$`), literals };
}).sort((a, b) => b.literals - a.literals);

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map();
function validatorFor(key, schema) {
  if (!compiled.has(key)) compiled.set(key, ajv.compile(toJsonSchema(schema)));
  return compiled.get(key);
}

const failures = new Map();  // one line per kind of failure, with how often it happened
let checked = 0;
function fail(message) {
  failures.set(message, (failures.get(message) ?? 0) + 1);
}

for (const file of recordings) {
  if (!fs.existsSync(file)) {
    console.error(`${file}: no recorded answers (did the HTTP tests run?)`);
    process.exit(1);
  }
  for (const text of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!text) continue;
    const record = JSON.parse(text);
    const path = record.target.split('?')[0];
    const method = record.method.toLowerCase();
    const route = routes.find((r) => r.regex.test(path));
    const where = `${record.method} ${route ? route.template : path} ${record.status}`;
    let body;
    try {
      body = JSON.parse(record.body);
    } catch {
      fail(`${where}: the body is not JSON`);
      continue;
    }
    if (!route) {
      // An address outside the API's paths answers 404 with the shared error.
      const validate = validatorFor('Error', api.components.schemas.Error);
      checked += 1;
      if (record.status !== 404) fail(`${where}: no path in the file`);
      else if (!validate(body)) fail(`${where}: not the shared Error`);
      continue;
    }
    const operation = route.item[method];
    if (!operation) { fail(`${where}: the path has no ${record.method}`); continue; }
    const response = operation.responses[String(record.status)] ?? operation.responses.default;
    if (!response) { fail(`${where}: the status is not described`); continue; }
    const schema = response.content?.['application/json']?.schema;
    if (!schema) { fail(`${where}: the answer is JSON, the file describes no JSON body`); continue; }
    const validate = validatorFor(`${route.template} ${method} ${record.status}`, schema);
    checked += 1;
    if (!validate(body)) {
      for (const e of validate.errors) {
        const extra = e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : '';
        fail(`${where}: ${e.instancePath || '/'} ${e.message}${extra}`);
      }
    }
  }
}

if (recordings.length > 0) console.log(`${checked} recorded answers checked`);
if (failures.size > 0) {
  for (const [message, count] of failures) console.error(count > 1 ? `${message} (×${count})` : message);
  process.exit(1);
}
