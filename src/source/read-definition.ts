import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';

/** Definitions are small; anything this large is a mistake (or an attack), refused before parsing. */
export const maxSourceBytes = 4 * 1024 * 1024;

export type DefinitionBytes = { bytes: Buffer } | { tooLarge: number };

/**
 * A definition file's bytes, or its size when it is over `maxSourceBytes`; fs errors are thrown. One handle serves
 * the size check and the read, so a file that grows in between is still refused. The read is synchronous on
 * purpose: an asynchronous one costs four thread-pool round trips per file, more than reading a small file.
 */
export function readDefinitionFile(file: string): DefinitionBytes {
  const handle = openSync(file, 'r');
  try {
    const size = fstatSync(handle).size;
    if (size > maxSourceBytes) return { tooLarge: size };
    const bytes = readFileSync(handle);
    return bytes.length > maxSourceBytes ? { tooLarge: bytes.length } : { bytes };
  } finally {
    closeSync(handle);
  }
}

/** The bytes of a readable definition within the size limit; undefined for one that is not (its loader says why). */
export function readDefinitionIfSmall(file: string): Buffer | undefined {
  try {
    const read = readDefinitionFile(file);
    return 'bytes' in read ? read.bytes : undefined;
  } catch {
    return undefined;
  }
}
