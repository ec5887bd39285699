// Synthetic definitions modelled on the bundled actions: filters, bodies with optional members, query strings,
// and tests with recorded responses. Deterministic: the same N always gives the same files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const searchResponse = (i) => ({
  total: 3,
  entities: [
    { id: `c-${i}-1`, title: `${10000000 + i}`, firstName: 'Ana', addresses: [{ city: 'Lima' }] },
    { id: `c-${i}-2`, firstName: 'Bo' },
    { id: `c-${i}-3`, title: `${20000000 + i}`, firstName: 'Cy', addresses: [] },
  ],
});
const conversationResponse = (i) => ({
  id: `conv-${i}`,
  participants: [
    { id: `p-${i}-0`, purpose: 'acd', chats: [] },
    { id: `p-${i}-1`, purpose: 'customer', chats: [{ id: `chat-${i}`, state: 'connected' }] },
  ],
});

const templates = [
  (i) => `name: Find Contacts ${i}
description: Searches external contacts for a DNI; returns ids and titles side by side.
integration: purecloud-data-actions
category: Bench ${i % 7}
request:
  method: GET
  url: /api/v2/externalcontacts/contacts
  query:
    q: "{dni}"
    pageSize: 25
    division: "{division}"
inputs:
  dni: { type: string, required: true, pattern: "^[0-9]{7,9}$" }
  division: { type: string }
outputs:
  total: { type: integer, from: $.total, default: 0 }
  contactIds: { type: array, items: string, from: "$.entities[?(@.title)].id" }
  titles: { type: array, items: string, from: "$.entities[?(@.title)].title" }
  firstCity: { type: string, from: "$.entities[0].addresses[0].city", default: "" }
tests:
  - name: candidates keep ids and titles aligned
    input: { dni: "${10000000 + i}" }
    responseFile: ../../fixtures/search-${i}.json
    expect:
      request: { method: GET, url: "/api/v2/externalcontacts/contacts?q=${10000000 + i}&pageSize=25" }
      output: { total: 3, contactIds: [c-${i}-1, c-${i}-3], titles: ["${10000000 + i}", "${20000000 + i}"], firstCity: Lima }
`,
  (i) => `name: Create Contact ${i}
description: Creates an external contact, keeping the DNI in the title.
integration: purecloud-data-actions
category: Bench ${i % 7}
request:
  method: POST
  url: /api/v2/externalcontacts/contacts
  body:
    firstName: "{firstName}"
    lastName: "{lastName}"
    title: "{dni}"
    personalEmail: "{email}"
    address: { city: "{city}", countryCode: PE }
    tags: ["bench", "{tag}"]
inputs:
  firstName: { type: string, required: true }
  lastName: { type: string, required: true }
  dni: { type: string, required: true }
  email: { type: string }
  city: { type: string }
  tag: { type: string }
outputs:
  contactId: { type: string, from: $.id }
tests:
  - name: optional members are left out
    input: { firstName: Ana, lastName: "O'Brien ${i}", dni: "${10000000 + i}" }
    response: { id: created-${i} }
    expect:
      request: { method: POST, body: { firstName: Ana, lastName: "O'Brien ${i}", title: "${10000000 + i}", address: { countryCode: PE }, tags: [bench] } }
      output: { contactId: created-${i} }
`,
  (i) => `name: Customer Chat ${i}
description: The customer's chat communication id, chosen by purpose.
integration: purecloud-data-actions
category: Bench ${i % 7}
request:
  method: GET
  url: /api/v2/conversations/{conversationId}
inputs:
  conversationId: { type: string, required: true }
outputs:
  communicationId: { type: string, from: "$.participants[?(@.purpose=='customer')].chats[0].id" }
  customerParticipantId: { type: string, from: "$.participants[?(@.purpose=='customer')].id" }
  participantCount: { type: integer, from: "$.participants.length()", default: 0 }
tests:
  - name: web chat routed to an agent
    input: { conversationId: conv-${i} }
    responseFile: ../../fixtures/conversation-${i}.json
    expect:
      request: { method: GET, url: /api/v2/conversations/conv-${i} }
      output: { communicationId: chat-${i}, customerParticipantId: p-${i}-1, participantCount: 2 }
`,
  (i) => `name: Associate Contact ${i}
integration: purecloud-data-actions
category: Bench ${i % 7}
request:
  method: PUT
  url: /api/v2/externalcontacts/conversations/{conversationId}
  body:
    externalContactId: "{externalContactId}"
    conversationId: "{conversationId}"
    mediaType: "{mediaType}"
inputs:
  externalContactId: { type: string, required: true }
  conversationId: { type: string, required: true }
  mediaType: { type: string, required: true, enum: [CALL, CHAT, EMAIL, MESSAGE] }
outputs: {}
tests:
  - name: the association request
    input: { externalContactId: x-${i}, conversationId: conv-${i}, mediaType: CHAT }
    status: 202
    response: null
    expect:
      request: { method: PUT, url: /api/v2/externalcontacts/conversations/conv-${i} }
      output: {}
`,
];

