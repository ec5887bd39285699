import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { skippedFolders } from './find-files.js';

export interface WatchOptions {
  /** Changes closer together than this are one change (an editor's save is several events). */
  settleMs?: number;
  signal?: AbortSignal;
}

/**
 * Calls `onChange` with the files changed under `root` (out/, node_modules/ and dot-folders aside), one call per
 * burst of changes, never two at once: changes made while a call runs come in the next one. Resolves when aborted.
 */
export function watchFiles(root: string, onChange: (files: string[]) => Promise<void>, options: WatchOptions = {}): Promise<void> {
  const settleMs = options.settleMs ?? 100;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const flush = async (): Promise<void> => {
    timer = undefined;
    if (running || pending.size === 0) return;
    const files = [...pending].sort();
    pending.clear();
    running = onChange(files).finally(() => {
      running = undefined;
      if (pending.size) schedule();
    });
    await running;
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), settleMs);
  };

  // One watcher per folder, set up before this returns, so no change after the call is missed (Node's recursive
  // watch on Linux finds the folders in the background); a new folder gets its watcher when it appears.
  const watchers = new Map<string, FSWatcher>();
  let failed: (error: Error) => void = () => undefined;
  const watchFolder = (dir: string): void => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_, name) => {
        if (!name || name.startsWith('.') || skippedFolders.has(name)) return;
        const path = join(dir, name);
        if (isFolder(path)) watchTree(path);
        else pending.add(path);
        schedule();
      });
    } catch {
      return;
    }
    watcher.on('error', (error) => failed(error));
    watchers.set(dir, watcher);
  };
  const watchTree = (dir: string): void => {
    watchFolder(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !skippedFolders.has(entry.name)) watchTree(join(dir, entry.name));
    }
  };
  watchTree(root);

  return new Promise((resolve, reject) => {
    failed = reject;
    options.signal?.addEventListener('abort', () => {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      void Promise.resolve(running).then(() => resolve());
    });
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
