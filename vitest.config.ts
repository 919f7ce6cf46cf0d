import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit and component tests only; the browser end-to-end suites run under scripts/test-e2e.ts.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
