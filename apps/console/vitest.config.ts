import { defineConfig } from 'vitest/config';

// Pure-logic tests of the console (no DOM). Browser behaviour is covered by e2e/.
export default defineConfig({
  test: { name: 'console', include: ['src/**/*.test.ts'] },
});
