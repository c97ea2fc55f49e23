import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // two cores: one embedded database per worker is plenty
    maxWorkers: 2,
    projects: [
      { test: { name: 'shared', include: ['packages/shared/src/**/*.test.ts'] } },
      { test: { name: 'widget', include: ['apps/widget/src/**/*.test.ts'] } },
      'apps/console/vitest.config.ts',
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts'],
          // generous: a busy 2-core machine (CI, another suite running) must not turn slow into failed
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
