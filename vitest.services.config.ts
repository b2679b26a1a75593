import { defineConfig } from 'vitest/config';

// Tests against the real PostgreSQL and Redis on the machine (`npm run test:services`, run by .ci/run).
export default defineConfig({
  test: {
    include: ['test/services/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
