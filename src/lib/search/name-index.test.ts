import { describe, expect, it } from 'vitest';
import { nameShardsOf } from './name-index.ts';
import {
  addShard,
  closestNames,
  closestWords,
  emptyNameIndex,
  foldName,
  LONGEST_SHARD,
  shardsFor,
  type NameIndex,
} from './name-match.ts';

const shards = nameShardsOf(
  [
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
  ],
  ['DeepSeek, Open Source, and the Chinese State', 'Huawei’s Harmony'],
);
/** The index as search has it for a query: only the shards that query needs. */
const indexFor = (query: string): NameIndex => {
  const index = emptyNameIndex();
  for (const shard of shardsFor(query)) addShard(index, shard, shards.get(shard)!);
  return index;
};
const first = (query: string) => closestNames(indexFor(query), query)[0];

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
      within: false,
    });
    expect(first('李开复')).toMatchObject({ name: 'Kai-fu Lee', edits: 0 });
    expect(first('liyanhong')).toMatchObject({ name: 'Robin Li', edits: 0 });
    expect(first('tengxun')).toMatchObject({ name: 'Tencent', edits: 0 });
  });

  it('read no syllable of a Chinese name as the name', () => {
    expect(closestNames(indexFor('wei'), 'wei')).toEqual([]);
    expect(closestNames(indexFor('wenfeng'), 'wenfeng')).toEqual([]);
    expect(first('liangwenfeng')).toMatchObject({ name: 'Liang Wenfeng', edits: 0 });
  });

  it('read nothing into a short word, a Chinese typo or an unrelated query', () => {
    expect(closestNames(indexFor('a'), 'a')).toEqual([]);
    expect(closestNames(indexFor('Chin'), 'Chin')).toEqual([]);
    expect(closestNames(indexFor('腾迅'), '腾迅')).toEqual([]);
    expect(closestNames(indexFor('open source'), 'open source')).toEqual([]);
    expect(closestNames(indexFor('   '), '   ')).toEqual([]);
  });

  it('fold names to the letters and digits a reader types', () => {
    expect(foldName('Kai-fu Lee')).toBe('kaifulee');
    expect(foldName('Café Group')).toBe('cafegroup');
    expect(foldName('ＤｅｅｐＳｅｅｋ')).toBe('deepseek');
    expect(foldName('梁文锋')).toBe('梁文锋');
  });

  it('find a name within a longer query, the longest name first, after a name the whole query is near', () => {
    expect(closestNames(indexFor('DeepSeek open source'), 'DeepSeek open source')).toEqual([
      expect.objectContaining({ name: 'DeepSeek', edits: 0, within: true }),
    ]);
    expect(first('Liang Wenfeng interview')).toMatchObject({ name: 'Liang Wenfeng', within: true });
    expect(first('what Robin Li said of 梁文锋')).toMatchObject({ name: 'Robin Li', within: true });
    expect(first('Deepsek R1')).toMatchObject({ name: 'DeepSeek-R1', edits: 1, within: false });
  });

  it('are in shards by key length: a query fetches the shards within its allowed edits, and each of its words', () => {
    expect(shardsFor('Tencnet')).toEqual(['5', '6', '7', '8', '9']);
    expect(shardsFor('Chin')).toEqual(['4']);
    expect(new Set(shardsFor('open source'))).toEqual(new Set(['4', '6', '8', '9', '10', '11', '12']));
    expect(shardsFor('x'.repeat(40))).toEqual([String(LONGEST_SHARD)]);
    expect(shards.get('7')!.names.map(([, name]) => name)).toEqual(expect.arrayContaining(['Tencent', 'Alibaba']));
    expect(shards.get('7')!.names.map(([, name]) => name)).not.toContain('Huawei');
  });

  it('keep Chinese keys in shards of their own: a Latin query never fetches them, nor a Chinese one the Latin ones', () => {
    expect(shardsFor('李开复')).toEqual(['zh-3']);
    expect(new Set(shardsFor('Robin Li 李彦宏'))).toEqual(new Set(['zh-10', '5', '2', '7', 'zh-3', 'zh-5']));
    expect(shards.get('zh-3')!.names.map(([, name]) => name)).toEqual(
      expect.arrayContaining(['Kai-fu Lee', 'Liang Wenfeng', 'Robin Li']),
    );
    // Each shard holds only its own script's keys: 腾讯 in zh-2, Tencent's pinyin "tengxun" in 7.
    expect(shards.get('zh-2')!.names.find(([, name]) => name === 'Tencent')).toEqual([
      '/organizations/tencent/',
      'Tencent',
      'organization',
      '腾讯',
      '騰訊',
    ]);
    expect(shards.get('7')!.names.find(([, name]) => name === 'Tencent')).toEqual([
      '/organizations/tencent/',
      'Tencent',
      'organization',
      'tengxun',
    ]);
    expect(first('李开复')).toMatchObject({ name: 'Kai-fu Lee', edits: 0 });
    expect(first('tengxun')).toMatchObject({ name: 'Tencent', edits: 0 });
  });

  it('offer the articles’ title words a query is a typo of, never a word that is a name', () => {
    expect(closestWords(indexFor('Chinse'), 'Chinse')).toEqual(['Chinese']);
    expect(closestWords(indexFor('Harmny'), 'Harmny')).toEqual(['Harmony']);
    expect(closestWords(indexFor('Deepsek'), 'Deepsek')).toEqual([]);
    expect(closestWords(indexFor('Chinese'), 'Chinese')).toEqual([]);
  });
});
