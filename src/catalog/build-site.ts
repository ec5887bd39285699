import type { OutputTree } from '../output/output-tree.js';
import { actionPage } from './action-page.js';
import { actionCalled, type Catalog, type CatalogFlow } from './catalog-model.js';
import { flowPage } from './flow-page.js';
import { indexPage } from './index-page.js';
import { rulesPage } from './rules-page.js';
import { catalogCss, copyJs, filterJs } from './site-assets.js';

/** Every file of the site, by path: the same catalog always gives the same bytes. */
export async function buildSite(catalog: Catalog, title: string): Promise<OutputTree> {
  const tree: OutputTree = new Map();
  tree.set('index.html', indexPage(catalog, title));
  tree.set('rules.html', rulesPage());
  tree.set('assets/catalog.css', catalogCss);
  tree.set('assets/filter.js', filterJs);
  tree.set('assets/copy.js', copyJs);
  const callers = new Map<string, CatalogFlow[]>();
  for (const flow of catalog.flows) {
    for (const node of flow.graph.nodes) {
      const action = actionCalled(catalog, node);
      if (!action) continue;
      const list = callers.get(action.slug) ?? [];
      if (!list.includes(flow)) list.push(flow);
      callers.set(action.slug, list);
    }
  }
  for (const action of catalog.actions) {
    // The export is on the page, not in a file of its own: a thousand more files would double the writing.
    tree.set(`actions/${action.slug}.html`, actionPage(action, callers.get(action.slug) ?? []));
  }
  for (const flow of catalog.flows) tree.set(`flows/${flow.slug}.html`, await flowPage(flow, catalog));
  return tree;
}
