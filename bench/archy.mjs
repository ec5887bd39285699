// Archy flow checking: generates real-sized Archy flows (about the size and mix of the corpus's: states, a
// reusable task, callData with substituted categories, decisions, loops, updateData, expressions) and times
// `dactl lint` on them against parsing the same files with `yaml` (the floor).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from './measure.mjs';

export function generateArchyFlows(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = archyFlow(i);
    bytes += text.length;
    writeFileSync(join(dir, `flow-${String(i).padStart(4, '0')}.yaml`), text);
  }
  return bytes;
}

function archyFlow(i) {
  const states = [];
  for (let s = 0; s < 4; s++) {
    states.push(`    - state:
        name: Step ${s}
        refId: Step ${s}_${10 + s}
        variables:
          - stringVariable:
              name: State.result${s}
              initialValue:
                noValue: true
        actions:
          - updateData:
              name: Prepare
              statements:
                - string:
                    variable: Flow.greeting
                    value:
                      exp: Append("Hello ", ToDisplayString(Flow.customerName), If(IsNotSetOrEmpty(Flow.customerName), "", " "))
                - integer:
                    variable: Flow.attempts
                    value:
                      exp: Flow.attempts + 1
          - callData:
              name: Look Up ${s}
              timeout:
                lit:
                  minutes: 1
              category:
                "{{data_action_category}}":
                  dataAction:
                    "{{lookup_action_${s}}}":
                      inputs:
                        conversationId:
                          exp: Message.ConversationId
                        attempt:
                          exp: ToString(Flow.attempts)
                      successOutputs:
                        result:
                          var: State.result${s}
                      failureOutputs:
                        errorCode:
                          noValue: true
                        status:
                          noValue: true
              outputs:
                success:
                  actions:
                    - decision:
                        name: Found?
                        condition:
                          exp: IsSet(State.result${s}) and Length(State.result${s}) > 0
                        outputs:
                          "yes":
                            actions:
                              - callTask:
                                  name: Greet
                                  targetTaskRef: "/inboundShortMessage/tasks/task[Greet_90]"
                          "no":
                            actions:
                              - sendResponse:
                                  name: Sorry
                                  messageBody:
                                    exp: Append("Sorry, ", Flow.greeting)
                failure:
                  actions:
                    - loop:
                        name: Retry
                        currentIndex:
                          var: Flow.index
                        loopCount:
                          lit: 3
                        outputs:
                          loop:
                            actions:
                              - decision:
                                  condition:
                                    exp: Flow.index >= 2 or Flow.attempts > 5
                                  outputs:
                                    "yes":
                                      actions:
                                        - loopExit:
                                            name: Give Up
          - changeState:
              name: Next
              targetStateRef: "/inboundShortMessage/states/state[Step ${(s + 1) % 4}_${10 + ((s + 1) % 4)}]"
`);
  }
  return `inboundShortMessage:
  name: "Bench Flow ${i} {{env}}"
  division: Home
  startUpRef: "/inboundShortMessage/states/state[Step 0_10]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  variables:
    - stringVariable:
        name: Flow.customerName
        initialValue:
          noValue: true
    - stringVariable:
        name: Flow.greeting
        initialValue:
          noValue: true
    - integerVariable:
        name: Flow.attempts
        initialValue:
          lit: 0
    - integerVariable:
        name: Flow.index
        initialValue:
          lit: 0
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
  states:
${states.join('')}  tasks:
    - task:
        name: Greet
        refId: Greet_90
        actions:
          - sendResponse:
              name: Greet
              messageBody:
                exp: Flow.greeting
          - transferToAcd:
              name: Transfer to ACD
              targetQueue:
                lit:
                  name: "{{queue_name}}"
              priority:
                lit: 0
              preferredAgents:
                noValue: true
              languageSkill:
                noValue: true
`;
}

/** Rows and the target for checking `count` flows: `dactl lint` against the floor on the same files. */
export function benchArchy({ bin, floor, tmp, count = 100, runs = 5 }) {
  const dir = join(tmp, 'archy', 'flows');
  const bytes = generateArchyFlows(dir, count);
  const cwd = join(tmp, 'archy');
  const note = `${count} flows, ${(bytes / count / 1024).toFixed(1)} KB each on average`;
  const floorRun = measure([floor, 'flows', 'floor-out'], { cwd, runs, before: () => rmSync(join(cwd, 'floor-out'), { recursive: true, force: true }) });
  const lint = measure([bin, 'lint', 'flows'], { cwd, runs, expectCodes: [0] });
  const rows = [
    { name: 'floor (Archy flows)', n: count, ...floorRun, note },
    { name: 'dactl lint (Archy flows)', n: count, ...lint, note },
  ];
  const target = { name: `check of ${count} Archy flows vs parsing them with yaml`, measured: lint.median, baseline: floorRun.median, ratio: lint.median / floorRun.median, limit: 1.5 };
  return { rows, target };
}
