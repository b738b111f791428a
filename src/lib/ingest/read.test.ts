import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../cli/seeded-random.ts';
import { parseDate } from './source-header.ts';
import { bodyText, keptSentences } from './fidelity.ts';
import { decodeSource, formatOf, readSource, SourceError } from './read.ts';
import { shapeArticle } from './shape.ts';
import { articleFile, articleSlug, toMdx } from './write.ts';

/** Each fixture below shows one shape real articles have; all are written for these tests. */
const ingest = (text: string, format: 'text' | 'markdown' | 'html', url?: string) =>
  shapeArticle(readSource(text, format, { file: 'fixture', url }));
const mdxOf = (text: string, format: 'text' | 'markdown' | 'html', url?: string) => {
  const shaped = ingest(text, format, url);
  return articleFile({ title: shaped.meta.title ?? 'T', dek: 'D', source: { publication: 'P' } }, shaped.tree);
};

const HUGO = `---
title: "A model release：思深"
date: 2025-04-29T04:00:00+08:00
# description: "commented out"
draft: false
---

{{< figure src="https://example.com/banner.png" alt="Banner" >}}
{{< button href="https://chat.example" label="CHAT" >}}

## Introduction

Today we release the model.<!-- more --> It thinks<br>step by step.

<div align="center">
<img src="https://example.com/chart.png" alt="A chart">
H<sub>2</sub>O is <center>water</center>.
</div>

| Model | 模型 |
|---|---|
| Moonshot | 月之暗面 |
`;

