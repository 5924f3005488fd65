import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Chromium from CHROMIUM_PATH, else Debian's, else Playwright's own download.
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

const executablePath = chromiumPath();
// PREVIEW_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.PREVIEW_PORT ?? 4173);
const url = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: url,
    headless: true,
    launchOptions: executablePath ? { executablePath } : {},
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
