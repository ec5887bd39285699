import type { ApiRequester, QueryValue } from './api-requester.js';
import type { EntityListing } from './types.js';

export const PAGE_SIZE = 100;
/** Far beyond any org's size: reaching it means the server's paging is looping, which is an error, not a cap. */
const MAX_PAGES = 10_000;

/**
 * Reads every page of a listing. Follows `nextUri` when the server gives one (it may carry a cursor), otherwise
 * counts `pageNumber` up to `pageCount`. Never stops early without saying so.
 */
export async function collectAllPages<T>(
  api: ApiRequester,
  path: string,
  query: Record<string, QueryValue> = {},
): Promise<T[]> {
  const items: T[] = [];
  const seenNextUris = new Set<string>();
  let nextUri: string | undefined;
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber += 1) {
    const listing =
      nextUri === undefined
        ? await api.json<EntityListing<T>>({ method: 'GET', path, query: { ...query, pageSize: PAGE_SIZE, pageNumber } })
        : await api.json<EntityListing<T>>({ method: 'GET', path: nextUri });
    const entities = Array.isArray(listing.entities) ? listing.entities : [];
    // One at a time: spreading a page of 100,000+ entities into push() overflows the call stack.
    for (const entity of entities) items.push(entity);
    if (entities.length === 0) return items;

    if (typeof listing.nextUri === 'string' && listing.nextUri !== '') {
      if (seenNextUris.has(listing.nextUri)) {
        throw new Error(`Paging of ${path} loops: nextUri ${listing.nextUri} was already followed.`);
      }
      seenNextUris.add(listing.nextUri);
      nextUri = listing.nextUri;
      continue;
    }
    nextUri = undefined;
    const current = listing.pageNumber ?? pageNumber;
    if (listing.pageCount === undefined || current >= listing.pageCount) return items;
    pageNumber = current;
  }
  throw new Error(`Paging of ${path} did not end after ${MAX_PAGES} pages.`);
}
