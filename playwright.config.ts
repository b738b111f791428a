import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium where the system has one (CI, this project's machines); Playwright's own browser elsewhere
// (`npx playwright install chromium` on a laptop).
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }
  : {};

const port = Number(process.env.DOSSIER_E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.e2e.ts',
  // The committed pictures of the site (e2e/screenshots.e2e.ts), one folder for all, named by page, width and scheme.
  snapshotPathTemplate: 'screenshots/{arg}{ext}',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  // The real built site, served by Astro's own preview server on loopback.
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
