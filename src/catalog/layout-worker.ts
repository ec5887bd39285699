/** The worker thread of `layout-pool.ts`: lays graphs out with Graphviz, one message each. */
import { parentPort } from 'node:worker_threads';
import { instance, type Graph } from '@viz-js/viz';

const viz = await instance();
parentPort?.on('message', ({ id, graph }: { id: number; graph: Graph }) => {
  const result = viz.render(graph, { format: 'svg' });
  if (result.status === 'success') parentPort?.postMessage({ id, svg: result.output });
  else parentPort?.postMessage({ id, error: result.errors.map((e) => e.message).join('; ') });
});
