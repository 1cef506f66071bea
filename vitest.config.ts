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
        },
}));
