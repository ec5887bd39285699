import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load-project.js';
import { renderSnippet } from '../../src/flow/snippet.js';
import { loadTemplateSet } from '../../src/flow/template-set.js';
import { exportSlug } from '../../src/export/data-action-export.js';
import { repoRoot } from '../support/paths.js';

const project = await loadProject(join(repoRoot, 'definitions'));
const templates = await loadTemplateSet();

describe('snippets of the bundled actions', () => {
  for (const action of project.actions) {
    const artifact = action.artifact!;
    it(`renders ${artifact.name}`, async () => {
      const snippet = renderSnippet(templates, artifact, action.spec?.category);
      expect(snippet.diagnostics).toEqual([]);
      await expect(snippet.text).toMatchFileSnapshot(`__snapshots__/snippets/${exportSlug(artifact.name)}.yaml`);
    });
  }
});
