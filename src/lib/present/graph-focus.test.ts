import { describe, expect, it } from 'vitest';
import { neighbours } from './graph-focus.ts';

describe('neighbours', () => {
  const ends: [number, number][] = [
    [0, 1],
    [2, 0],
    [1, 2],
    [3, 4],
  ];
  it('is the node and every node a line joins it to, whichever end it is', () => {
    expect([...neighbours(ends, 0)].sort()).toEqual([0, 1, 2]);
    expect([...neighbours(ends, 4)].sort()).toEqual([3, 4]);
  });
  it('is the node alone when no line reaches it', () => {
    expect([...neighbours(ends, 5)]).toEqual([5]);
  });
});
