import { relative } from 'node:path';
import { watchFiles } from '../project/watch-files.js';
import type { CliIo } from './io.js';

/**
 * Runs `rerun` for each burst of changes under `roots` until Ctrl-C, printing one line per change: the time, the
 * files that changed and the summary `rerun` answers. Its other output (problems, failures) goes to stderr above.
 */
export async function watchLoop(roots: readonly string[], io: CliIo, rerun: (changed: string[], quiet: CliIo) => Promise<string>): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const watching = Promise.all(
      roots.map((root) =>
        watchFiles(
          root,
          async (changed) => {
            const quiet: CliIo = { ...io, stdout: () => undefined };
            const summary = await rerun(changed, quiet).catch((error: Error) => `failed: ${error.message}`);
            const names = changed.map((file) => relative(io.cwd, file) || file);
            const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
            io.stdout(`${new Date().toISOString().slice(11, 19)} ${shown}: ${summary}\n`);
          },
          { signal: controller.signal },
        ),
      ),
    );
    io.stderr(`watching ${roots.map((root) => relative(io.cwd, root) || '.').join(', ')} for changes (Ctrl-C to stop)\n`);
    await watching;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return 0;
}
