/** File names (and so URLs) for what the ingest writes: articles and entity drafts. */
import { pinyin } from 'pinyin-pro';

/**
 * ASCII words joined by hyphens, Chinese by its toneless pinyin (`科技爱好者周刊（第 381 期）` →
 * `ke-ji-ai-hao-zhe-zhou-kan-di-381-qi`, `李彦宏` → `li-yan-hong`), cut at a word to at most 80 characters.
 */
export function slugOf(text: string, fallback: string): string {
  const spelled = /\p{Script=Han}/u.test(text)
    ? pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ')
    : text;
  const slug = spelled
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 80) return slug || fallback;
  return slug.slice(0, 81).replace(/-[^-]*$/, '');
}
