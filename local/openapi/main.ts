/**
 * `node dist/local/openapi.js <output>`: writes the OpenAPI document (run by `npm run build`, which
 * passes dist/openapi.json). Gaps are printed as warnings, not failures, so one engineer's new route
 * does not stop everyone's build; the contract tests fail on them instead. Reports go to stderr, as
 * the rest of the build's do, and the file is replaced atomically (a running harness may be reading it).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { version } from '../../package.json';
import { LOCAL_HARNESS_SERVER, buildOpenApiDocument } from './document';

function main(outputPath: string | undefined): void {
  if (outputPath === undefined) {
    throw new Error('usage: node dist/local/openapi.js <output.json>');
  }
  const { document, gaps } = buildOpenApiDocument({ version, servers: [LOCAL_HARNESS_SERVER] });
  for (const gap of gaps) {
    console.error(`openapi: warning: ${gap}`);
  }
  mkdirSync(dirname(outputPath), { recursive: true });
  const temporaryPath = `${outputPath}.${process.pid}.tmp`;
  writeFileSync(temporaryPath, `${JSON.stringify(document, null, 2)}\n`);
  renameSync(temporaryPath, outputPath);
  console.error(`OpenAPI document: ${outputPath} (${Object.keys(document.paths).length} paths)`);
}

try {
  main(process.argv[2]);
} catch (error) {
  console.error(`openapi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
