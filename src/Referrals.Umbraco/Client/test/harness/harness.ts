// Mounts one built backoffice element the way the backoffice would: UUI defined, localization registered, the
// auth and notification contexts provided, and umbHttpClient pointed at the page origin (Vite proxies the package API
// to the API host under test). Query: ?module=<built file under wwwroot/backoffice>&element=<tag>&lang=en|da[&member=<key>]
import '@umbraco-cms/backoffice/external/uui';
import '@umbraco-cms/backoffice/localization';
import { umbLocalizationManager } from '@umbraco-cms/backoffice/localization-api';
import { UmbContextProvider } from '@umbraco-cms/backoffice/context-api';
import { UMB_AUTH_CONTEXT } from '@umbraco-cms/backoffice/auth';
import { UMB_NOTIFICATION_CONTEXT } from '@umbraco-cms/backoffice/notification';
import { UMB_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/workspace';
import { UmbBasicState } from '@umbraco-cms/backoffice/observable-api';
import { umbHttpClient } from '@umbraco-cms/backoffice/http-client';
import { UmbElementMixin } from '@umbraco-cms/backoffice/element-api';

/** A plain controller host, like the element the backoffice hands an entity action. */
class HarnessHostElement extends UmbElementMixin(HTMLElement) {}
customElements.define('referrals-harness-host', HarnessHostElement);

const BUILD = "/@fs" + (import.meta as unknown as { env: Record<string, string> }).env.VITE_REFERRALS_BUILD_DIR;
const TOKEN = 'referrals-harness-token';

declare global {
	interface Window {
		__notifications: { color: string; headline?: string; message?: string }[];
		__ready: boolean;
	}
}

async function main() {
	const params = new URLSearchParams(location.search);
	const lang = params.get('lang') ?? 'en';
	document.documentElement.lang = lang;

	// The shipped localization modules, flattened the way the backoffice's localization registry does.
	for (const code of ['en', 'da']) {
		const dictionary = (await import(/* @vite-ignore */ `${BUILD}/lang/${code}.js`)).default as Record<string, Record<string, string>>;
		const flat: Record<string, string> = {};
		for (const [section, terms] of Object.entries(dictionary)) {
			for (const [key, value] of Object.entries(terms)) flat[`${section}_${key}`] = value;
		}
		umbLocalizationManager.registerLocalization({ $code: code, $dir: 'ltr', ...flat } as never);
	}

	umbHttpClient.setConfig({ baseUrl: '', auth: () => TOKEN });

	const host = document.body;
	const fakeHost = { getHostElement: () => host };
	new UmbContextProvider(host, UMB_AUTH_CONTEXT, {
		...fakeHost,
		getLatestToken: async () => TOKEN,
		getOpenApiConfiguration: () => ({ base: '', credentials: 'include', token: async () => TOKEN }),
	} as never).hostConnected();

	window.__notifications = [];
	const notify = (color: string, args: { data?: { headline?: string; message?: string } }) => {
		window.__notifications.push({ color, ...args.data });
		return {} as never;
	};
	new UmbContextProvider(host, UMB_NOTIFICATION_CONTEXT, { ...fakeHost, peek: notify, stay: notify } as never).hostConnected();

	const member = params.get('member');
	if (member !== null) {
		// The member workspace: our tab reads the entity's unique (the member key) from it.
		const unique = new UmbBasicState<string | undefined>(member || undefined);
		new UmbContextProvider(host, UMB_WORKSPACE_CONTEXT, {
			...fakeHost,
			workspaceAlias: 'Umb.Workspace.Member',
			getEntityType: () => 'member',
			getUnique: () => unique.getValue(),
			unique: unique.asObservable(),
		} as never).hostConnected();
	}

	const module = params.get('module');
	const element = params.get('element');
	if (module) {
		const loaded = await import(/* @vite-ignore */ `${BUILD}/${module}.js`);
		if (element) {
			host.appendChild(document.createElement(element));
		} else if (loaded.api) {
			// An entity action: construct it as the backoffice does and expose execute() to the test.
			const actionHost = document.createElement('referrals-harness-host');
			host.appendChild(actionHost);
			const action = new loaded.api(actionHost, { entityType: 'member', unique: params.get('unique'), meta: {} });
			(window as unknown as { __execute: () => Promise<void> }).__execute = () => action.execute();
		}
	}
	window.__ready = true;
}

main().catch((error) => {
	console.error('harness failed', error);
});
