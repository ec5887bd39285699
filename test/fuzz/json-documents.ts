import fc from 'fast-check';

const keys = fc.oneof(
  fc.constantFrom('a', 'b', 'id', 'title', 'entities', 'x', 'name', '__proto__', 'constructor', 'toString', 'length', ''),
  fc.string({ maxLength: 6 }),
);

/** JSON documents with the keys paths like to ask for, including the dangerous ones. */
export const jsonDocument: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(keys, tie('value'), { maxKeys: 5 }),
  ),
})).value;
