/** An org profile as written in `definitions/orgs/<name>.yaml` (see schemas/org.schema.json). */
export interface OrgProfileSpec {
  description?: string;
  region?: string;
  apiBaseUrl?: string;
  loginBaseUrl?: string;
  envPrefix?: string;
  /** Per request, in seconds (default 30). */
  requestTimeoutSeconds?: number;
  /** For all of a command's requests together, in seconds (default 600). */
  deadlineSeconds?: number;
  /** Integration type id → the integration's name in this org (also the category of its actions). */
  integrations?: Record<string, string>;
  values?: Record<string, string | number | boolean>;
}

export interface OrgProfile extends OrgProfileSpec {
  /** The file name without `.yaml`: what `--org` and `org:<name>` take. */
  name: string;
  file: string;
}

/** Output folders the build already uses; a profile of that name would write into them. */
export const reservedProfileNames = ['actions', 'flows', 'snippets'] as const;
