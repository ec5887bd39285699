import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchy, readArchy } from '../../../src/flow/archy/index.js';
import { corpusDir } from '../../support/paths.js';

const folders = ['real-flows', 'archy-flows'].map((folder) => join(corpusDir, folder));
const present = folders.every((folder) => existsSync(folder));
if (!present && process.env.CI === 'true') throw new Error(`the corpus is missing: ${folders.join(', ')}`);

function corpusFile(part: string): string {
  for (const folder of folders) {
    const name = readdirSync(folder).find((f) => f.includes(part));
    if (name) return readFileSync(join(folder, name), 'utf8');
  }
  throw new Error(`no corpus flow named like ${part}`);
}

interface Mutation {
  rule: string;
  flow: string;
  /** The first match of `from` is replaced by `to`; the finding must start at `at` inside the replacement. */
  from: RegExp;
  to: string;
  at: string;
}

/** Broken variants of real flows, made at test time (the corpus is never copied): one per check. */
const mutations: Mutation[] = [
  { rule: 'archy-unknown-action', flow: 'CacheExampleFlow', from: /- decision:/, to: '- decison:', at: 'decison' },
  { rule: 'archy-unknown-key', flow: 'SimpleFinancialIvr', from: /priority:/, to: 'priorty:', at: 'priorty' },
  { rule: 'archy-action-not-allowed', flow: 'DudeWheresMyStuffChat', from: /- disconnect:/, to: '- endWorkflow:', at: 'endWorkflow' },
  { rule: 'archy-action-not-allowed', flow: 'Callback-Prioritization', from: /- endWorkflow:/, to: '- playAudio:', at: 'playAudio' },
  { rule: 'archy-loop-control', flow: 'DudeWheresMyStuffChat', from: /- disconnect:/, to: '- loopNext:', at: 'loopNext' },
  { rule: 'archy-reference', flow: 'CacheExampleFlow', from: /startUpRef: \.\/tasks\/task\[startingTask\]/, to: 'startUpRef: ./tasks/task[startTask]', at: './tasks' },
  { rule: 'archy-reference', flow: 'WorkitemFlow', from: /targetTaskRef: "\/workitem\/tasks\/task\[Status - Open_16\]"/, to: 'targetTaskRef: "/workitem/tasks/task[Status - Opened_16]"', at: '"/workitem' },
  { rule: 'archy-value-wrapper', flow: 'Callback-Prioritization', from: /noValue: true/, to: 'noValue: false', at: 'false' },
  { rule: 'archy-value-wrapper', flow: 'CacheExampleFlow', from: /exp: ToAudioBlank\(1\)/, to: 'expression: ToAudioBlank(1)', at: 'expression' },
  { rule: 'archy-variable-type-unknown', flow: 'CacheExampleFlow', from: /- stringVariable:/, to: '- strngVariable:', at: 'strngVariable' },
  { rule: 'archy-variable-duplicate', flow: 'Callback-Prioritization', from: /(- \w+Variable:\n(\s+)name: )(Flow\.\w+)/, to: '$1$3\n$2isInput: true\n    - booleanVariable:\n        name: $3', at: 'Flow.', },
  { rule: 'archy-variable-undeclared', flow: 'Callback-Prioritization', from: /exp: Flow\.CallbackPriority \+/, to: 'exp: Flow.CallbackPriorty +', at: 'Flow.CallbackPriorty' },
  { rule: 'archy-expression-syntax', flow: 'CacheExampleFlow', from: /exp: ToAudioBlank\(1\)/, to: 'exp: ToAudioBlank((1)', at: '(' },
  { rule: 'archy-expression-function', flow: 'EmailComprehendFlow', from: /ToDisplayString\(/, to: 'ToDisplayStrng(', at: 'ToDisplayStrng' },
  { rule: 'archy-expression-arguments', flow: 'CacheExampleFlow', from: /exp: ToAudioBlank\(1\)/, to: 'exp: ToAudioBlank(1, 2)', at: 'ToAudioBlank' },
  { rule: 'archy-expression-type', flow: 'CacheExampleFlow', from: /condition:(\r?\n\s+)exp: [^\r\n]+/, to: 'condition:$1exp: Task.LookupResult', at: 'Task.LookupResult' },
  { rule: 'archy-calldata-failure-output', flow: 'EmailComprehendFlow', from: /details\.errorCode:/, to: 'details.errorcode:', at: 'details.errorcode' },
  { rule: 'archy-substitution-unclosed', flow: 'web-messaging-triage-bot', from: /\{\{data_action_category\}\}/, to: '{{data_action_category', at: '{{' },
];

describe.skipIf(!present)('broken variants of real flows', () => {
  it.each(mutations.map((m) => [m.rule, m.flow, m] as const))('%s in %s', (rule, flow, mutation) => {
    const original = corpusFile(flow);
    const match = mutation.from.exec(original);
    expect(match, `${mutation.from} in ${flow}`).not.toBeNull();
    const replacement = match![0].replace(mutation.from, mutation.to);
    const text = original.slice(0, match!.index) + replacement + original.slice(match!.index + match![0].length);
    const offset = match!.index + (mutation.rule === 'archy-variable-duplicate' ? replacement.lastIndexOf(mutation.at) : replacement.indexOf(mutation.at));
    const before = text.slice(0, offset).split('\n');
    const expected = { line: before.length, column: before[before.length - 1]!.length + 1 };
    const document = readArchy(`${flow}.yaml`, text)!;
    const found = [...document.diagnostics, ...checkArchy(document).map((f) => document.source.locate(f))].filter((d) => d.ruleId === rule);
    expect(found.map((d) => d.range!.start)).toContainEqual(expected);
  });
});
