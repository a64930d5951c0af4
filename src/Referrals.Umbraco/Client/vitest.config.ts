import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		environment: 'node',
		// One Chromium and one Vite server per file; files run one after another on a 2-core box.
		fileParallelism: false,
		testTimeout: 60000,
		hookTimeout: 120000,
	},
});