/** Writes `count` actions into `<root>/definitions/actions/` and their recorded responses into `<root>/fixtures/`. */
export function generateProject(root, count, { variant = false } = {}) {
  rmSync(root, { recursive: true, force: true });
  const actions = join(root, 'definitions', 'actions');
  const fixtures = join(root, 'fixtures');
  mkdirSync(actions, { recursive: true });
  mkdirSync(fixtures, { recursive: true });
  for (let i = 0; i < count; i++) {
    const kind = i % templates.length;
    let text = templates[kind](i);
    // A diff partner: every tenth action changes its description or a query parameter.
    if (variant && i % 10 === 0) text = text.replace('pageSize: 25', 'pageSize: 50').replace(/^description: (.*)$/m, 'description: $1 (changed)');
    writeFileSync(join(actions, `bench-${String(i).padStart(5, '0')}.action.yaml`), text);
    if (kind === 0) writeFileSync(join(fixtures, `search-${i}.json`), JSON.stringify(searchResponse(i), null, 2));
    if (kind === 2) writeFileSync(join(fixtures, `conversation-${i}.json`), JSON.stringify(conversationResponse(i), null, 2));
  }
}

/**
 * Writes `flows` flow specs into `<root>/definitions/flows/`, each shaped like the bundled chat verification flow:
 * four data-action calls (actions from a project of `count`), decisions, branches on failure and timeout.
 */
export function generateFlows(root, flows, count) {
  const dir = join(root, 'definitions', 'flows');
  mkdirSync(dir, { recursive: true });
  for (let f = 0; f < flows; f++) {
    const base = (f * templates.length) % count;
    writeFileSync(join(dir, `bench-flow-${String(f).padStart(3, '0')}.flow.yaml`), `name: Bench Flow ${f}
type: inboundChat
variables:
  dni: string
  contactIds: stringCollection
  titles: stringCollection
  matchIndex: integer
  contactId: string
  communicationId: string
steps:
  - getParticipantData:
      name: Read the customer's details
      attributes:
        context.DNI: dni
  - decision:
      name: DNI given?
      condition: IsNotSetOrEmpty(Flow.dni)
      "yes":
        - transferToAcd: { name: Route without verification, queue: Bench Queue }
  - callAction:
      action: Find Contacts ${base}
      inputs: { dni: Flow.dni }
      outputs: { contactIds: contactIds, titles: titles }
      success:
        - updateData:
            name: Find the exact DNI
            set: { matchIndex: "FindFirst(Flow.titles, Flow.dni)" }
        - decision:
            name: Contact with this DNI exists?
            condition: Flow.matchIndex >= 0
            "yes":
              - updateData:
                  name: Keep the matching contact
                  set: { contactId: "GetAt(Flow.contactIds, Flow.matchIndex)" }
            "no":
              - callAction:
                  action: Create Contact ${base + 1}
                  inputs: { firstName: Flow.dni, lastName: Flow.dni, dni: Flow.dni }
                  outputs: { contactId: contactId }
      failure:
        - transferToAcd: { name: Route after a failed search, queue: Bench Queue }
      timeout:
        - transferToAcd: { name: Route after a slow search, queue: Bench Queue }
  - callAction:
      action: Customer Chat ${base + 2}
      inputs: { conversationId: Chat.ConversationId }
      outputs: { communicationId: communicationId }
      failure:
        - transferToAcd: { name: Route without a communication id, queue: Bench Queue }
  - callAction:
      action: Associate Contact ${base + 3}
      inputs:
        externalContactId: Flow.contactId
        conversationId: Chat.ConversationId
        mediaType: { lit: CHAT }
  - transferToAcd: { name: Route the verified chat, queue: Bench Queue }
`);
  }
}

/**
 * `count` specs imported from the real exports in `corpusDir` (with `dactl import`), each copy renamed so every
 * action is distinct. Returns false when the corpus is not there.
 */
export function generateRealProject(root, count, { bin, corpusDir }) {
  rmSync(root, { recursive: true, force: true });
  if (!existsSync(corpusDir)) return false;
  const imported = join(root, 'imported');
  spawnSync(process.execPath, [bin, 'import', corpusDir, '-o', imported], { stdio: 'ignore' });
  const specs = readdirSync(imported).sort().map((name) => readFileSync(join(imported, name), 'utf8'));
  if (specs.length === 0) return false;
  const actions = join(root, 'definitions', 'actions');
  mkdirSync(actions, { recursive: true });
  for (let i = 0; i < count; i++) {
    const text = specs[i % specs.length].replace(/^name: (.*)$/m, (_, name) => `name: ${name.replace(/^(["'])(.*)\1$/, '$2')} ${i}`);
    writeFileSync(join(actions, `real-${String(i).padStart(5, '0')}.action.yaml`), text);
  }
  rmSync(imported, { recursive: true, force: true });
  return true;
}
