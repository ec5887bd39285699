import type { OrgProfile } from '../orgs/org-profile.js';
import type { Integration } from '../platform/types.js';
import { own } from '../json/own.js';

export type IntegrationChoice = { integration: Integration } | { problem: string };

/**
 * The org's integration for an integration type: the one the profile names, else the one the spec's category
 * names, else the only integration of that type. Several candidates and no name to choose by is a problem to
 * report, never a guess.
 */
export function resolveIntegration(
  type: string,
  category: string | undefined,
  profile: OrgProfile,
  integrations: readonly Integration[],
): IntegrationChoice {
  const ofType = integrations.filter((i) => i.integrationType.id === type && i.intendedState !== 'DELETED');
  const named = own(profile.integrations, type);
  if (named !== undefined) {
    const found = ofType.find((i) => i.name === named);
    if (found) return { integration: found };
    return {
      problem: `org "${profile.name}" has no ${type} integration named "${named}" (as orgs/${profile.name}.yaml says)${list(ofType)}`,
    };
  }
  const byCategory = category === undefined ? undefined : ofType.find((i) => i.name === category);
  if (byCategory) return { integration: byCategory };
  if (ofType.length === 1 && ofType[0]) return { integration: ofType[0] };
  if (ofType.length === 0) return { problem: `org "${profile.name}" has no ${type} integration; create one, or fix the spec's integration` };
  return {
    problem: `org "${profile.name}" has ${ofType.length} ${type} integrations${list(ofType)}; name one under integrations: in orgs/${profile.name}.yaml`,
  };
}

function list(integrations: readonly Integration[]): string {
  return integrations.length ? ` (${integrations.map((i) => `"${i.name}"`).join(', ')})` : '';
}
