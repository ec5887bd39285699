import type { DataActionExport } from '../../src/export/data-action-export.js';
import { exportFixture, type ExportParts } from '../support/export-fixture.js';

const openContract = { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: {}, additionalProperties: true };

/** A small export for simulator tests; every part can be overridden. */
export function action(parts: ExportParts): DataActionExport {
  return exportFixture(parts, {
    name: 'Test Action',
    url: '/api/v2/things/$!{input.id}',
    inputSchema: openContract,
    successSchema: openContract,
  });
}
