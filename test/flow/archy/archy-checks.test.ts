import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/index.js';
import { checkArchy, readArchy, type ArchyActionCatalog } from '../../../src/flow/archy/index.js';

const base = readFileSync(join(import.meta.dirname, 'fixtures/message-flow.yaml'), 'utf8');

const catalog: ArchyActionCatalog = {
  actions: [
    {
      name: 'Get Customer Message Communication',
      categories: ['Genesys Cloud Data Actions'],
      inputs: [
        { name: 'conversationId', required: true, type: 'string', schema: { type: 'string' } },
        { name: 'mediaType', required: false, type: 'string', schema: { type: 'string', enum: ['CHAT', 'MESSAGE'] } },
      ],
      outputs: new Map([['communicationId', 'string'], ['count', 'integer']]),
    },
  ],
};

export function lintArchy(text: string, options: Parameters<typeof checkArchy>[1] = { catalog }): Diagnostic[] {
  const document = readArchy('flow.yaml', text)!;
  return [...document.diagnostics, ...checkArchy(document, options).map((f) => document.source.locate(f))];
}

/** 1-based line and column of the first occurrence of `needle` (after `after`, when given) in `text`. */
function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset < 0) throw new Error(`"${needle}" is not in the variant`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

interface Variant {
  rule: string;
  /** Text to replace in the base flow, and its replacement. */
  replace: [string, string];
  /** Where the finding must start: the first occurrence of this text in the variant (after `after`). */
  at: string;
  after?: string;
}

const variants: Variant[] = [
  { rule: 'archy-unknown-action', replace: ['- sendResponse:', '- sendRespons:'], at: 'sendRespons:' },
  { rule: 'archy-unknown-action', replace: ['- loopExit:', '- breakLoop:'], at: 'breakLoop' },
  { rule: 'archy-unknown-key', replace: ['              priority:', '              priorty:'], at: 'priorty' },
  { rule: 'archy-unknown-key', replace: ['                          "yes":', '                          "maybe":'], at: '"maybe"' },
  { rule: 'archy-action-not-allowed', replace: ['          - endTask:\n              name: End Task\n              outputPath:\n                name: default', '          - endWorkflow:\n              name: End'], at: 'endWorkflow' },
  { rule: 'archy-action-not-allowed', replace: ['          - sendResponse:', '          - playAudio:\n              audio:\n                tts: hello\n          - sendResponse:'], at: 'playAudio' },
  { rule: 'archy-reference', replace: ['state[Initial State_10]"', 'state[Initial State_11]"'], at: '"/inboundShortMessage/states' },
  { rule: 'archy-reference', replace: ['task[Greet_20]', 'task[Greeting_20]'], at: '"/inboundShortMessage/tasks' },
  { rule: 'archy-loop-control', replace: ['          - transferToAcd:', '          - loopNext:\n              name: Next\n          - transferToAcd:'], at: 'loopNext' },
  { rule: 'archy-value-wrapper', replace: ['exp: IsSet(Flow.customerName)', 'expr: IsSet(Flow.customerName)'], at: 'expr:' },
  { rule: 'archy-value-wrapper', replace: ['                lit: 3', '                lit: 3\n                exp: "3"'], at: 'lit: 3' },
  { rule: 'archy-value-wrapper', replace: ['          noValue: true\n    - integerVariable', '          noValue: yes\n    - integerVariable'], at: 'yes', after: 'noValue: yes' },
  { rule: 'archy-variable-type-unknown', replace: ['- integerVariable:', '- intVariable:'], at: 'intVariable' },
  { rule: 'archy-shape', replace: ['              statements:\n                - string:', '              statements:\n                  string:'], at: 'string:', after: 'statements:' },
  { rule: 'archy-variable-scope', replace: ['              name: State.communicationId', '              name: Task.communicationId'], at: 'Task.communicationId' },
  { rule: 'archy-variable-duplicate', replace: ['name: Flow.attempts', 'name: Flow.CustomerName'], at: 'Flow.CustomerName' },
  { rule: 'archy-variable-undeclared', replace: ['exp: Flow.customerName\n', 'exp: Flow.customerNam\n'], at: 'Flow.customerNam\n' },
  { rule: 'archy-variable-undeclared', replace: ['ToDisplayString(State.communicationId)', 'ToDisplayString(Call.Ani)'], at: 'Call.Ani' },
  { rule: 'archy-variable-type', replace: ['- string:\n                    variable: Flow.customerName', '- integer:\n                    variable: Flow.customerName'], at: 'Flow.customerName', after: '- integer:' },
  { rule: 'archy-expression-syntax', replace: ['exp: IsSet(Flow.customerName) and', 'exp: IsSet(Flow.customerName and'], at: '(Flow.customerName and' },
  { rule: 'archy-expression-function', replace: ['ToDisplayString(State', 'ToDisplayStrin(State'], at: 'ToDisplayStrin' },
  { rule: 'archy-expression-arguments', replace: ['IsSet(Flow.customerName)', 'IsSet()'], at: 'IsSet()' },
  { rule: 'archy-expression-arguments', replace: ['Append("Hello ", ToDisplayString(State.communicationId))', 'Left("Hello ", "2")'], at: '"2"' },
  { rule: 'archy-expression-type', replace: ['exp: IsSet(Flow.customerName) and Flow.attempts > 1', 'exp: Append("a", "b")'], at: 'Append("a"' },
  { rule: 'archy-calldata-unknown-action', replace: ['{{data_action_category}}:\n                  dataAction:\n                    Get Customer Message Communication:', 'Genesys Cloud Data Actions:\n                  dataAction:\n                    Get Customer Message Comunication:'], at: 'Get Customer Message Comunication' },
  { rule: 'archy-calldata-external', replace: ['Get Customer Message Communication:', 'Some Other Action:'], at: 'Some Other Action' },
  { rule: 'archy-calldata-unknown-input', replace: ['                        conversationId:', '                        conversationID:'], at: 'conversationID' },
  { rule: 'archy-calldata-missing-input', replace: ['                        conversationId:\n                          exp: Message.ConversationId', '                        mediaType:\n                          lit: MESSAGE'], at: 'inputs:' },
  { rule: 'archy-calldata-input-value', replace: ['                          exp: Message.ConversationId', '                          exp: Message.ConversationId\n                        mediaType:\n                          lit: chat'], at: 'chat' },
  { rule: 'archy-calldata-unknown-output', replace: ['                        communicationId:\n', '                        communicationID:\n'], at: 'communicationID' },
  { rule: 'archy-calldata-output-type', replace: ['                        communicationId:\n', '                        count:\n'], at: 'State.communicationId', after: 'count:' },
  { rule: 'archy-calldata-failure-output', replace: ['                        errorCode:', '                        errorcode:'], at: 'errorcode' },
  { rule: 'archy-substitution-unclosed', replace: ['"{{queue_name}}"', '"{{queue_name"'], at: '{{queue_name"' },
  { rule: 'yaml-block-as-implicit-key', replace: ['              name: Retry', '              name: Retry: again'], at: 'Retry: again' },
];

describe('Archy publish-time checks', () => {
  it('find nothing in the well-formed flow', () => {
    expect(lintArchy(base).map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
  });

  it.each(variants.map((v) => [v.rule, v.replace[1].trim().split('\n')[0], v] as const))('%s: %s', (rule, _, variant) => {
    expect(base).toContain(variant.replace[0]);
    const text = base.replace(variant.replace[0], variant.replace[1]);
    const found = lintArchy(text).filter((d) => d.ruleId === rule);
    const expected = positionOf(text, variant.at, variant.after);
    expect(found.map((d) => ({ rule: d.ruleId, ...d.range!.start }))).toContainEqual({ rule, ...expected });
  });

  it('suggests the name meant', () => {
    const text = base.replace('- sendResponse:', '- sendRespons:').replace('ToDisplayString(State', 'ToDisplayStrin(State');
    const messages = lintArchy(text).map((d) => d.message);
    expect(messages).toContainEqual(expect.stringContaining('did you mean "sendResponse"'));
    expect(messages).toContainEqual(expect.stringContaining('did you mean "ToDisplayString"'));
  });

  it('reads names without case where Architect does', () => {
    const text = base.replace('exp: Flow.customerName\n', 'exp: flow.CUSTOMERNAME\n').replace('IsSet(Flow', 'isset(flow');
    expect(lintArchy(text)).toEqual([]);
  });

  it('leaves a call outside the project as a configurable warning', () => {
    const text = base.replace('Get Customer Message Communication:', 'Some Other Action:');
    expect(lintArchy(text).map((d) => d.severity)).toEqual(['warn']);
    expect(lintArchy(text, { catalog, externalAction: 'error' }).map((d) => d.severity)).toEqual(['error']);
    expect(lintArchy(text, { catalog, externalAction: 'off' })).toEqual([]);
  });

  it('checks 10,000 actions', () => {
    const many = base.replace('          - transferToAcd:', `${'          - sendResponse:\n              messageBody:\n                exp: Flow.customerNam\n'.repeat(10_000)}          - transferToAcd:`);
    const found = lintArchy(many);
    expect(found).toHaveLength(10_000);
    expect(found[9_999]!.range!.start.line).toBe(positionOf(many, 'exp: Flow.customerNam\n').line + 3 * 9_999);
  });

  it('stops at actions nested deeper than Architect shows, at the place', () => {
    let nested = '';
    for (let level = 0; level < 110; level++) {
      const pad = ' '.repeat(10 + level * 8);
      nested += `${pad}- decision:\n${pad}    outputs:\n${pad}      "yes":\n${pad}        actions:\n`;
    }
    nested += `${' '.repeat(10 + 110 * 8)}- loopExit: {}\n`;
    const deep = base.replace('          - transferToAcd:', `${nested}          - transferToAcd:`);
    const found = lintArchy(deep).filter((d) => d.ruleId === 'archy-too-deep');
    expect(found).toHaveLength(1);
    // The first action past the limit: the 102nd decision, four lines per level below the first.
    const first = positionOf(deep, `\n${' '.repeat(10)}- decision:`).line + 1;
    expect(found[0]!.range!.start.line).toBe(first + 4 * 101);
  });

  it('reports 1,000-deep nesting at a place, without running out of stack', () => {
    const nested = `${'{decision: {condition: {exp: "true"}, outputs: {"yes": {actions: ['.repeat(1000)}{loopExit: {}}${']}}}}'.repeat(1000)}`;
    const deep = base.replace('          - transferToAcd:', `          - ${nested}\n          - transferToAcd:`);
    const found = lintArchy(deep);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.range && d.range.start.line > 1)).toBe(true);
    expect(found.map((d) => d.ruleId)).toContainEqual(expect.stringMatching(/^(yaml-too-deep|archy-too-deep)$/));
  });
});

