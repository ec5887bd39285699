import fc from 'fast-check';
import type { ActionSpec, InputSpec, InputType, OutputSpec } from '../../src/spec/action-spec.js';

const inputTypes: InputType[] = ['string', 'integer', 'number', 'boolean'];
const inputName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/).filter((n) => !['rawRequest', 'orgId', 'integrationId'].includes(n));
/** Literal text with the characters templates care about: Velocity's `$` and `#`, JSON's quotes and escapes. */
const text = fc.string({ maxLength: 10, unit: fc.constantFrom(...'aZ09 -_/$#!{}"\'\\&?=.%é\n\t'.split('')) });

interface Declared {
  name: string;
  input: InputSpec;
}

const declaredInputs = fc.uniqueArray(
  fc.record({
    name: inputName,
    input: fc.record(
      { type: fc.constantFrom(...inputTypes), required: fc.boolean(), description: text },
      { requiredKeys: ['type'] },
    ),
  }),
  { selector: (d) => d.name, maxLength: 6 },
);

function placeholderText(names: string[]): fc.Arbitrary<string> {
  const pieces = names.length ? fc.oneof(text, fc.constantFrom(...names).map((n) => `{${n}}`)) : text;
  return fc
    .array(pieces, { maxLength: 4 })
    .map((parts) => parts.join(''))
    .filter((joined) => [...joined.matchAll(/\{([A-Za-z][A-Za-z0-9_-]*)\}/g)].every((m) => names.includes(m[1]!)));
}

function body(names: string[]): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    placeholderText(names),
    names.length ? fc.constantFrom(...names).map((n) => `{${n}}`) : placeholderText([]),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), tie('value'), { maxKeys: 4 }),
    ),
  })).value;
}

const definitePath = fc.array(fc.constantFrom('.id', '.title', '.total', '.a.b', '[0]', "['x y']", '.entities[1]'), { minLength: 1, maxLength: 3 }).map((s) => '$' + s.join(''));
const indefinitePath = fc.constantFrom('$.entities[*].id', '$..id', "$.entities[?(@.title)].id", "$.participants[?(@.purpose=='customer')].chats[0].id", '$.entities[0:2].title');

function defaultFor(type: OutputSpec['type']): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': return text;
    case 'integer': return fc.integer();
    case 'number': return fc.integer();
    case 'boolean': return fc.boolean();
    case 'array': return fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 });
    case 'object': return fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), fc.oneof(text, fc.integer()), { maxKeys: 2 });
  }
}

const output: fc.Arbitrary<OutputSpec> = fc.letrec((tie) => ({
  output: fc.oneof(
    { depthSize: 'small', maxDepth: 2 },
    fc
      .tuple(fc.constantFrom<OutputSpec['type']>('string', 'integer', 'number', 'boolean', 'object', 'array'), fc.boolean(), fc.boolean(), fc.boolean())
      .chain(([type, definite, withDefault, required]) =>
        fc.tuple(definite ? definitePath : indefinitePath, withDefault ? defaultFor(type).map((d) => ({ d })) : fc.constant(undefined)).map(([from, d]) => {
          const spec: OutputSpec = { type, from };
          if (d) spec.default = d.d;
          if (required) spec.required = true;
          if (type === 'array') spec.items = 'string';
          return spec;
        }),
      ),
    fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,5}$/), tie('output'), { minKeys: 1, maxKeys: 3 }).map(
      (properties): OutputSpec => ({ type: 'object', properties: properties as Record<string, OutputSpec> }),
    ),
  ),
})).output as fc.Arbitrary<OutputSpec>;

/** Action specs the compiler accepts: every placeholder names a declared input, url placeholders are required inputs. */
export const actionSpec: fc.Arbitrary<ActionSpec> = declaredInputs.chain((declared: Declared[]) => {
  const names = declared.map((d) => d.name);
  const required = declared.filter((d) => d.input.required).map((d) => d.name);
  return fc
    .record({
      name: fc.string({ minLength: 1, maxLength: 20 }),
      integration: fc.constantFrom('purecloud-data-actions', 'custom-rest-actions', 'aws-lambda-data-actions'),
      secure: fc.boolean(),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE' as const),
      path: fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9]{1,6}$/), required.length ? fc.constantFrom(...required).map((n) => `{${n}}`) : fc.constant('x')), { maxLength: 4 }),
      query: fc.option(fc.dictionary(fc.stringMatching(/^[a-zA-Z ]{1,6}$/), fc.oneof(placeholderText(names), fc.integer(), fc.boolean()), { maxKeys: 3 }), { nil: undefined }),
      body: fc.option(body(names), { nil: undefined }),
      headers: fc.option(fc.dictionary(fc.stringMatching(/^X-[A-Za-z]{1,6}$/), text, { maxKeys: 2 }), { nil: undefined }),
      outputs: fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/), output, { maxKeys: 4 }),
    })
    .map((r) => {
      const spec: ActionSpec = {
        name: r.name,
        integration: r.integration,
        request: { method: r.method, url: '/api/v2/' + r.path.join('/') },
        outputs: r.outputs,
      };
      if (r.secure) spec.secure = true;
      if (declared.length) spec.inputs = Object.fromEntries(declared.map((d) => [d.name, d.input]));
      if (r.query) spec.request.query = r.query;
      if (r.headers) spec.request.headers = r.headers;
      if (r.body !== undefined && r.method !== 'GET') spec.request.body = r.body;
      return spec;
    });
});
