import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../../schema/record.schema.json';

/** A validator for the published record schema (schema/record.schema.json). */
export function recordValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