describe('actions known from the documentation only', () => {
  it('warn about a key dactl does not know, where actions seen in real flows make it an error', () => {
    const text = base.replace('          - transferToAcd:', '          - setExternalTag:\n              externalTag:\n                lit: vip\n              tagColour:\n                lit: red\n          - transferToAcd:');
    const found = lintArchy(text).map((d) => `${d.ruleId} ${d.severity} ${d.range!.start.line}`);
    expect(found).toEqual([`archy-unknown-key warn ${text.split('\n').findIndex((l) => l.includes('tagColour')) + 1}`]);
  });
});

describe('common modules', () => {
  const module = (action: string) => `commonModule:
  name: Module
  variables:
    - stringVariable:
        name: Common.id
        isInput: true
  settingsCommonModule:
    compatibleFlowTypes:
      - flowType: inboundshortmessage
      - flowType: workflow
  startUpTaskActions:
${action}    - endTask:
        outputPath:
          name: default
`;

  it('may run what every compatible flow type runs', () => {
    expect(lintArchy(module('    - callData:\n        category:\n          "{{c}}":\n            dataAction:\n              "{{a}}":\n                inputs:\n                  id:\n                    exp: Common.id\n'))).toEqual([]);
  });

  it('cannot run an action one of its compatible flow types cannot', () => {
    const text = module('    - getParticipantData:\n        attributes: []\n');
    const found = lintArchy(text);
    expect(found.map((d) => [d.ruleId, d.range!.start.line, d.range!.start.column])).toEqual([['archy-action-not-allowed', 12, 7]]);
    expect(found[0]!.message).toContain('compatible with workflow');
  });
});

describe('bot flows', () => {
  const bot = (inner: string) => `botFlow:
  name: Bot
  startUpRef: "/botFlow/bots/bot[Default Bot_10]"
  bots:
    - bot:
        refId: Default Bot_10
        actions:
${inner}          - exitBotFlow:
              name: Exit
`;
  const askInLoop = `          - loop:
              currentIndex:
                var: Flow.i
              loopCount:
                lit: 3
              outputs:
                loop:
                  actions:
                    - askForIntent:
                        question:
                          exp: MakeCommunication("Hi")
                        outputs:
                          intents:
                            - intent:
                                name: Book
                                actions:
                                  - loopNext:
                                      name: Again
`;

  it('keep loop controls inside an intent of a question asked in a loop', () => {
    expect(lintArchy(bot(askInLoop))).toEqual([]);
  });

  it('report a loop control in an intent outside any loop', () => {
    const outside = askInLoop.split('\n').slice(8).map((l) => l.slice(10)).join('\n');
    const found = lintArchy(bot(outside));
    expect(found.map((d) => [d.ruleId, d.range!.start.line])).toEqual([['archy-loop-control', 16]]);
  });
});
