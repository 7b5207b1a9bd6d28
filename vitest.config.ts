import { defineConfig } from 'vitest/config';

// GONGKAI_TEST_REPORT=<file> adds a JSON report (CI reads its counts for the final "N passed, N failed" line).
const jsonReport = process.env.GONGKAI_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