describe('reading Markdown as blogs write it', () => {
  it('takes YAML front matter as metadata, the date as written, not as UTC', () => {
    const { meta, findings } = ingest(HUGO, 'markdown');
    expect(meta).toMatchObject({ title: 'A model release：思深', date: '2025-04-29' });
    expect(findings.map((finding) => finding.message)).toContain('YAML front matter: read as the article’s metadata');
  });

  it('sets Hugo shortcodes aside, with their lines, and never prints them', () => {
    const { findings } = ingest(HUGO, 'markdown');
    const mdx = mdxOf(HUGO, 'markdown');
    expect(mdx).not.toMatch(/figure|button|\{\{/);
    expect(findings).toContainEqual(
      expect.objectContaining({
        line: 8,
        level: 'flagged',
        message: expect.stringContaining('{{< figure >}} (“Banner”)'),
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ line: 9, message: expect.stringContaining('{{< button >}}') }),
    );
  });

  it('reads raw HTML (comments, <br>, <div>, <sub>, <center>, images) without crashing or losing text', () => {
    const mdx = mdxOf(HUGO, 'markdown');
    expect(mdx).toContain('Today we release the model. It thinks');
    expect(mdx).toMatch(/step by step\./);
    expect(mdx).toContain('H2O is water.');
    expect(mdx).not.toContain('<!--');
    expect(mdx).toMatch(/\| Moonshot \| 月之暗面 \|/);
    expect(ingest(HUGO, 'markdown').findings).toContainEqual(
      expect.objectContaining({ line: 16, message: expect.stringContaining('an image (“A chart”) was left out') }),
    );
  });

  it('takes TOML front matter, and a web export’s Title:/URL Source: header', () => {
    const toml = ingest(
      '+++\ndate = 2025-11-30\ntitle = "Breakneck"\nauthors = [ "Max Crone",]\n\n[extra]\nwriter = "Someone Else"\n+++\nFirst line.\n<!-- more -->\nSecond line.\n',
      'markdown',
    );
    expect(toml.meta).toEqual({ title: 'Breakneck', date: '2025-11-30', authors: ['Max Crone'] });
    expect(toMdx(toml.tree)).toBe('First line.\n\nSecond line.\n');
    const exported = ingest(
      'Title: An FAQ\n\nURL Source: https://example.com/2025/faq/\n\nPublished Time: 2025-01-27T14:05:14+00:00\n\nMarkdown Content:\nSee [the post](/2025/post/).\n',
      'markdown',
    );
    expect(exported.meta).toEqual({ title: 'An FAQ', url: 'https://example.com/2025/faq/', date: '2025-01-27' });
    expect(toMdx(exported.tree)).toContain('[the post](https://example.com/2025/post/)');
  });

  it('refuses a JavaScript front matter instead of running it', () => {
    expect(() =>
      readSource('---js\n{ title: require("fs").writeFileSync("/tmp/pwned", "x") }\n---\nText.\n', 'markdown', {
        file: 'post.md',
      }),
    ).toThrow(
      /^post\.md:1: opens its front matter with "---js"; front matter is YAML data only, .* ingest reads YAML \(---\) or TOML \(\+\+\+\) front matter$/,
    );
    expect(existsSync('/tmp/pwned')).toBe(false);
    expect(() => readSource('+++\ntitle = \n+++\nText.\n', 'markdown', { file: 'post.md' })).toThrow(
      /^post\.md:\d+: the TOML front matter does not parse/,
    );
  });

  it('keeps footnotes as written, and drops links that are not safe to follow', () => {
    const mdx = mdxOf(
      'A claim.[^a] See [this](javascript:alert(1)) and [that](https://example.com).\n\n[^a]: The source, [here](https://example.com/s).\n',
      'markdown',
    );
    expect(mdx).toContain('A claim.[^a] See this and [that](https://example.com).');
    expect(mdx).toContain('[^a]: The source, [here](https://example.com/s).');
    expect(mdx).not.toContain('javascript');
    expect(ingest('See [this](javascript:alert(1)).', 'markdown').findings).toContainEqual(
      expect.objectContaining({
        level: 'flagged',
        line: 1,
        message: expect.stringContaining('a javascript: link (“this”) was dropped'),
      }),
    );
  });
});

const PAGE = `<!doctype html><html lang="en"><head>
<title>An essay | A Site</title>
<meta property="og:title" content="An essay on chips">
<meta property="og:site_name" content="A Site">
<meta name="description" content="Why chips matter.">
<link rel="canonical" href="https://blog.example/essays/chips/">
<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2024-03-05T10:00:00Z","author":{"@type":"Person","name":"Ada Writer"}}</script>
</head><body>
<header><a href="/">Skip to content</a><nav><a href="/">Home</a> <a href="/all">All writing</a> <a href="/about">About</a></nav></header>
<main><article>
<h1>An essay on chips</h1>
<p class="date">5 March 2024</p>
<p>By Ada Writer</p>
<p>8 min read</p>
<p>Export controls changed how chips are made in China, and the firms that make them.<sup><a href="#fn1" id="ref1">1</a></sup> The rules came in 2022.</p>
<p>They are strict. Read <a href="/essays/older/">the older essay</a> or <a href="javascript:void(0)">this</a> for more on the rules and their effects on the firms that design and make the chips.</p>
<p>OpenAI’s o1 model and Qwen3 are names, not footnotes, and so are H800, 7nm and GPT-4o in any essay like this one.</p>
<p>Substack writes its notes another way.<a class="footnote-anchor" id="footnote-anchor-2" href="#footnote-2">2</a> And Hugo another.<sup id="fnref:3"><a href="#fn:3" class="footnote-ref" role="doc-noteref">3</a></sup></p>
<div class="footnotes"><ol><li id="fn1"><p>The rules of October 2022. <a href="#ref1">↩</a></p></li></ol></div>
<div class="footnote"><a id="footnote-2" href="#footnote-anchor-2" class="footnote-number">2</a><div class="footnote-content"><p>A Substack note.</p></div></div>
<div class="footnotes" role="doc-endnotes"><hr><ol><li id="fn:3"><p>A Hugo note.&#160;<a href="#fnref:3" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p></li></ol></div>
</article></main>
<aside><h2>Related</h2><ul><li><a href="/x">Another essay</a></li><li><a href="/y">And another</a></li><li><a href="/z">A third</a></li></ul></aside>
<footer><p>© A Site. <a href="/rss">RSS</a> <a href="/src">View source</a></p></footer>
</body></html>`;

describe('reading an HTML page', () => {
  const shaped = ingest(PAGE, 'html');
  const mdx = mdxOf(PAGE, 'html');

  it('takes the article out of the page: navigation, header, footer and sidebar never reach it', () => {
    for (const chrome of [
      'Skip to content',
      'All writing',
      'About',
      'Related',
      'Another essay',
      'View source',
      'RSS',
      '© A Site',
      '5 March 2024',
      'By Ada Writer',
      '8 min read',
      'An essay on chips',
    ])
      expect(mdx.replace(/^---\n[\s\S]*?\n---\n/, '')).not.toContain(chrome);
    expect(mdx).toContain('Export controls changed how chips are made in China');
  });

  it('reads title, author, date, URL and description from the page’s meta and JSON-LD', () => {
    expect(shaped.meta).toEqual({
      title: 'An essay on chips',
      dek: 'Why chips matter.',
      date: '2024-03-05',
      authors: ['Ada Writer'],
      publication: 'A Site',
      url: 'https://blog.example/essays/chips/',
    });
  });

  it('brings footnotes back with their texts, and makes relative links absolute against the page’s URL', () => {
    expect(mdx).toContain('and the firms that make them.[^1] The rules came in 2022.');
    expect(mdx).toContain('[^1]: The rules of October 2022.');
    // Substack's and Hugo's shapes too.
    expect(mdx).toContain('Substack writes its notes another way.[^2] And Hugo another.[^3]');
    expect(mdx).toMatch(/\[\^2\]: A Substack note\.\n\n\[\^3\]: A Hugo note\.\s*$/);
    expect(mdx).toContain('[the older essay](https://blog.example/essays/older/)');
    expect(mdx).not.toContain('javascript');
  });

  it('never takes a digit inside a name for a footnote marker', () => {
    expect(mdx).toContain('OpenAI’s o1 model and Qwen3 are names, not footnotes, and so are H800, 7nm and GPT-4o');
  });

  it('says so when a page has no article, rather than crashing', () => {
    expect(() =>
      readSource('<html><body><nav><a href="/">Home</a></nav></body></html>', 'html', { file: 'empty.html' }),
    ).toThrow(/^empty\.html: no article text found in the page/);
  });
});

const SUBSTACK = `Kimi and the moment
One moment was not enough, hopefully we don't need a third.
Ada Writer and Bo Author
Jul 15, 2025
Last week a startup named Moonshot dropped Kimi K2, an open model that is permissively licensed1 and competitive with the best. OpenAI's o1 and K2 are compared often.

Share

Kimi K2 is a mixture of experts model2 with a trillion parameters, trained with a relatively unproven optimizer Muon3 at scale. Qwen3 and Qwen3 again are names.

The closing paragraph of the post. Thanks for reading, and thank you to my editors.

1
The modified MIT license is somewhat annoying.

2
Very similar to an earlier architecture.

3
Beautiful learning curve.
`;

describe('reading a Substack post copied as text', () => {
  const shaped = ingest(SUBSTACK, 'text');
  const mdx = toMdx(shaped.tree);

  it('takes the post’s header as its metadata', () => {
    expect(shaped.meta).toEqual({
      title: 'Kimi and the moment',
      dek: "One moment was not enough, hopefully we don't need a third.",
      authors: ['Ada Writer', 'Bo Author'],
      date: '2025-07-15',
    });
    expect(mdx).not.toContain('Jul 15, 2025');
  });

  it('attaches notes written as a bare number line, and only to markers a note exists for', () => {
    expect(mdx).toContain('permissively licensed[^1] and');
    expect(mdx).toContain('experts model[^2] with');
    expect(mdx).toContain('optimizer Muon[^3] at scale');
    expect(mdx).toContain("OpenAI's o1 and K2 are compared often.");
    expect(mdx).toContain('Qwen3 and Qwen3 again');
    expect(mdx).toMatch(/\[\^1\]: The modified MIT license is somewhat annoying\.\n/);
    expect(mdx).toMatch(/\[\^3\]: Beautiful learning curve\.\n$/);
  });

  it('sets apart the Share line, and takes the author’s own thanks for no reader comment', () => {
    expect(mdx).toMatch(/<Aside label="From the newsletter">\s+Share\s+<\/Aside>/);
    expect(mdx).not.toContain('<Comment>');
    expect(mdx).toContain('The closing paragraph of the post. Thanks for reading, and thank you to my editors.');
  });

  it('reads comments only where the source marks them', () => {
    const marked = toMdx(
      ingest(
        'The post itself, long enough to be prose.\n\nThe end of the post.\n\n3 Comments\n\nGreat piece, thanks!\n\nI disagree with the second point.',
        'text',
      ).tree,
    );
    expect(marked.match(/<Comment>/g)).toHaveLength(2);
  });
});

describe('structure only on evidence', () => {
  it('turns an FAQ (bold questions, prose answers) into a Q&A block, and can be told not to', () => {
    const faq =
      '**Why now?**\n\nBecause the model shipped.\n\n**What changed?**\n\nThe price.\n\n> A quote in the answer.\n';
    expect(toMdx(ingest(faq, 'markdown').tree)).toMatch(/^<Interview>\n {2}\*\*Why now\?\*\*/);
    expect(toMdx(shapeArticle(readSource(faq, 'markdown'), { faq: false }).tree)).not.toContain('<Interview>');
  });
});

describe('any input: an article or one clear line, never a stack trace', () => {
  it('refuses binary, NUL bytes, invalid UTF-8 and empty files, naming the file and line', () => {
    expect(() =>
      decodeSource(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), 'image.txt'),
    ).toThrow(/^image\.txt:3: holds a NUL byte, so it is binary/);
    expect(() => decodeSource(Buffer.from('line one\nline two \xe9t\xe9\n', 'latin1'), 'latin1.md')).toThrow(
      /^latin1\.md:2: is not UTF-8 text/,
    );
    expect(() => decodeSource(Buffer.from('  \n\n'), 'blank.txt')).toThrow(/^blank\.txt: is empty/);
    expect(() => decodeSource(Buffer.from('x'), 'x.txt', 'klingon')).toThrow(/^x\.txt: “klingon” is no text encoding/);
    expect(() =>
      decodeSource(Buffer.from('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f'.repeat(3)), 'x.txt'),
    ).toThrow(SourceError);
  });

  it('reads another encoding when the editor names it, or when an HTML page declares it', () => {
    const gbk = Uint8Array.from([0xd4, 0xc2, 0xd6, 0xae, 0xb0, 0xb5, 0xc3, 0xe6]); // 月之暗面 in GB18030
    expect(decodeSource(gbk, 'gbk.txt', 'gb18030')).toBe('月之暗面');
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="gbk"></head><body><p>'),
      gbk,
      Buffer.from('</p></body></html>'),
    ]);
    expect(decodeSource(page, 'page.html')).toContain('<p>月之暗面</p>');
  });

  it('never writes a newsletter’s text as MDX code: import and export lines read back as text', () => {
    for (const format of ['text', 'markdown', 'html'] as const) {
      const source =
        format === 'html'
          ? '<p>export const n = require("fs")</p><p>import x from "y"</p><p>A {brace} and <b>bold</b>, written long enough to count as prose in any article.</p>'
          : 'export const n = require("fs")\n\nimport x from "y"\n\nA {brace} and more prose.\n';
      const mdx = toMdx(ingest(source, format).tree);
      expect(mdx).not.toMatch(/^(?:export|import) /m);
      expect(mdx).toMatch(/^&#x65;xport const n = require\("fs"\)$/m);
    }
  });

  it('parses publication dates as sources write them, and only real ones', () => {
    expect(parseDate('Jul 15, 2025')).toBe('2025-07-15');
    expect(parseDate('15 July 2025')).toBe('2025-07-15');
    expect(parseDate('2020-01-02 17:11')).toBe('2020-01-02');
    expect(parseDate('2025年4月29日')).toBe('2025-04-29');
    expect(parseDate('Feb 30, 2025')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
  });

  it('names articles in ASCII, Chinese titles by their pinyin', () => {
    expect(articleSlug('Kimi K2 and when "DeepSeek Moments" become normal')).toBe(
      'kimi-k2-and-when-deepseek-moments-become-normal',
    );
    expect(articleSlug('益阳：“数字”是优长')).toBe('yi-yang-shu-zi-shi-you-chang');
    expect(articleSlug('x '.repeat(100)).length).toBeLessThanOrEqual(80);
  });
});

describe('the text survives ingest, sentence for sentence', () => {
  const WORDS =
    'the model chips export controls China firm open source DeepSeek Qwen3 o1 V3 H800 7nm GPT-4o said that 李彦宏 智商税 price {brace} <tag> *star* _under_ [bracket] `tick` #hash 1. - > | ~ \\ & ; import export'.split(
      ' ',
    );
  const random = seededRandom(7);
  const sentence = () => {
    const words = Array.from(
      { length: 6 + Math.floor(random() * 10) },
      () => WORDS[Math.floor(random() * WORDS.length)]!,
    );
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };

  it('keeps every sentence of 200 generated documents, in every format', { timeout: 60_000 }, () => {
    for (let n = 0; n < 200; n++) {
      const paragraphs = Array.from({ length: 2 + Math.floor(random() * 5) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(' '),
      );
      const format = (['text', 'markdown', 'html'] as const)[n % 3]!;
      const source =
        format === 'html'
          ? `<html><body><article>${paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}</article></body></html>`
          : paragraphs.join('\n\n');
      const shaped = ingest(source, format);
      const mdx = articleFile({ title: 'T', dek: 'D', source: { publication: 'P' } }, shaped.tree);
      const { missing } = keptSentences(bodyText(source, format), mdx);
      expect(missing, `${format} document ${n}`).toEqual([]);
    }
  });

  const corpus = process.env.DOSSIER_CORPUS ?? join(import.meta.dirname, '../../../../shared/corpus');
  it.skipIf(!existsSync(corpus))(
    'keeps every sentence of every article of the development corpus',
    { timeout: 60_000 },
    () => {
      for (const name of readdirSync(corpus).filter((file) => formatOf(file) && file !== 'SOURCES.md')) {
        const text = decodeSource(readFileSync(join(corpus, name)), name);
        const { meta, tree } = shapeArticle(readSource(text, formatOf(name)!, { file: name }));
        const mdx = articleFile(
          {
            title: meta.title ?? 'T',
            dek: meta.dek ?? 'D',
            ...(meta.date ? { date: meta.date } : {}),
            ...(meta.authors ? { authors: meta.authors } : {}),
            source: { publication: 'P' },
          },
          tree,
        );
        const { missing } = keptSentences(bodyText(text, formatOf(name)!), mdx);
        expect(missing, name).toEqual([]);
      }
    },
  );
});
