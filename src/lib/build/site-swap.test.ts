import { describe, expect, it } from 'vitest';
import { swapIn, type SwapFileSystem } from './site-swap.ts';

/** Folders and files as a map of path -> what is there; `failOn` names the rename that fails. */
function fakeFileSystem(state: Record<string, string>, failOn?: string): SwapFileSystem {
  return {
    exists: (path) => path in state,
    rename(from, to) {
      if (`${from} -> ${to}` === failOn) throw new Error(`EACCES: permission denied, rename '${from}' -> '${to}'`);
      if (!(from in state)) throw new Error(`ENOENT: ${from}`);
      state[to] = state[from]!;
      delete state[from];
    },
  };
}

const paths = {
  staging: 'dist.staging',
  output: 'dist',
  previous: 'dist.previous',
  ledger: { next: 'content/.ledger.json.next', current: 'content/ledger.json' },
};
const before = () => ({
  'dist.staging': 'new site',
  dist: 'old site',
  'content/.ledger.json.next': 'new ledger',
  'content/ledger.json': 'old ledger',
});

describe('swapIn', () => {
  it('puts the new site and the new ledger in place, the old site aside', () => {
    const state = before();
    swapIn(paths, fakeFileSystem(state));
    expect(state).toEqual({ dist: 'new site', 'dist.previous': 'old site', 'content/ledger.json': 'new ledger' });
  });

  it('works for a first build, with no site and no ledger yet', () => {
    const state: Record<string, string> = { 'dist.staging': 'new site', 'content/.ledger.json.next': 'new ledger' };
    swapIn(paths, fakeFileSystem(state));
    expect(state).toEqual({ dist: 'new site', 'content/ledger.json': 'new ledger' });
  });

  it.each(['dist -> dist.previous', 'dist.staging -> dist', 'content/.ledger.json.next -> content/ledger.json'])(
    'rolls everything back when %s fails: the old site and ledger, as they were',
    (failOn) => {
      const state = before();
      expect(() => swapIn(paths, fakeFileSystem(state, failOn))).toThrow(
        /^the new site could not be put in place \(EACCES: permission denied, rename .*\); it was rolled back$/,
      );
      expect(state).toEqual(before());
    },
  );

  it('says where the last good site is when it cannot be put back', () => {
    const state = before();
    const fs = fakeFileSystem(state, 'content/.ledger.json.next -> content/ledger.json');
    const rename = fs.rename;
    fs.rename = (from, to) => {
      if (from === 'dist.previous') throw new Error('EBUSY: resource busy');
      rename(from, to);
    };
    expect(() => swapIn(paths, fs)).toThrow(/nor everything put back: the last good site is in dist\.previous$/);
    expect(state['content/ledger.json']).toBe('old ledger');
  });
});
