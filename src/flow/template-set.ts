import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../diagnostics/index.js';

/** The templates that ship with dactl. */
export const bundledTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

export const templateExtension = '.yaml.hbs';

export interface TemplateFile {
  /** The name templates use to include it as a partial: the file name without `.yaml.hbs`. */
  name: string;
  file: string;
  source: string;
}

/** Every template by name; a user's folder overrides the bundled files of the same name. */
export type TemplateSet = Map<string, TemplateFile>;

/** Whether the template `name` is the one that ships with dactl (not overridden). */
export function isBundled(templates: TemplateSet, name: string): boolean {
  return templates.get(name)?.file === join(bundledTemplatesDir, `${name}${templateExtension}`);
}

export async function loadTemplateSet(overrideDir?: string): Promise<TemplateSet> {
  const set: TemplateSet = new Map();
  for (const template of await readTemplates(bundledTemplatesDir)) set.set(template.name, template);
  if (overrideDir !== undefined) {
    for (const template of await readTemplates(overrideDir, true)) set.set(template.name, template);
  }
  return set;
}

async function readTemplates(dir: string, userFolder = false): Promise<TemplateFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (userFolder) throw new UserError(`cannot read the templates folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    throw error;
  }
  const templates: TemplateFile[] = [];
  for (const name of names.filter((n) => n.endsWith(templateExtension)).sort()) {
    const file = join(dir, name);
    templates.push({ name: name.slice(0, -templateExtension.length), file, source: await readFile(file, 'utf8') });
  }
  return templates;
}
