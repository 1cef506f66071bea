import { configDefaults, defineConfig } from 'vitest/config';

// `npm test` runs everything but the chaos suite; `npm run test:chaos` (vitest --mode chaos) runs only that.
export default defineConfig(({ mode }) => ({
  test:
    mode === 'chaos'
      ? {
          include: ['test/chaos/**/*.test.ts'],
          testTimeout: 20 * 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        }
      : {
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/chaos/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Vitest's default is one worker fewer than the cores: on a 2-core machine one file at a time, though
          // most integration files wait on servers rather than compute. Two workers took the suite from 405 s to
          // 267 s on such a machine (CI's kind), every test passing.
          maxWorkers: 2,
        },
}));
