import { Command, CommanderError } from 'commander';
import { ExitCode } from '../diagnostics/errors.js';
import type { CliIo } from './io.js';

/** The command table. Each command's module is loaded only when that command runs. */
export function createProgram(io: CliIo, version: string, setExitCode: (code: number) => void): Command {
  const program = new Command('dactl')
    .description('Genesys Cloud data actions and Architect flows as code')
    .version(version, '-v, --version')
    .showHelpAfterError('(run `dactl --help` for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('build')
    .description('compile definitions into importable data-action JSON (and Archy YAML) in out/')
    .argument('[definitions]', 'definitions folder', 'definitions')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--check', 'write nothing; exit 1 when out/ is not what the definitions compile to')
    .option('--templates <dir>', 'Handlebars templates that override the bundled Archy templates by file name')
    .option('--org <profile>', 'compile with the org profile definitions/orgs/<profile>.yaml into out/<profile>/ only')
    .option('--strict', 'refuse to write when lint reports an error, not only when a spec cannot compile')
    .action(async (definitions: string, options) => {
      const { runBuild } = await import('./commands/build.js');
      setExitCode(await runBuild(definitions, options, io));
    });

  program
    .command('import')
    .description('turn data-action exports (JSON files or folders of them) into action specs')
    .argument('<exports...>', 'export JSON files or folders')
    .option('-o, --out <dir>', 'folder for the specs', 'definitions/actions')
    .option('--strip-export-suffix', 'drop the " - Exported YYYY-MM-DD @ HH:MM" the UI appends to names')
    .option('-f, --force', 'overwrite existing spec files')
    .action(async (exports: string[], options) => {
      const { runImport } = await import('./commands/import.js');
      setExitCode(await runImport(exports, options, io));
    });

  program
    .command('explain')
    .description('print one action (inputs, request, outputs) or flow (steps, actions, bindings) as a tree')
    .argument('<action>', 'spec file (*.action.yaml or *.flow.yaml), export JSON, or action or flow name in the definitions')
    .option('-d, --definitions <dir>', 'definitions folder to search by name', 'definitions')
    .action(async (action: string, options) => {
      const { runExplain } = await import('./commands/explain.js');
      setExitCode(await runExplain(action, options, io));
    });

  program
    .command('lint')
    .description('check action specs and data-action exports for the mistakes that break actions at run time')
    .argument('[paths...]', 'spec files, export JSON files or folders (default: definitions)')
    .option('-f, --format <format>', 'stylish, json, sarif, github or junit', 'stylish')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-severity <severity>', 'exit 1 on findings at or above error, warn or info', 'error')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--fix', 'apply the mechanical fixes to the files')
    .option('--fix-dry-run', 'print the fixes as a unified diff; change nothing')
    .option('--print-config', 'print the effective rule settings and exit')
    .option('--no-cache', 'lint every file, even those whose text was linted before with the same settings')
    .option('-c, --config <file>', 'configuration file (default: .dactl.yaml in the current folder)')
    .action(async (paths: string[], options) => {
      const { runLint } = await import('./commands/lint.js');
      setExitCode(await runLint(paths, { ...options, toolVersion: version }, io));
    });

  program
    .command('test')
    .description('run the tests inside action specs offline, against recorded responses')
    .argument('[paths...]', 'spec files or folders', ['definitions'])
    .option('--format <format>', 'text, json or junit', 'text')
    .option('--remote', "run the tests' inputs through the org's test endpoint and compare with the local simulation")
    .option('--org <profile>', 'the org profile for --remote (definitions/orgs/<profile>.yaml)')
    .option('-d, --definitions <dir>', 'definitions folder holding the org profiles', 'definitions')
    .option('--no-cache', "run every test, even those whose spec and response files are unchanged since they passed or failed")
    .action(async (paths: string[], options) => {
      if (options.remote) {
        const { runRemoteTest } = await import('./commands/test-remote.js');
        setExitCode(await runRemoteTest(paths, options, io));
        return;
      }
      const { runTest } = await import('./commands/test.js');
      setExitCode(await runTest(paths, options, io));
    });

  program
    .command('run')
    .description('execute one action offline against a recorded response and print each step, like the Test tab')
    .argument('<action>', 'spec file (*.action.yaml) or export JSON')
    .requiredOption('--response <file>', 'recorded response body')
    .option('-i, --input <name=value>', 'an input value (repeatable)', (value: string, all: string[] = []) => [...all, value])
    .option('--input-file <file>', 'input values as a JSON object')
    .option('--status <code>', 'HTTP status of the recorded response', '200')
    .option('--format <format>', 'text or json', 'text')
    .action(async (action: string, options) => {
      const { runRun } = await import('./commands/run.js');
      setExitCode(await runRun(action, options, io));
    });

  program
    .command('query')
    .description('evaluate a JSONPath as Jayway (and so Genesys Cloud) does; exit 1 when nothing is found')
    .argument('<jsonpath>', 'the path, e.g. "$.participants[?(@.purpose==\'customer\')].id"')
    .argument('[file]', 'JSON document; - or none for standard input')
    .action(async (path: string, file: string | undefined) => {
      const { runQuery } = await import('./commands/query.js');
      setExitCode(await runQuery(path, file, io));
    });

  program
    .command('diff')
    .description('compare actions between definitions, out/ folders, export files and live orgs (org:<profile>)')
    .argument('<left>', 'definitions folder, out/ folder, export JSON file or folder, or org:<profile>')
    .argument('<right>', 'the same, compared against <left>')
    .option('-d, --definitions <dir>', 'definitions folder holding orgs/<profile>.yaml', 'definitions')
    .option('--left-org <profile>', 'compile a definitions <left> with this org profile')
    .option('--right-org <profile>', 'compile a definitions <right> with this org profile')
    .option('-f, --format <format>', 'tree, json or markdown', 'tree')
    .action(async (left: string, right: string, options) => {
      const { runDiff } = await import('./commands/diff.js');
      setExitCode(await runDiff(left, right, options, io));
    });

  program
    .command('pull')
    .description("write an org's custom actions as specs, with a summary of what was skipped and why")
    .requiredOption('--org <profile>', 'org profile (definitions/orgs/<profile>.yaml)')
    .option('-o, --out <dir>', 'folder for the specs', 'definitions/actions')
    .option('-d, --definitions <dir>', 'definitions folder holding orgs/<profile>.yaml', 'definitions')
    .option('--filter <glob>', 'only actions whose name or category/name matches (* and ?)')
    .option('-f, --force', 'overwrite specs that define an action differently from the org')
    .action(async (options) => {
      const { runPull } = await import('./commands/pull.js');
      setExitCode(await runPull(options, io));
    });

  program
    .command('push')
    .description('make an org\'s custom actions what the definitions compile to: plan, then draft, validate, publish')
    .requiredOption('--org <profile>', 'org profile (definitions/orgs/<profile>.yaml)')
    .option('-d, --definitions <dir>', 'definitions folder', 'definitions')
    .option('--dry-run', 'print the plan and change nothing')
    .option('--yes', 'go ahead with replacing (new id) and deleting actions, which breaks the flows that call them')
    .option('--prune', 'delete custom actions the definitions no longer have')
    .action(async (options) => {
      const { runPush } = await import('./commands/push.js');
      setExitCode(await runPush(options, io));
    });

  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  }
  return program;
}

export async function runProgram(argv: string[], io: CliIo, version: string): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = createProgram(io, version, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return benign.includes(error.code) ? ExitCode.ok : ExitCode.usage;
    }
    throw error;
  }
  return exitCode;
}
