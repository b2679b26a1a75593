import { defineConfig } from 'vitest/config';

// Benchmarks run through vitest only to load TypeScript; they print numbers and assert nothing about speed.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 600_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
