import { defineConfig } from 'vitest/config';

// Unit and property tests. Tests that start worker pools (tests/pools) and real-browser tests
// (tests/browser) run apart, after these, so they do not compete with Vitest's own workers.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'tests/pools/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
