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

const paths = {
  filter: '$.entities[?(@.title)].id',
  'deep scan': '$..city',
  definite: '$.entities[250].chats[0].id',
};
const jsonpath = {};
for (const [kind, path] of Object.entries(paths)) {
  const ours = compileJsonPath(path);
  const theirs = jsonP3.compile(path);
  jsonpath[kind] = {
    path,
    dactl: throughput(() => ours.evaluate(document)),
    'json-p3': throughput(() => theirs.query(document).values()),
    'jsonpath-plus': throughput(() => JSONPath({ path, json: document, wrap: true })),
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
process.stdout.write(JSON.stringify({ jsonpath, velocity }));
