// The Chromium the benchmarks drive: the same lookup as playwright.config.ts
// (CHROMIUM_PATH, then Debian's binary, then its wrapper), else Playwright's own
// download if one is installed. undefined: no browser here, skip the browser metrics.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const system = candidates.find((p): p is string => !!p && existsSync(p));
  if (system) return system;
  try {
    const own = chromium.executablePath();
    return existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}
