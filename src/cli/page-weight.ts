/** What a first visit to a page transfers, gzip as a compressing host sends it, by kind of resource. */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

export interface PageWeight {
  html: number;
  css: number;
  js: number;
}

export async function firstVisitWeight(page: Page, url: string): Promise<PageWeight> {
  const bytes: PageWeight = { html: 0, css: 0, js: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const kind = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : undefined;
    if (kind) pending.push(response.body().then((body) => void (bytes[kind] += gzipSync(body).length)));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  return bytes;
}
