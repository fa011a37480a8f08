import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { bundleJsonSchema } from '#src/bundles/schema.ts';

describe('the documented bundle JSON Schema', () => {
  it('is the schema that import validates with (run npm run schema:bundle after changing it)', () => {
    const documented = JSON.parse(
      fs.readFileSync(new URL('../docs/bundle.schema.json', import.meta.url), 'utf8'),
    );
    assert.deepEqual(documented, JSON.parse(JSON.stringify(bundleJsonSchema())));
  });

  it('requires the format, the version and the council, and refuses unknown fields', () => {
    const schema = bundleJsonSchema() as { required: string[]; additionalProperties: boolean };
    assert.deepEqual([...schema.required].sort(), ['council', 'format', 'version']);
    assert.equal(schema.additionalProperties, false);
  });
});
