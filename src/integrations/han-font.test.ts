import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devHanFace, isHanFaceFile, writeHanFace } from './han-font.ts';

const root = mkdtempSync(join(tmpdir(), 'dossier-han-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function site(name: string) {
  const out = join(root, name);
  for (const [page, text] of [
    ['index.html', '深度求索 and 李彦宏'],
    ['articles/a/index.html', '李開復 says 智商税'],
  ] as const) {
    mkdirSync(join(out, page, '..'), { recursive: true });
    writeFileSync(join(out, page), `<!doctype html><html><body><p>${text}</p></body></html>`);
  }
  return out;
}
const face = (out: string) =>
  readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((file) => isHanFaceFile(file))
    .sort()
    .map((file) => [file, readFileSync(join(out, file)).toString('base64')]);

describe('writeHanFace', () => {
  it('writes the face of the pages, and the same face again from its cache', async () => {
    const cache = join(root, 'cache');
    const cold = site('cold');
    expect(await writeHanFace(cold, '/', cache)).toMatch(
      /^Chinese face: 12 characters in \d+ slices \(0 from the cache\)/,
    );
    const css = readFileSync(join(cold, 'fonts/han.css'), 'utf8');
    expect(css).toContain('local("NotoSansSC-Regular")');
    expect(css).toMatch(/url\(\/_astro\/han-[0-9a-f]{10}\.woff2\)/);
    const warm = site('warm');
    const slices = face(cold).filter(([file]) => file!.endsWith('.woff2')).length;
    expect(await writeHanFace(warm, '/', cache)).toContain(`(${slices} from the cache)`);
    expect(face(warm)).toEqual(face(cold));
  });
});

describe('devHanFace', () => {
  it('serves astro dev a stylesheet whose slices cover every Chinese character, each slice a WOFF2 it serves', () => {
    const served = devHanFace('/kb/');
    const css = String(served.get('/kb/fonts/han.css')!.body());
    const rules = [...css.matchAll(/url\(([^)]+)\) format\("woff2"\);unicode-range:([^}]+)\}/g)];
    expect(rules.length).toBeGreaterThan(50);
    const covers = (char: string) =>
      rules.some(([, , ranges]) =>
        ranges!.split(',').some((range) => {
          const [from, to = from] = range
            .replace('U+', '')
            .split('-')
            .map((hex) => parseInt(hex!, 16));
          return char.codePointAt(0)! >= from! && char.codePointAt(0)! <= to!;
        }),
      );
    for (const char of '深度求索李彦宏李開復智商税梁文锋') expect(covers(char), char).toBe(true);
    for (const [, href] of rules) {
      const file = served.get(href!)!;
      expect(file.type).toBe('font/woff2');
    }
    expect(Buffer.from(served.get(rules[0]![1]!)!.body()).subarray(0, 4).toString()).toBe('wOF2');
  });
});
