import { describe, expect, it } from 'vitest';
import { closestNames, foldName, nameIndexOf } from './name-index.ts';

const index = nameIndexOf([
  { page: '/organizations/tencent/', kind: 'organization', name: 'Tencent', forms: ['腾讯'] },
  { page: '/organizations/alibaba/', kind: 'organization', name: 'Alibaba', forms: ['阿里巴巴'] },
  { page: '/organizations/huawei/', kind: 'organization', name: 'Huawei', forms: ['华为'] },
  { page: '/organizations/deepseek/', kind: 'organization', name: 'DeepSeek', forms: ['深度求索'] },
  { page: '/products/deepseek-r1/', kind: 'product', name: 'DeepSeek-R1', forms: ['R1'] },
  { page: '/people/robin-li/', kind: 'person', name: 'Robin Li', forms: ['李彦宏'] },
  { page: '/people/liang-wenfeng/', kind: 'person', name: 'Liang Wenfeng', forms: ['梁文锋'] },
  { page: '/people/kai-fu-lee/', kind: 'person', name: 'Kai-fu Lee', forms: ['李開復'] },
  { page: '/concepts/risc-v/', kind: 'concept', name: 'RISC-V', forms: [] },
  { page: '/places/china/', kind: 'place', name: 'China', forms: ['中国'] },
]);
const first = (query: string) => closestNames(index, query)[0];

describe('names that forgive typos', () => {
  it.each([
    ['Alibabba', 'Alibaba', 1],
    ['Tencnet', 'Tencent', 2],
    ['Huawai', 'Huawei', 1],
    ['Deepsek', 'DeepSeek', 1],
    ['Robin Lee', 'Robin Li', 2],
    ['Liang Wengfeng', 'Liang Wenfeng', 1],
    ['Kaifu Li', 'Kai-fu Lee', 2],
    ['risc v', 'RISC-V', 0],
  ])('read %j as %s', (query, name, edits) => {
    expect(first(query)).toMatchObject({ name, edits });
  });

  it('know a name exactly, in either script, and in pinyin', () => {
    expect(first('DeepSeek')).toEqual({
      page: '/organizations/deepseek/',
      kind: 'organization',
      name: 'DeepSeek',
      edits: 0,
    });
    expect(first('李开复')).toMatchObject({ name: 'Kai-fu Lee', edits: 0 });
    expect(first('liyanhong')).toMatchObject({ name: 'Robin Li', edits: 0 });
    expect(first('tengxun')).toMatchObject({ name: 'Tencent', edits: 0 });
  });

  it('read no syllable of a Chinese name as the name', () => {
    expect(closestNames(index, 'wei')).toEqual([]);
    expect(closestNames(index, 'wenfeng')).toEqual([]);
    expect(first('liangwenfeng')).toMatchObject({ name: 'Liang Wenfeng', edits: 0 });
  });

  it('read nothing into a short word, a Chinese typo or an unrelated query', () => {
    expect(closestNames(index, 'a')).toEqual([]);
    expect(closestNames(index, 'Chin')).toEqual([]);
    expect(closestNames(index, '腾迅')).toEqual([]);
    expect(closestNames(index, 'open source')).toEqual([]);
    expect(closestNames(index, '   ')).toEqual([]);
  });

  it('fold names to the letters and digits a reader types', () => {
    expect(foldName('Kai-fu Lee')).toBe('kaifulee');
    expect(foldName('Café Group')).toBe('cafegroup');
    expect(foldName('ＤｅｅｐＳｅｅｋ')).toBe('deepseek');
    expect(foldName('梁文锋')).toBe('梁文锋');
  });
});
