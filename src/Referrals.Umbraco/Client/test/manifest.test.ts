// The root package.manifest (shipped as App_Plugins/Referrals/umbraco-package.json) against the schema from the
// @umbraco-cms/backoffice package, and against the build: every file it names exists and defines what it says.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { BUILD_DIR, CLIENT_DIR, REPO_ROOT } from './support/backoffice-harness.js';
import en from '../src/lang/en.js';
import da from '../src/lang/da.js';

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.manifest'), 'utf8'));

/**
 * The published schema is not strictly valid draft-07 (scalar `examples`, `type` values such as "{boolean}"); a strict
 * validator refuses it. Repair exactly those spots so the rest of the schema validates with full strictness of values.
 */
function repair(node: unknown): void {
	if (Array.isArray(node)) return node.forEach(repair);
	if (!node || typeof node !== 'object') return;
	const o = node as Record<string, unknown>;
	if ('examples' in o && !Array.isArray(o.examples)) o.examples = [o.examples];
	if (typeof o.type === 'string' && !JSON_TYPES.has(o.type)) delete o.type;
	if (Array.isArray(o.type)) {
		o.type = o.type.filter((t) => JSON_TYPES.has(t as string));
		if ((o.type as unknown[]).length === 0) delete o.type;
	}
	Object.values(o).forEach(repair);
}

function loadSchema() {
	const schema = JSON.parse(readFileSync(path.join(CLIENT_DIR, 'node_modules/@umbraco-cms/backoffice/dist-cms/umbraco-package-schema.json'), 'utf8'));
	repair(schema);
	return schema;
}

function validator() {
	return new Ajv({ allErrors: true, strict: false }).compile(loadSchema());
}

type Definition = { properties?: { type?: { const?: string }; kind?: { const?: string } } };

/**
 * The root schema lets `extensions` items match the catch-all ManifestBase, so a misspelt type or a missing meta field
 * would pass. Check each extension against the definitions made for its type (and kind), as the backoffice reads it.
 */
function extensionValidator() {
	const schema = loadSchema();
	const ajv = new Ajv({ allErrors: true, strict: false });
	ajv.addSchema(schema, 'umbraco-package');
	const definitions = schema.definitions as Record<string, Definition>;
	return (extension: { type: string; kind?: string }) => {
		const ofType = Object.entries(definitions).filter(([name, d]) => name !== 'ManifestBase' && d.properties?.type?.const === extension.type);
		// A kind the schema has its own definition for (menuItem/link) must match it; other kinds (sectionSidebarApp/menu)
		// are registered by the backoffice at runtime and validate against the type's kind-less definition.
		const kinded = ofType.filter(([, d]) => extension.kind !== undefined && d.properties?.kind?.const === extension.kind);
		const candidates = kinded.length > 0 ? kinded : ofType.filter(([, d]) => d.properties?.kind?.const === undefined);
		const failures: string[] = [];
		for (const [name] of candidates) {
			const validate = ajv.getSchema(`umbraco-package#/definitions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`)!;
			if (validate(extension)) return { definition: name, failures };
			failures.push(`${name}: ${ajv.errorsText(validate.errors)}`);
		}
		return { definition: undefined, failures: candidates.length ? failures : [`no definition for type ${extension.type}/${extension.kind ?? '-'}`] };
	};
}

const flat = (dictionary: Record<string, Record<string, string>>) =>
	Object.fromEntries(Object.entries(dictionary).flatMap(([section, terms]) => Object.entries(terms).map(([k, v]) => [`${section}_${k}`, v])));

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
	});
}

