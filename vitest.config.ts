import { defineConfig } from 'vitest/config';

// Two tiers (STYLE.md "Tests by cost"): pure unit tests run in parallel in seconds with no database
// (`npm run test:unit`); integration (`*.int.test.ts`, real Neo4j) and browser (`*.browser.test.ts`, real
// Chromium) tests share one Neo4j started by the global setup. `npm test` runs both.
const slowTests = ['**/*.int.test.ts', '**/*.browser.test.ts'];
const ignored = ['node_modules/**', 'dist/**', '.data/**', 'bench/out/**'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['**/*.test.ts'], exclude: [...ignored, ...slowTests] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: slowTests,
          exclude: ignored,
          globalSetup: ['tests/support/global-setup.ts'],
          // Test files share one Neo4j and some assert global node counts or reset the graph: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
