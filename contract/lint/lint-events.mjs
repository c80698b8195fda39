// Lints the event contract (contract/src/main/resources/contract) with outside tools:
//  - the AsyncAPI document parses with @asyncapi/parser with no error and no warning (its Spectral ruleset too);
//  - every JSON Schema compiles under ajv in strict mode (draft 2020-12, formats checked);
//  - every example record validates: its headers against cloudevents-headers.schema.json, its data against the
//    schema of its ce_type.
// Prints each problem, then one summary line; exits 1 if there was any.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, fromFile } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const contract = resolve(fileURLToPath(new URL('.', import.meta.url)), '../src/main/resources/contract');
const problems = [];
const severities = ['error', 'warning', 'info', 'hint'];

// 1. The AsyncAPI document: relative $refs resolve from its own folder.
process.chdir(contract);
const { document, diagnostics } = await fromFile(new Parser(), 'asyncapi.yaml').parse();
for (const diagnostic of diagnostics.filter(d => d.severity <= 1)) {
  problems.push(`asyncapi.yaml ${severities[diagnostic.severity]} ${diagnostic.code} at /${diagnostic.path.join('/')}: ${diagnostic.message}`);
}
if (!document) {
  problems.push('asyncapi.yaml does not parse');
}
const messages = document ? document.allMessages().length : 0;
const notes = diagnostics.filter(d => d.severity > 1).map(d => `${severities[d.severity]} ${d.code}`);

// 2. The JSON Schemas, strictly: each is registered under its file name, which is how the others refer to it. Every
//    note of strict mode is a problem ('log' collects them all instead of stopping at the first).
const strictNotes = new Set();
const logger = { log() {}, warn: (...note) => strictNotes.add(note.join(' ')), error: (...note) => strictNotes.add(note.join(' ')) };
const ajv = new Ajv2020({ strict: 'log', allErrors: true, logger });
addFormats(ajv);
const schemaFiles = readdirSync(join(contract, 'schemas')).filter(name => name.endsWith('.schema.json')).sort();
for (const file of schemaFiles) {
  ajv.addSchema(JSON.parse(readFileSync(join(contract, 'schemas', file), 'utf8')), file);
}
for (const file of schemaFiles) {
  try {
    ajv.getSchema(file);
  } catch (e) {
    problems.push(`schemas/${file}: ${e.message}`);
  }
}
strictNotes.forEach(note => problems.push(`ajv ${note}`));

// 3. The examples, one record per event type.
const exampleFiles = readdirSync(join(contract, 'examples')).filter(name => name.endsWith('.json')).sort();
for (const file of exampleFiles) {
  const record = JSON.parse(readFileSync(join(contract, 'examples', file), 'utf8'));
  const checks = [['headers', 'cloudevents-headers.schema.json', record.headers],
    ['data', `${record.headers?.ce_type}.schema.json`, record.data]];
  for (const [part, schema, value] of checks) {
    const validate = ajv.getSchema(schema);
    if (!validate) {
      problems.push(`examples/${file}: no schema ${schema} for its ${part}`);
    } else if (!validate(value)) {
      for (const error of validate.errors) {
        problems.push(`examples/${file} ${part}${error.instancePath}: ${error.message} (${schema})`);
      }
    }
  }
}

problems.forEach(problem => console.log(problem));
console.log(`event contract: asyncapi.yaml (${messages} messages${notes.length ? '; ' + notes.join(', ') : ''}), `
  + `${schemaFiles.length} schemas (ajv strict), `
  + `${exampleFiles.length} examples: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exit(problems.length === 0 ? 0 : 1);