describe('package.manifest', () => {
	it('validates against umbraco-package-schema.json from @umbraco-cms/backoffice', () => {
		const validate = validator();
		const valid = validate(manifest);
		expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
		expect(valid).toBe(true);
	});

	it('is refused by the schema in the legacy (Umbraco 7-13) format, so the check can fail', () => {
		const validate = validator();
		const legacy = { javascript: ['~/App_Plugins/Referrals/referrals.js'], dashboards: [{ alias: 'referrals', sections: ['content'] }] };
		expect(validate(legacy)).toBe(false);
	});

	it('validates every extension against the schema definition of its own type and kind', () => {
		const check = extensionValidator();
		for (const extension of manifest.extensions) {
			const result = check(extension);
			expect(result.definition, `${extension.alias}: ${result.failures.join('; ')}`).toBeDefined();
		}
	});

	it('refuses an extension with a misspelt type or a section without its pathname, so the per-type check can fail', () => {
		const check = extensionValidator();
		const section = manifest.extensions.find((e: { type: string }) => e.type === 'section');
		expect(check({ ...section, type: 'sectoin' }).definition).toBeUndefined();
		expect(check({ ...section, meta: { label: section.meta.label } }).definition).toBeUndefined();
	});

	it('uses unique aliases prefixed with Referrals.', () => {
		const aliases: string[] = manifest.extensions.map((e: { alias: string }) => e.alias);
		expect(new Set(aliases).size).toBe(aliases.length);
		for (const alias of aliases) expect(alias).toMatch(/^Referrals\./);
	});

	it('names only built files, and each element module defines the element the manifest names', () => {
		expect(existsSync(BUILD_DIR), 'run npm run build first').toBe(true);
		for (const extension of manifest.extensions) {
			for (const key of ['js', 'element', 'api'] as const) {
				const url: string | undefined = extension[key];
				if (!url) continue;
				expect(url.startsWith('/App_Plugins/Referrals/backoffice/'), url).toBe(true);
				const file = path.join(BUILD_DIR, url.slice('/App_Plugins/Referrals/backoffice/'.length));
				expect(existsSync(file), `${extension.alias} → ${file}`).toBe(true);
				if (key === 'element') expect(readFileSync(file, 'utf8')).toContain(`"${extension.elementName}"`);
			}
		}
	});

	it('puts every extension of the section behind the section, and the member tab on the member workspace', () => {
		const conditionsOf = (alias: string) => manifest.extensions.find((e: { alias: string }) => e.alias === alias)?.conditions ?? [];
		for (const extension of manifest.extensions.filter((e: { type: string }) => ['dashboard', 'sectionView', 'sectionSidebarApp'].includes(e.type))) {
			expect(conditionsOf(extension.alias), extension.alias).toContainEqual({ alias: 'Umb.Condition.SectionAlias', match: 'Referrals.Section' });
		}
		expect(conditionsOf('Referrals.WorkspaceView.Member')).toContainEqual({ alias: 'Umb.Condition.WorkspaceAlias', match: 'Umb.Workspace.Member' });
		expect(conditionsOf('Referrals.Section')).toContainEqual({ alias: 'Umb.Condition.SectionUserPermission', match: 'Referrals.Section' });
	});
});

describe('localization', () => {
	const english = flat(en);
	const danish = flat(da);

	it('has a Danish term for every English term and no extra ones', () => {
		expect(Object.keys(danish).sort()).toEqual(Object.keys(english).sort());
	});

	it('keeps the same %n% arguments in both languages, and no empty terms', () => {
		for (const [key, value] of Object.entries(english)) {
			expect(value.trim(), key).not.toBe('');
			expect(danish[key].trim(), key).not.toBe('');
			const args = (s: string) => (s.match(/%\d+%/g) ?? []).sort();
			expect(args(danish[key]), key).toEqual(args(value));
		}
	});

	it('defines every label the manifest uses', () => {
		const labels = JSON.stringify(manifest).match(/"#[a-z]+_[A-Za-z_]+"/g) ?? [];
		expect(labels.length).toBeGreaterThan(0);
		for (const label of labels) expect(english, label).toHaveProperty(label.slice(2, -1));
	});

	it('defines every term the source uses, and at least one term for every prefix built at runtime', () => {
		const used = new Set<string>();
		for (const file of sourceFiles(path.join(CLIENT_DIR, 'src'))) {
			for (const m of readFileSync(file, 'utf8').matchAll(/'(referrals_[A-Za-z_]+)'/g)) used.add(m[1]);
		}
		expect(used.size).toBeGreaterThan(50);
		for (const key of used) {
			if (key.endsWith('_')) expect(Object.keys(english).some((k) => k.startsWith(key)), key).toBe(true);
			else expect(english, key).toHaveProperty(key);
		}
	});
});
