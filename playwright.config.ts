import { defineConfig, devices } from '@playwright/test';

// End-to-end tests run against the release build in dist/ (made by
// `trunk build --release --offline`, see scripts/test.sh), served on the
// loopback address by scripts/static_server.py. The browser is Debian's
// chromium; Playwright never downloads one.
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
const jsonReport = process.env.E2E_JSON_REPORT ?? 'test-results/report.json';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry: on a busy two-core machine a browser test can miss a deadline once. A test that
  // passes only on its retry still counts as passed, and scripts/summary.py names it under
  // "passed only on a retry", so it is seen and fixed rather than hidden.
  retries: 1,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: jsonReport }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // dist/ at the root and again under a sub-path, beside a fixture consultancy website whose
    // /site/strict/ pages are sent with the strict Content-Security-Policy the README documents,
    // and the release zip unpacked (by the test that needs it) under /unzipped/. Files go out
    // precompressed (the build's .br / .gz copies), as a host with brotli_static sends them.
    command: `python3 scripts/static_server.py --root dist --port ${port} --quiet --precompressed --mount /tools/estimate/=dist --mount /site/=tests/e2e/site --mount /unzipped/=target/unzipped --csp-prefix /site/strict/`,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
