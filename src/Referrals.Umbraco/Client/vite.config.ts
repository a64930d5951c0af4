import { defineConfig } from 'vite';

// Library build of the backoffice extensions. Each manifest entry points at one of these files under
// /App_Plugins/Referrals/backoffice/ (the RCL serves wwwroot/ at App_Plugins/Referrals). @umbraco-cms/backoffice stays
// external: the backoffice supplies it through its import map at runtime.
export const entries = {
	'overview-dashboard': 'src/overview/overview-dashboard.element.ts',
	'advocates-view': 'src/advocates/advocates-view.element.ts',
	'review-queue-view': 'src/review/review-queue-view.element.ts',
	'rewards-ledger-view': 'src/rewards/rewards-ledger-view.element.ts',
	'ask-timeline-view': 'src/asks/ask-timeline-view.element.ts',
	'thank-you-queue-view': 'src/thanks/thank-you-queue-view.element.ts',
	'settings-view': 'src/settings/settings-view.element.ts',
	'introductions-view': 'src/introductions/introductions-view.element.ts',
	'customer-value-view': 'src/analytics/customer-value-view.element.ts',
	'member-referrals': 'src/member/member-referrals-workspace-view.element.ts',
	'invite-to-refer': 'src/member/invite-to-refer.action.ts',
	'lang/en': 'src/lang/en.ts',
	'lang/da': 'src/lang/da.ts',
};

export default defineConfig({
	build: {
		lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
		outDir: '../wwwroot/backoffice',
		emptyOutDir: true,
		sourcemap: true,
		target: 'es2022',
		rollupOptions: {
			external: [/^@umbraco/],
			// No content hash in chunk names: MSBuild lists wwwroot/ when it evaluates the project, before this build runs, so
			// a renamed chunk would be a listed file that no longer exists (a static web assets error on rebuilds).
			output: { chunkFileNames: 'chunks/[name].js' },
		},
	},
});
