import { expect, test } from 'vitest';
import { flattenForArchitect } from '../../src/simulate/index.js';

test.each([
  ['scalars stay as they are', { a: 1, b: 'x', c: null, d: true }, { a: 1, b: 'x', c: null, d: true }],
  ['nested objects become dotted keys', { oWaiting: { count: 1, queue: { id: 'q' } } }, { 'oWaiting.count': 1, 'oWaiting.queue.id': 'q' }],
  ['an array of primitives is one collection', { ids: ['a', 'b'] }, { ids: ['a', 'b'] }],
  ['an empty array stays an empty collection', { ids: [] }, { ids: [] }],
  [
    'an array of objects becomes one collection per leaf, null where an element lacks it',
    { items: [{ id: 1, name: 'a' }, { id: 2 }] },
    { 'items.id': [1, 2], 'items.name': ['a', null] },
  ],
  ['objects inside array elements flatten too', { items: [{ user: { id: 'u1' } }, { user: { id: 'u2' } }] }, { 'items.user.id': ['u1', 'u2'] }],
  ['a root array of objects', [{ id: 1 }, { id: 2 }], { id: [1, 2] }],
])('%s', (_, output, flattened) => {
  expect(flattenForArchitect(output)).toEqual(flattened);
});
