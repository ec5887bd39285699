// JSONPath and Velocity throughput in one process: dactl's engines beside json-p3, jsonpath-plus and velocityjs.
import { jsonpath as jsonP3 } from 'json-p3';
import { JSONPath } from 'jsonpath-plus';
import velocityjs from 'velocityjs';

const dist = new URL('../dist/', import.meta.url);
const { compileJsonPath } = await import(new URL('jsonpath/index.js', dist));
const { renderTemplate } = await import(new URL('velocity/render-template.js', dist));
const { compileAction } = await import(new URL('compile/compile-action.js', dist));

const document = {
  total: 500,
  entities: Array.from({ length: 500 }, (_, i) => ({
    id: `c-${i}`,
    ...(i % 3 ? { title: String(10_000_000 + i) } : {}),
    purpose: i % 5 ? 'agent' : 'customer',
    chats: [{ id: `chat-${i}` }],
    addresses: [{ city: i % 2 ? 'Lima' : 'Quito', lines: ['a', 'b'] }],
  })),
};

/** A Genesys conversation with 60 participants, the shape translation maps usually query. */
const purposes = ['ivr', 'acd', 'agent', 'workflow'];
const conversation = {
  conversationId: 'c0ffee00-0000-4000-8000-000000000001',
  conversationStart: '2024-05-02T14:03:11.120Z',
  originatingDirection: 'inbound',
  divisionIds: ['d-1'],
  participants: Array.from({ length: 60 }, (_, i) => {
    const purpose = i === 0 ? 'customer' : purposes[i % 4];
    return {
      participantId: `p-${i}`,
      participantName: purpose === 'customer' ? 'Jane Smith' : `${purpose} ${i}`,
      purpose,
      ...(purpose === 'agent' ? { userId: `u-${i}` } : {}),
      ...(purpose === 'acd' ? { queueId: `q-${i % 7}` } : {}),
      attributes: { customerId: purpose === 'customer' ? '35399588' : '', language: 'es-PE', priority: String(i % 3) },
      sessions: [
        {
          sessionId: `s-${i}`,
          mediaType: i % 6 ? 'chat' : 'callback',
          direction: 'inbound',
          flowInType: i % 3 ? 'agent' : 'queue',
          metrics: [{ name: 'tAnswered', value: 400 + i * 37 }, { name: 'tTalk', value: 9000 + i }],
          segments: [
            { segmentStart: '2024-05-02T14:03:11.120Z', segmentType: 'alert' },
            { segmentStart: '2024-05-02T14:03:20.000Z', segmentType: 'interact' },
            ...(purpose === 'agent' ? [{ segmentStart: '2024-05-02T14:09:00.000Z', segmentType: 'wrapup', wrapUpCode: `w-${i % 4}` }] : []),
          ],
        },
      ],
      chats: [{ id: `chat-${i}`, state: 'connected' }],
    };
  }),
};

/** Operations per second over about `ms` milliseconds, after a short warm-up. */
function throughput(operation, ms = 700) {
  for (let i = 0; i < 20; i++) operation();
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 10; i++) operation();
    count += 10;
    elapsed = performance.now() - started;
  }
  return (count / elapsed) * 1000;
}

// Each compiled path is reused, as a translation map's paths are; only evaluation is timed.
const paths = {
  filter: { path: '$.entities[?(@.title)].id', document },
  'deep scan': { path: '$..city', document },
  definite: { path: '$.entities[250].chats[0].id', document },
  'conversation: filter by purpose': { path: "$.participants[?(@.purpose=='customer')].chats[0].id", document: conversation },
  'conversation: filter under a deep scan, two conditions': {
    path: "$..participants[?(@.purpose == 'acd' && @.sessions[0].flowInType == 'agent')].participantId",
    document: conversation,
  },
  'conversation: filter, existence': { path: '$.participants[?(@.userId)].userId', document: conversation },
  'conversation: filter, number comparison': { path: '$.participants[?(@.sessions[0].metrics[0].value > 2000)].participantId', document: conversation },
  'conversation: nested filters': {
    path: "$.participants[?(@.purpose == 'agent')].sessions[*].segments[?(@.segmentType == 'wrapup')].wrapUpCode",
    document: conversation,
  },
  'conversation: filter under a deep scan': { path: "$..segments[?(@.segmentType == 'interact')].segmentStart", document: conversation },
  'conversation: deep scan': { path: '$..sessionId', document: conversation },
  'conversation: filter, `in` list (Jayway only)': { path: "$.participants[?(@.purpose in ['agent', 'acd'])].participantId", document: conversation },
  'conversation: filter, regex (Jayway only)': { path: '$.participants[?(@.participantName =~ /jane.*/i)].participantId', document: conversation },
};
const CANNOT_PARSE = 'cannot parse (Jayway-only syntax)';

