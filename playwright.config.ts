// Playwright journeys in Debian's Chromium (/usr/bin/chromium; browsers are never downloaded),
// against real servers started from e2e/server.mjs. Run with `npm run test:e2e` (builds the web app).
import { defineConfig, devices } from '@playwright/test';
import { DEMO_PASSWORD, SERVERS, type ServerKind, serverUrl } from './e2e/servers';

const kinds = (Object.keys(SERVERS) as ServerKind[]).filter((k) => SERVERS[k].enabled);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    headless: true,
    viewport: { width: 1360, height: 860 },
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: kinds.map((kind) => ({
    command: `node e2e/server.mjs ${kind} ${SERVERS[kind].port}`,
    env: { ...(process.env as Record<string, string>), ROUNDS_DEMO_PASSWORD: DEMO_PASSWORD },
    url: `${serverUrl(kind)}/healthz`,
    reuseExistingServer: false,
    timeout: kind === 'demo' ? 300_000 : 180_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
