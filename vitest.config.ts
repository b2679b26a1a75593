import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/services/**', 'test/browser/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
