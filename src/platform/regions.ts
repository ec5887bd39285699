import { UserError } from '../diagnostics/errors.js';

/** Genesys Cloud regions (AWS region name → domain), as listed by the Platform SDKs and the Terraform provider. */
export const REGION_DOMAINS = {
  'us-east-1': 'mypurecloud.com',
  'us-east-2': 'use2.us-gov-pure.cloud',
  'us-west-2': 'usw2.pure.cloud',
  'ca-central-1': 'cac1.pure.cloud',
  'sa-east-1': 'sae1.pure.cloud',
  'mx-central-1': 'mxc1.pure.cloud',
  'eu-west-1': 'mypurecloud.ie',
  'eu-west-2': 'euw2.pure.cloud',
  'eu-central-1': 'mypurecloud.de',
  'eu-central-2': 'euc2.pure.cloud',
  'me-central-1': 'mec1.pure.cloud',
  'ap-northeast-1': 'mypurecloud.jp',
  'ap-northeast-2': 'apne2.pure.cloud',
  'ap-northeast-3': 'apne3.pure.cloud',
  'ap-south-1': 'aps1.pure.cloud',
  'ap-southeast-1': 'apse1.pure.cloud',
  'ap-southeast-2': 'mypurecloud.com.au',
  'eusc-de-east-1': 'edee1.eusc-pure.cloud',
} as const;

export type RegionName = keyof typeof REGION_DOMAINS;

export interface ResolvedRegion {
  /** The AWS-style region name, e.g. `us-east-1`. */
  readonly name: RegionName;
  /** The Genesys Cloud domain, e.g. `mypurecloud.com`. */
  readonly domain: string;
  readonly apiBaseUrl: string;
  readonly loginBaseUrl: string;
}

const regionNames = Object.keys(REGION_DOMAINS) as RegionName[];

function isRegionName(value: string): value is RegionName {
  return Object.hasOwn(REGION_DOMAINS, value);
}

/** Strips what people paste along with a domain: scheme, `api.`/`login.`/`apps.` host prefix, path, trailing dot. */
function normaliseDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/\.$/, '')
    .replace(/^(api|login|apps)\./, '');
}

/**
 * Accepts a region name (`us-east-1`), a domain (`mypurecloud.com`, `usw2.pure.cloud`) or a host or URL on that
 * domain (`https://api.mypurecloud.ie`). An unknown value is a `UserError` that lists the valid names.
 */
export function resolveRegion(nameOrDomain: string): ResolvedRegion {
  const candidate = nameOrDomain.trim().toLowerCase();
  const domain = normaliseDomain(candidate);
  const name = isRegionName(candidate)
    ? candidate
    : regionNames.find((region) => REGION_DOMAINS[region] === domain);
  if (name === undefined) {
    throw new UserError(
      `Unknown Genesys Cloud region "${nameOrDomain}"; use one of ${regionNames.join(', ')} or its domain (e.g. mypurecloud.com).`,
    );
  }
  const resolvedDomain = REGION_DOMAINS[name];
  return {
    name,
    domain: resolvedDomain,
    apiBaseUrl: `https://api.${resolvedDomain}`,
    loginBaseUrl: `https://login.${resolvedDomain}`,
  };
}

export function listRegionNames(): readonly RegionName[] {
  return regionNames;
}
