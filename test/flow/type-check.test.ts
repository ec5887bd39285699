import { describe, expect, it } from 'vitest';
import { loadFlowText, where } from './flow-harness.js';

const header = (type = 'inboundChat') => `name: Test Flow\ntype: ${type}\n`;

/** Each case: a spec, and the findings it must produce as rule@line:col. */
const cases: Array<{ name: string; spec: string; expected: string[] }> = [
  {
    name: 'an action the definitions do not have',
    spec: `${header()}steps:
  - callAction:
      action: Find External Contact by DNI
`,
    expected: ['flow-unknown-action@5:15'],
  },
  {
    name: 'an input the action does not take, and the required one missing',
    spec: `${header()}variables:
  dni: string
steps:
  - callAction:
      action: Find External Contacts by DNI
      inputs:
        DNI: Flow.dni
`,
    expected: ['flow-missing-input@8:7', 'flow-unknown-input@9:9'],
  },
  {
    name: 'no inputs at all: the missing input is reported at the step',
    spec: `${header()}steps:
  - callAction:
      action: Get Customer Chat Communication
`,
    expected: ['flow-missing-input@4:5'],
  },
  {
    name: 'an output the action does not produce',
    spec: `${header()}variables:
  contactId: string
steps:
  - callAction:
      action: Create External Contact
      inputs: { firstName: '"a"', lastName: '"b"', dni: '"1"' }
      outputs:
        id: contactId
`,
    expected: ['flow-unknown-output@10:9'],
  },
  {
    name: 'a failure output that is not one of the 13',
    spec: `${header()}variables:
  error: string
steps:
  - callAction:
      action: Get Customer Chat Communication
      inputs: { conversationId: Chat.ConversationId }
      failureOutputs:
        errorMessage: error
`,
    expected: ['flow-unknown-output@10:9'],
  },
  {
    name: 'a collection output bound to a string variable',
    spec: `${header()}variables:
  dni: string
  contactIds: string
steps:
  - callAction:
      action: Find External Contacts by DNI
      inputs: { dni: Flow.dni }
      outputs:
        contactIds: contactIds
`,
    expected: ['flow-variable-type@11:21'],
  },
  {
    name: 'an integer variable passed to a string input',
    spec: `${header()}variables:
  count: integer
steps:
  - callAction:
      action: Find External Contacts by DNI
      inputs:
        dni: Flow.count
`,
    expected: ['flow-variable-type@9:14'],
  },
  {
    name: 'a literal of the wrong type',
    spec: `${header()}variables:
  index: integer
steps:
  - updateData:
      set:
        index: { lit: "first" }
`,
    expected: ['flow-variable-type@8:16'],
  },
  {
    name: 'an output bound to a variable that is not declared',
    spec: `${header()}variables:
  dni: string
steps:
  - callAction:
      action: Find External Contacts by DNI
      inputs: { dni: Flow.dni }
      outputs:
        titles: titels
`,
    expected: ['flow-undeclared-variable@10:17'],
  },
  {
    name: 'an expression reading a variable that is not declared points at the reference',
    spec: `${header()}variables:
  dni: string
steps:
  - callAction:
      action: Find External Contacts by DNI
      inputs:
        dni: Trim(Flow.dnii)
`,
    expected: ['flow-variable-unused@4:3', 'flow-undeclared-variable@9:19'],
  },
  {
    name: 'a variable written with another scope than the flow type uses',
    spec: `${header()}variables:
  dni: string
steps:
  - decision:
      condition: IsSet(State.dni) and IsSet(Flow.dni)
`,
    expected: ['flow-undeclared-variable@7:24'],
  },
  {
    name: 'transfer to ACD in a workflow',
    spec: `${header('workflow')}steps:
  - transferToAcd:
      queue: Support
`,
    expected: ['flow-step-not-allowed@4:5'],
  },
  {
    name: 'disconnect in a common module, nested in a decision',
    spec: `${header('commonModule')}steps:
  - decision:
      condition: "true"
      "no":
        - disconnect: {}
`,
    expected: ['flow-step-not-allowed@7:11'],
  },
  {
    name: 'participant data read into a non-string variable',
    spec: `${header()}variables:
  count: integer
steps:
  - getParticipantData:
      attributes:
        visits: count
`,
    expected: ['flow-variable-type@8:17'],
  },
  {
    name: 'a step after the transfer never runs',
    spec: `${header()}steps:
  - transferToAcd: { queue: Support }
  - disconnect: {}
`,
    expected: ['flow-unreachable-step@5:5'],
  },
  {
    name: 'a module that the definitions do not have',
    spec: `${header()}steps:
  - callModule:
      module: Resolve Contact
`,
    expected: ['flow-unknown-module@5:15'],
  },
  {
    name: 'inputs and outputs on an inbound flow variable',
    spec: `${header()}variables:
  dni: { type: string, input: true }
steps: []
`,
    expected: ['flow-variable-io@4:3'],
  },
  {
    name: 'an unknown step kind is a schema error with its position',
    spec: `${header()}steps:
  - callData:
      action: Find External Contacts by DNI
`,
    expected: ['spec-unknown-key@4:5'],
  },
  {
    name: 'a literal the input contract does not accept: mediaType is an enum of upper-case names',
    spec: `${header()}variables:
  contactId: string
  communicationId: string
steps:
  - callAction:
      action: Associate External Contact with Conversation
      inputs:
        externalContactId: Flow.contactId
        conversationId: Chat.ConversationId
        communicationId: Flow.communicationId
        mediaType: { lit: chat }
`,
    expected: ['flow-input-contract@13:20'],
  },
  {
    name: 'loopNext outside a loop, and a task that does not exist',
    spec: `${header('inboundCall')}tasks:
  Main menu:
    - disconnect: null
steps:
  - callTask: { task: Main Menu }
  - loopNext: null
`,
    expected: ['flow-unknown-task@7:23', 'flow-step-not-allowed@8:5'],
  },
  {
    name: 'a queue found into a string variable, and audio played in a chat flow',
    spec: `${header()}variables:
  queue: string
steps:
  - findQueue: { queueName: '"Support"', into: queue }
  - playAudio: { tts: Hello }
`,
    expected: ['flow-variable-type@6:48', 'flow-step-not-allowed@7:5'],
  },
  {
    name: 'an inline Archy action still reads only declared variables',
    spec: `${header()}variables:
  orderId: string
steps:
  - archy:
      setWrapupCode:
        name: Wrap up
        wrapupCode: { exp: Flow.orderID }
  - updateData: { set: { orderId: '"1"' } }
`,
    expected: ['flow-undeclared-variable@9:28'],
  },
  {
    name: 'switch cases are expressions over declared variables, and their steps are checked',
    spec: `${header('workflow')}variables:
  total: integer
steps:
  - switch:
      cases:
        - when: Flow.totl > 1
          steps:
            - updateData: { set: { total: 2 } }
      default:
        - updateData: { set: { total: { lit: many } } }
`,
    expected: ['flow-undeclared-variable@8:17', 'flow-variable-type@12:39'],
  },
  {
    name: 'a menu digit chosen twice',
    spec: `${header('inboundCall')}steps:
  - menu:
      name: Main
      prompt: Press 1.
      choices:
        - { dtmf: 1, steps: [{ disconnect: null }] }
        - { dtmf: 1, steps: [{ disconnect: null }] }
`,
    expected: ['flow-menu-choice@9:19'],
  },
  {
    name: 'a menu in a chat flow',
    spec: `${header()}steps:
  - menu: { name: Main, prompt: Press 1., choices: [{ dtmf: 1, steps: [{ disconnect: null }] }] }
`,
    expected: ['flow-step-not-allowed@4:5'],
  },
];

