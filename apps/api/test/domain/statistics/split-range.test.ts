import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitRange } from '../../../src/domain/statistics/split-range.ts';

const at = (time: string) => new Date(`2026-03-01T${time}Z`);
const show = (range: { from: Date; to: Date } | undefined) =>
  range && `${range.from.toISOString().slice(11, 19)}-${range.to.toISOString().slice(11, 19)}`;

describe('splitRange', () => {
  const cases = [
    {
      name: 'whole hours only',
      range: ['10:00:00', '13:00:00'],
      hours: '10:00:00-13:00:00',
      edges: [],
    },
    {
      name: 'partial hours at both ends',
      range: ['09:45:00', '13:15:30'],
      hours: '10:00:00-13:00:00',
      edges: ['09:45:00-10:00:00', '13:00:00-13:15:30'],
    },
    {
      name: 'a partial hour at the start only',
      range: ['09:59:59', '11:00:00'],
      hours: '10:00:00-11:00:00',
      edges: ['09:59:59-10:00:00'],
    },
    {
      name: 'less than an hour, inside one',
      range: ['10:05:00', '10:50:00'],
      hours: undefined,
      edges: ['10:05:00-10:50:00'],
    },
    {
      name: 'less than an hour, across a boundary',
      range: ['10:30:00', '11:20:00'],
      hours: undefined,
      edges: ['10:30:00-11:20:00'],
    },
    {
      name: 'just one whole hour between two partial ones',
      range: ['09:30:00', '11:30:00'],
      hours: '10:00:00-11:00:00',
      edges: ['09:30:00-10:00:00', '11:00:00-11:30:00'],
    },
  ];

  for (const { name, range, hours, edges } of cases) {
    it(`should split ${name}`, () => {
      const split = splitRange({ from: at(range[0] as string), to: at(range[1] as string) });

      assert.equal(show(split.hours), hours);
      assert.deepEqual(split.edges.map(show), edges);
    });
  }
});
