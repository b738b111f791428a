/**
 * When DOSSIER_TIMINGS names a file, writes the time each stage of the build took and the build's peak memory there
 * once the build is done, for `npm run bench`. Listed last, so the stages of the other integrations are in.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { stageTimings } from '../lib/build/build-timings.ts';

export function buildReport(): AstroIntegration {
  return {
    name: 'dossier-build-report',
    hooks: {
      'astro:build:done': () => {
        const file = process.env.DOSSIER_TIMINGS;
        if (!file) return;
        // maxRSS is in kilobytes.
        writeFileSync(
          file,
          JSON.stringify({ stagesMs: stageTimings(), peakMemoryBytes: process.resourceUsage().maxRSS * 1024 }),
        );
      },
    },
  };
}