describe('flow type checks', () => {
  it.each(cases)('$name', ({ spec, expected }) => {
    const flow = loadFlowText(spec);
    expect(flow.diagnostics.map(where).sort()).toEqual([...expected].sort());
  });

  it('reports every problem of a flow in one pass', () => {
    const flow = loadFlowText(`${header('workflow')}variables:
  dni: string
steps:
  - callAction:
      action: Find External Contacts by DNI
      inputs: { DNI: Flow.dni }
  - transferToAcd: { queue: Support }
`);
    expect(flow.diagnostics.map(where).sort()).toEqual(
      ['flow-missing-input@8:7', 'flow-unknown-input@8:17', 'flow-step-not-allowed@9:5'].sort(),
    );
    expect(flow.checked).toBe(false);
  });

  it('names the values an enum input accepts and the one that was meant', () => {
    const flow = loadFlowText(`${header()}steps:
  - callAction:
      action: Associate External Contact with Conversation
      inputs: { externalContactId: '"a"', conversationId: Chat.ConversationId, communicationId: '"c"', mediaType: { lit: chat } }
`);
    const message = flow.diagnostics.find((d) => d.ruleId === 'flow-input-contract')?.message;
    expect(message).toContain('"chat" is not a value "Associate External Contact with Conversation" accepts for mediaType');
    expect(message).toContain('did you mean "CHAT"?');
  });

  it('suggests the action name that was meant', () => {
    const flow = loadFlowText(`${header()}steps:\n  - callAction:\n      action: Find External Contact by DNI\n`);
    expect(flow.diagnostics[0]?.message).toContain('did you mean "Find External Contacts by DNI"');
  });

  it('accepts the seed flow without findings', async () => {
    const { seedProject } = await import('./flow-harness.js');
    expect(seedProject.flows.flatMap((f) => f.diagnostics)).toEqual([]);
  });
});
