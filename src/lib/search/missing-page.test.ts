import { describe, expect, it } from 'vitest';
import { missingPathQueries } from './missing-page.ts';

describe('the words of a missing address', () => {
  it('asks for the last segment first, with its hyphens as spaces', () => {
    expect(missingPathQueries('/org/deepsek/')).toEqual(['deepsek', 'org']);
    expect(missingPathQueries('/people/liang-wenfang/index.html')).toEqual(['liang wenfang', 'people']);
  });

  it('reads escaped Chinese, and leaves out numbers, empty segments and repeats', () => {
    expect(missingPathQueries('/%E6%B7%B1%E5%BA%A6%E6%B1%82%E7%B4%A2/')).toEqual(['深度求索']);
    expect(missingPathQueries('/concepts/open-source/passages/2/')).toEqual(['passages', 'open source', 'concepts']);
    expect(missingPathQueries('//a/a/')).toEqual(['a']);
    expect(missingPathQueries('/')).toEqual([]);
  });

  it('survives a malformed escape', () => {
    expect(missingPathQueries('/deep%E0seek/')).toEqual(['deep%E0seek']);
  });
});
