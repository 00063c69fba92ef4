import { describe, expect, it } from 'vitest';
import { findCycles, topologicalOrder } from '../../src/core/graph.js';

const graph = (edges: Record<string, string[]>): Map<string, string[]> =>
  new Map(Object.entries(edges));

describe('findCycles', () => {
  it.each<{ name: string; edges: Record<string, string[]>; cycles: string[][] }>([
    { name: 'no edges', edges: { a: [], b: [] }, cycles: [] },
    { name: 'a chain', edges: { a: ['b'], b: ['c'], c: [] }, cycles: [] },
    { name: 'a self-loop', edges: { a: ['a'] }, cycles: [['a', 'a']] },
    { name: 'two nodes', edges: { a: ['b'], b: ['a'] }, cycles: [['a', 'b', 'a']] },
    {
      name: 'a cycle below the start',
      edges: { a: ['b'], b: ['c'], c: ['b'] },
      cycles: [['b', 'c', 'b']],
    },
    {
      name: 'two separate cycles',
      edges: { a: ['b'], b: ['a'], c: ['d'], d: ['c'] },
      cycles: [
        ['a', 'b', 'a'],
        ['c', 'd', 'c'],
      ],
    },
    { name: 'edges to unknown nodes', edges: { a: ['missing'], b: ['a'] }, cycles: [] },
    { name: 'a diamond', edges: { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, cycles: [] },
  ])('$name', ({ edges, cycles }) => {
    expect(findCycles(graph(edges))).toEqual(cycles);
  });
});

describe('topologicalOrder', () => {
  const byName = (a: string, b: string): number => a.localeCompare(b);

  it.each<{ name: string; edges: Record<string, string[]>; order: string[] }>([
    { name: 'by name when independent', edges: { b: [], a: [], c: [] }, order: ['a', 'b', 'c'] },
    {
      name: 'upstream first',
      edges: { train: ['load'], load: [], evaluate: ['train'] },
      order: ['load', 'train', 'evaluate'],
    },
    { name: 'unknown upstream ignored', edges: { b: ['missing'], a: ['b'] }, order: ['b', 'a'] },
    {
      name: 'a cycle placed by name',
      edges: { b: ['a'], a: ['b'], c: [] },
      order: ['c', 'a', 'b'],
    },
  ])('$name', ({ edges, order }) => {
    expect(topologicalOrder(graph(edges), byName)).toEqual(order);
  });
});
