// npm run schemas: writes the JSON Schemas of the content files (src/lib/json-schemas.ts) into
// schemas/, for editors. Run it after changing a zod schema; a unit test fails until you do.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMAS, jsonSchemaText } from '../lib/json-schemas';

const dir = join(process.cwd(), 'schemas');
mkdirSync(dir, { recursive: true });
for (const entry of JSON_SCHEMAS) {
  writeFileSync(join(dir, entry.file), jsonSchemaText(entry));
  console.log(`schemas/${entry.file}`);
}
