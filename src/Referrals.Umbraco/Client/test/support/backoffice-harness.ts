// Starts what the browser tests need around the real API test host (REFERRALS_API_URL, started by the NUnit test
// Referrals.Umbraco.Tests/Client/BackofficeBrowserTests, which seeds it through the engine):
// a Vite dev server that serves the harness page, resolves the real @umbraco-cms/backoffice modules for the built
// elements and proxies the package API, and one headless Debian Chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CLIENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD_DIR = path.resolve(CLIENT_DIR, '../wwwroot/backoffice');
export const REPO_ROOT = path.resolve(CLIENT_DIR, '../../..');
/** docs/images only when asked (npm run screenshots), so an ordinary test run leaves the working tree clean. */
export const SCREENSHOT_DIR =
	process.env.REFERRALS_SCREENSHOTS === 'docs' ? path.join(REPO_ROOT, 'docs/images') : path.join(CLIENT_DIR, 'test-results/screenshots');
export const API_ROOT = '/umbraco/referrals/api/v1';
export const TOKEN = 'referrals-harness-token';

// Every backoffice subpath the harness or the built elements import: pre-bundled up front so Vite's optimizer does
// not discover them mid-test and reload the page.
const BACKOFFICE_DEPS = [
	'auth', 'context-api', 'controller-api', 'element-api', 'entity-action', 'external/lit', 'external/uui', 'http-client', 'lit-element',
	'localization', 'localization-api', 'notification', 'observable-api', 'resources', 'workspace',
].map((p) => `@umbraco-cms/backoffice/${p}`);

export interface Harness {
	/** The API the elements talk to (through the Vite proxy). */
	apiUrl: string;
	/** Opens the harness page; with failApi every package API call answers 500 until restoreApi() is called. */
	open(query: Record<string, string>, options?: { failApi?: boolean }): Promise<OpenedPage>;
	/** Calls the API directly, as the tests' source of expected values. */
	api<T>(pathAndQuery: string, init?: RequestInit): Promise<T>;
	close(): Promise<void>;
}

export interface OpenedPage {
	page: Page;
	/** Page errors and console errors seen so far (expected HTTP errors filtered out by the caller). */
	errors: string[];
	/** Lets package API calls through again after open(..., { failApi: true }). */
	restoreApi(): Promise<void>;
}

export function chromiumPath(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
	const found = candidates.find((c) => existsSync(c));
	if (!found) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH.');
	return found;
}

export async function startHarness(): Promise<Harness> {
	if (!existsSync(path.join(BUILD_DIR, 'advocates-view.js'))) {
		throw new Error(`No built elements in ${BUILD_DIR}: run "npm run build" first (npm test does).`);
	}
	const apiUrl = process.env.REFERRALS_API_URL?.replace(/\/$/, '');
	if (!apiUrl) {
		throw new Error('REFERRALS_API_URL is not set: run the browser suite through `dotnet test tests/Referrals.Umbraco.Tests` (BackofficeBrowserTests starts and seeds the API test host).');
	}

	const vite: ViteDevServer = await createServer({
		configFile: false,
		root: CLIENT_DIR,
		logLevel: 'error',
		clearScreen: false,
		server: {
			host: '127.0.0.1',
			port: 0,
			strictPort: false,
			hmr: false,
			fs: { allow: [CLIENT_DIR, BUILD_DIR] },
			proxy: { [API_ROOT]: { target: apiUrl, changeOrigin: true } },
		},
		define: { 'import.meta.env.VITE_REFERRALS_BUILD_DIR': JSON.stringify(BUILD_DIR) },
		optimizeDeps: { include: BACKOFFICE_DEPS, entries: ['test/harness/index.html'] },
	});
	await vite.listen();
	const address = vite.httpServer!.address();
	const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';

	const browser: Browser = await chromium.launch({
		executablePath: chromiumPath(),
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});

	return {
		apiUrl,
		async open(query, options) {
			const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
			page.on('console', (m) => {
				if (m.type() !== 'error') return;
				const text = m.text();
				// The browser logs every non-2xx response; tests that expect one check the UI instead.
				if (/Failed to load resource: the server responded with a status of (400|404|409|500)/.test(text)) return;
				errors.push(`console: ${text}`);
			});
			const apiCalls = `${base}${API_ROOT}/**`;
			if (options?.failApi) {
				await page.route(apiCalls, (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"title":"Simulated failure","status":500}' }));
			}
			await page.goto(`${base}/test/harness/index.html?${new URLSearchParams(query)}`);
			await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, { timeout: 30000 });
			return { page, errors, restoreApi: () => page.unroute(apiCalls) };
		},
		async api<T>(pathAndQuery: string, init?: RequestInit) {
			const response = await fetch(apiUrl + API_ROOT + pathAndQuery, {
				...init,
				headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...(init?.headers ?? {}) },
			});
			if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${pathAndQuery} → ${response.status}`);
			return (await response.json()) as T;
		},
		async close() {
			await browser.close();
			await vite.close();
		},
	};
}
