import type { OrgProfile } from '../orgs/org-profile.js';
import type { ProjectAction } from './model.js';
import type { JsonObject } from '../spec/action-spec.js';
import { contractInputs, contractOutputs } from '../flow/contract-fields.js';
import type { ArchyActionCatalog, CallableAction } from '../flow/archy/check-call-data.js';

/**
 * What an Archy flow's callData can resolve to: every compiled action of the project, addressable by its
 * spec's category and by the integration name each org profile gives its integration type.
 */
export function archyActionCatalog(actions: readonly ProjectAction[], orgs: ReadonlyMap<string, OrgProfile> = new Map()): ArchyActionCatalog {
  const callable: CallableAction[] = [];
  for (const action of actions) {
    const artifact = action.artifact;
    if (!artifact) continue;
    const categories = new Set<string>();
    const written = action.written?.category ?? action.spec?.category;
    if (written) categories.add(written);
    for (const org of orgs.values()) {
      const name = org.integrations?.[artifact.integrationType];
      if (name) categories.add(name);
    }
    const properties = (artifact.contract.input.inputSchema.properties ?? {}) as Record<string, JsonObject>;
    callable.push({
      name: artifact.name,
      categories: [...categories],
      inputs: contractInputs(artifact.contract.input.inputSchema).map((input) => ({ name: input.name, required: input.required, type: input.type, schema: properties[input.name] ?? {} })),
      outputs: new Map(contractOutputs(artifact.contract.output.successSchema).map((output) => [output.key, output.type])),
      file: action.file,
    });
  }
  return { actions: callable };
}
