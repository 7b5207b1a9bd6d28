// Browser journeys (e2e/*.spec.ts) against the real server: `node dist/cli/main.js serve` on a free port with a
// fresh data directory (removed when the run ends) and a known admin password. Drives Debian's chromium — never a
// downloaded browser. GONGKAI_E2E_REPORT=<file> adds a JSON report (.ci/run adds its counts to the final line).
import { defineConfig } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// chosen once in the runner; its workers inherit the environment and so see the same server
process.env.GONGKAI_E2E_PORT ??= String(41000 + Math.floor(Math.random() * 20000));
if (!process.env.GONGKAI_E2E_DATA && !process.env.GONGKAI_E2E_URL) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  process.env.GONGKAI_E2E_DATA = dir;
  // after the web server has been stopped (the runner exits last)
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
process.env.GONGKAI_E2E_ADMIN ??= 'e2e-admin-password';

const port = Number(process.env.GONGKAI_E2E_PORT);
const report = process.env.GONGKAI_E2E_REPORT;
// GONGKAI_E2E_URL: run against a server already running (while developing); otherwise start a fresh one
const external = process.env.GONGKAI_E2E_URL;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 240_000, // the journeys are long, and CI shares two cores
  expect: { timeout: 15_000 },
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  reporter: report ? [['list'], ['json', { outputFile: report }]] : [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: external ? undefined : {
    command: 'node dist/cli/main.js serve',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      GONGKAI_DATA_DIR: process.env.GONGKAI_E2E_DATA ?? '',
      GONGKAI_ADMIN_PASSWORD: process.env.GONGKAI_E2E_ADMIN!,
      GONGKAI_DEMO: '0',
      // the journeys sign in some twenty times a minute from one address; the limit itself is tested through
      // app.inject (test/server-workflow.test.ts)
      GONGKAI_LOGIN_LIMIT: '100',
    },
  },
});
