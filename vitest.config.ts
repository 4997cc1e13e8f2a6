import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Store suites open real databases; two workers match the two cores of the CI machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
