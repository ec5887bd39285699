import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { formatNames } from '../formatters/index.js';
import { diffFormats, failSeverities, runFormats, testFormats } from './choices.js';
import type { CliIo } from './io.js';

/** `-f` is `--format` in every command that has one; overwriting is always spelled out as `--force`. */
const formatOption = <const Name extends string>(names: readonly Name[], fallback: Name) =>
  new Option('-f, --format <format>', `output format: ${names.join(', ')}`).choices(names).default(fallback);

function wholeNumber(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new InvalidArgumentError('a whole number, 0 or more');
  return value;
}

/**
 * The command table, with each option's type inferred from its declaration. Each command's module is loaded only
 * when that command runs.
 */
export function createProgram(io: CliIo, version: string, setExitCode: (code: number) => void) {
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
    .option('--watch', 'build, then rebuild what changed on each change, one summary line per change (Ctrl-C stops)')
    .action(async (definitions, options) => {
      const { runBuild } = await import('./commands/build.js');
      setExitCode(await runBuild(definitions, options, io));
    });

  program
    .command('catalog')
    .description('write a static site of every action and flow (Archy files too), with flow diagrams, for file://')
    .argument('[paths...]', 'definitions folders, export JSON files or Archy flow files', ['definitions'])
    .option('-o, --out <dir>', 'site folder (replaced as a whole)', 'site')
    .option('--title <text>', 'the title of the index page')
    .option('-c, --config <file>', 'lint configuration file (default: .dactl.yaml in the current folder)')
    .action(async (paths: string[], options) => {
      const { runCatalog } = await import('./commands/catalog.js');
      setExitCode(await runCatalog(paths, options, io));
    });

  program
    .command('import')
    .description('turn data-action exports (JSON files or folders of them) into action specs')
    .argument('<exports...>', 'export JSON files or folders')
    .option('-o, --out <dir>', 'folder for the specs', 'definitions/actions')
    .option('--keep-export-suffix', 'keep the " - Exported YYYY-MM-DD @ HH:MM" the UI appends to names (dropped by default)')
    .addOption(new Option('--strip-export-suffix').hideHelp())
    .option('--lift', 'write structured specs (typed outputs with from and default, URL placeholders) where they behave like the export, with a verdict per action')
    .option('--force', 'overwrite existing spec files')
    .action(async (exports, options) => {
      const { runImport } = await import('./commands/import.js');
      setExitCode(await runImport(exports, options, io));
    });

  program
    .command('explain')
    .description('print one action (inputs, request, outputs) or flow (steps, actions, bindings) as a tree')
    .argument('<action>', 'spec file (*.action.yaml or *.flow.yaml), export JSON, or action or flow name in the definitions')
    .option('-d, --definitions <dir>', 'definitions folder to search by name', 'definitions')
    .action(async (action, options) => {
      const { runExplain } = await import('./commands/explain.js');
      setExitCode(await runExplain(action, options, io));
    });

  program
    .command('lint')
    .description('check action specs and data-action exports for the mistakes that break actions at run time')
    .argument('[paths...]', 'spec files, export JSON files or folders (default: definitions)')
    .addOption(formatOption(formatNames, 'stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-severity <severity>', 'exit 1 on findings at or above this severity').choices(failSeverities).default('error' as const))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', wholeNumber)
    .option('--fix', 'apply the mechanical fixes to the files')
    .option('--fix-dry-run', 'print the fixes as a unified diff; change nothing')
    .option('--print-config', 'print the effective rule settings and exit')
    .option('--suppress-all', 'record every finding in dactl-suppressions.json; later runs report only new ones')
    .option('--suppress-rule <rule>', "record this rule's findings in dactl-suppressions.json (repeatable)", (value: string, all: string[] = []) => [...all, value])
    .option('--prune-suppressions', 'drop the recorded findings that are fixed from dactl-suppressions.json')
    .option('--suppressions-location <file>', 'the suppressions file (default: dactl-suppressions.json in the current folder)')
    .option('-c, --config <file>', 'the one configuration file to use (default: each file\'s nearest .dactl.yaml files, up to the project\'s)')
    .option('--no-cache', 'lint every file, even those whose text was linted before with the same settings')
    .action(async (paths, options) => {
      const { runLint } = await import('./commands/lint.js');
      setExitCode(await runLint(paths, { ...options, toolVersion: version }, io));
    });

  program
    .command('lsp')
    .description("language server over stdio: lint's diagnostics while typing, fixes as quick fixes, rule docs on hover")
    .option('--stdio', 'talk over standard input and output (the only transport; editors pass it)')
    .action(async () => {
      const { runLsp } = await import('./commands/lsp.js');
      setExitCode(await runLsp());
    });

  program
    .command('test')
    .description('run the tests inside action specs offline, against recorded responses')
    .argument('[paths...]', 'spec files or folders', ['definitions'])
    .addOption(formatOption(testFormats, 'text'))
    .option('--watch', 'test, then retest the changed specs on each change, one summary line per change (Ctrl-C stops)')
    .option('--remote', "run the tests' inputs through the org's test endpoint and compare with the local simulation")
    .option('--org <profile>', 'the org profile for --remote (definitions/orgs/<profile>.yaml)')
    .option('-d, --definitions <dir>', 'definitions folder holding the org profiles', 'definitions')
    .option('--no-cache', "run every test, even those whose spec and response files are unchanged since they passed or failed")
    .action(async (paths, options) => {
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
    .addOption(formatOption(runFormats, 'text'))
    .action(async (action, options) => {
      const { runRun } = await import('./commands/run.js');
      setExitCode(await runRun(action, options, io));
    });

  program
    .command('query')
    .description('evaluate a JSONPath as Jayway (and so Genesys Cloud) does; exit 1 when nothing is found')
    .argument('<jsonpath>', 'the path, e.g. "$.participants[?(@.purpose==\'customer\')].id"')
    .argument('[file]', 'JSON document; - or none for standard input')
    .action(async (path, file) => {
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
    .addOption(formatOption(diffFormats, 'tree'))
    .action(async (left, right, options) => {
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
    .option('--force', 'overwrite specs that define an action differently from the org')
    .option('--lift', 'write structured specs where they behave like the org action, with a verdict per action')
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
    .option('--target <glob>', 'only the actions whose name or category/name matches (* and ?; repeatable)', (value: string, all: string[] = []) => [...all, value])
    .option('--out <file>', 'save the plan as JSON and change nothing')
    .option('--plan <file>', 'apply exactly the plan saved with --out; refused if the org or the definitions changed since')
    .option('--allow-lint-errors', 'publish even what lint reports as errors (build --strict refuses them)')
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
