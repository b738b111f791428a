/** The feed: the newest articles with their text (a long one's opening), links made absolute for any reader. */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { loadRenderers } from 'astro:container';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { feedArticles } from '../lib/present/article-meta.ts';
import { feedBody } from '../lib/present/feed.ts';
import { paths } from '../lib/content/kinds.ts';
import { siteIndex, settings } from './site-data.ts';
import { siteUrl } from '../lib/build/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const url = (path: string) => siteUrl(site, import.meta.env.BASE_URL, path);
  const articles = feedArticles(await getCollection('articles'));
  const items = await Promise.all(
    articles.map(async (article) => {
      const link = url(paths.article(article.id));
      return {
        title: article.data.title,
        description: article.data.dek,
        link,
        // An approximate date is not given as a publication date.
        ...(article.data.date && article.data.datePrecision !== 'approximate' ? { pubDate: article.data.date } : {}),
        ...(article.data.authors.length ? { author: article.data.authors.join(', ') } : {}),
        categories: article.data.tags,
        content: feedBody(await bodyHtml(article), link, new URL(url('/')).origin),
      };
    }),
  );
  return rss({
    title: settings.title,
    description: `${settings.title}: ${settings.description}`,
    site: url('/'),
    items,
    trailingSlash: true,
  });
};

let container: Promise<AstroContainer> | undefined;

/** The body as the site index wrote it, or, for an article with code, as @astrojs/mdx renders it. */
async function bodyHtml(article: CollectionEntry<'articles'>): Promise<string> {
  const html = siteIndex().articles.get(article.id)?.html;
  if (html !== undefined) return html;
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return (await container).renderToString((await render(article)).Content);
}
