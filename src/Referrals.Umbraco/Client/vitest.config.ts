import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		environment: 'node',
		// One Chromium and one Vite server per file; files run one after another on a 2-core box.
		fileParallelism: false,
		testTimeout: 60000,
		hookTimeout: 120000,
		// expect.poll gives up after 1 s by default; a debounced search, an API call and a render can take longer on a
		// busy 2-core box. Polling still ends the moment the page is right.
		expect: { poll: { timeout: 15000 } },
	},
});