/** Throughput of a baseline engine, or CANNOT_PARSE when it rejects the path. */
function baseline(prepare) {
  let operation;
  try {
    operation = prepare();
    operation();
  } catch {
    return CANNOT_PARSE;
  }
  return throughput(operation);
}

const jsonpath = {};
for (const [kind, { path, document: json }] of Object.entries(paths)) {
  const ours = compileJsonPath(path);
  jsonpath[kind] = {
    path,
    dactl: throughput(() => ours.evaluate(json)),
    'json-p3': baseline(() => {
      const theirs = jsonP3.compile(path);
      return () => theirs.query(json).values();
    }),
    'jsonpath-plus': baseline(() => () => JSONPath({ path, json, wrap: true })),
  };
}

const spec = {
  name: 'Create Contact',
  integration: 'purecloud-data-actions',
  request: {
    method: 'POST',
    url: '/api/v2/externalcontacts/contacts',
    body: { firstName: '{firstName}', lastName: '{lastName}', title: '{dni}', personalEmail: '{email}', address: { city: '{city}', countryCode: 'PE' } },
  },
  inputs: {
    firstName: { type: 'string', required: true },
    lastName: { type: 'string', required: true },
    dni: { type: 'string', required: true },
    email: { type: 'string' },
    city: { type: 'string' },
  },
  outputs: { contactId: { type: 'string', from: '$.id' } },
};
const template = compileAction(spec).artifact.config.request.requestTemplate;
const input = { firstName: 'Ana', lastName: "O'Brien \"Jr\"", dni: '35399588', email: 'ana@example.com' };
// velocityjs alone, parsed once, with the EscapeTool call removed (it has no Genesys tools).
const plain = new velocityjs.Compile(velocityjs.parse(template.replace(/\$esc\.jsonString\(([^)]*)\)/g, '$1')));
const velocity = {
  'request body template': {
    dactl: throughput(() => renderTemplate(template, { input })),
    'velocityjs (parsed once, no tools)': throughput(() => plain.render({ input })),
  },
};
/** Milliseconds for one run of `operation` (the median of `runs`), after one warm-up run. */
function once(operation, runs = 3) {
  operation();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    operation();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

// Work that must grow linearly with its size: a big template, and an action with a big translation map.
const { templateReferences } = await import(new URL('velocity/template-references.js', dist));
const references = 100_000;
const bigTemplate = Array.from({ length: references }, (_, i) => `"k${i}": "$esc.jsonString($input.v${i % 10})",`).join('\n');
const bigInput = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`v${i}`, `value "${i}"`]));
// Names in another script all become the same Velocity-safe key, which then needs a numbered suffix.
const cjk = (i) => String.fromCharCode(0x4e00 + (i % 20_000)) + String.fromCharCode(0x4e00 + Math.floor(i / 20_000));
const outputs = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [i % 2 ? `out${i}` : cjk(i), { type: 'string', from: `$.items[${i}].name` }]));
const bigSpec = { ...spec, name: 'Wide response', request: { method: 'GET', url: '/api/v2/x' }, inputs: {}, outputs };
const bigSuccessTemplate = compileAction(bigSpec).artifact.config.response.successTemplate;
const scale = [
  {
    name: 'render a template with 100,000 references ($esc.jsonString)',
    ms: once(() => renderTemplate(bigTemplate + ' ', { input: bigInput }, { maxOutputLength: 100_000_000 })),
    target: 2000,
  },
  { name: 'compile an action with a 100,000-entry translation map (half of its names non-Latin)', ms: once(() => compileAction(bigSpec), 1), target: 5000 },
  { name: 'find the references of its success template (lint)', ms: once(() => templateReferences(bigSuccessTemplate + ' ')), target: 2000 },
];
process.stdout.write(JSON.stringify({ jsonpath, velocity, scale }));
