import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // two cores: one embedded database per worker is plenty
    maxWorkers: 2,
    projects: [
      { test: { name: 'shared', include: ['packages/shared/src/**/*.test.ts'] } },
      'apps/console/vitest.config.ts',
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
