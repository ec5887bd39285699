import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { instance, type Graph, type Viz } from '@viz-js/viz';

/**
 * Graphviz layouts, in a worker thread when the compiled worker is there: the catalog asks for each flow's layout
 * as soon as the flow is read, and the worker lays them out while the main thread lints and runs the tests.
 * Run from source (the test suite), layouts are done in this thread.
 */
export function layOut(graph: Graph): Promise<string> {
  return (pool ??= createPool())(graph);
}

type Pool = (graph: Graph) => Promise<string>;
let pool: Pool | undefined;

function createPool(): Pool {
  const script = new URL('./layout-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.js') || !existsSync(fileURLToPath(script))) return inThread();
  const worker = new Worker(script);
  worker.unref();
  const pending = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.on('message', ({ id, svg, error }: { id: number; svg?: string; error?: string }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    // An idle worker must not keep the process alive; a busy one must.
    if (!pending.size) worker.unref();
    if (svg !== undefined) waiting?.resolve(svg);
    else waiting?.reject(new Error(`graph layout failed: ${error}`));
  });
  worker.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    pool = inThread();
  });
  return (graph) =>
    new Promise((resolve, reject) => {
      if (!pending.size) worker.ref();
      pending.set(++next, { resolve, reject });
      worker.postMessage({ id: next, graph });
    });
}

function inThread(): Pool {
  let viz: Promise<Viz> | undefined;
  return async (graph) => {
    const result = (await (viz ??= instance())).render(graph, { format: 'svg' });
    if (result.status !== 'success') throw new Error(`graph layout failed: ${result.errors.map((e) => e.message).join('; ')}`);
    return result.output;
  };
}
