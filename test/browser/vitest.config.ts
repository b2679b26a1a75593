import { defineConfig } from 'vitest/config';

// Browser tests need Chromium (/usr/bin/chromium, installed by .ci/run); `npm test` excludes them.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
