// Lint rules for the whole workspace: typescript-eslint's recommended set, core's layers, and no
// import cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noImportCycle from './tools/eslint-rules/no-import-cycle.js';

/**
 * Core's layers (层), lowest first: a module imports only from its own layer and the ones below
 * (docs/architecture.md). `plans` holds plan data and reads only the model; a plan's procedures
 * (`plans/<plan>/workflows/`) and the list of built-in plans that registers them (`plans/registry.ts`)
 * read the layers up to workflows.
 */
const LAYERS = ['model', 'rules', 'evaluate', 'workflows', 'plugins'];
const ALL = [...LAYERS, 'plans'];
const PLAN_PROCEDURES = ['packages/core/src/plans/*/workflows/**/*.ts', 'packages/core/src/plans/registry.ts'];

/** The rule refusing imports from every layer but `layer` and `below`. */
function layerRule(layer, below, files, ignores = []) {
  const forbidden = ALL.filter((other) => other !== layer && !below.includes(other));
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((other) => ({
            group: [`../${other}/*`, `../../${other}/*`, `../../../${other}/*`, `**/core/src/${other}/*`],
            message: `core's ${layer} layer may import only from ${below.length ? below.join(', ') : 'itself'} (docs/architecture.md)`,
          })),
        },
      ],
    },
  };
}

const layerRules = [
  ...LAYERS.map((layer) =>
    layerRule(layer, LAYERS.slice(0, LAYERS.indexOf(layer)), [`packages/core/src/${layer}/**/*.ts`]),
  ),
  layerRule('plans', ['model'], ['packages/core/src/plans/**/*.ts'], PLAN_PROCEDURES),
  layerRule("plans' procedures", ['model', 'rules', 'evaluate', 'workflows'], PLAN_PROCEDURES),
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'docs/api/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A type derived from its schema is named: `interface Report extends z.infer<typeof ReportSchema> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // CommonJS scripts run by Node directly (the node-gyp wrapper).
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __filename: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerRules,
  {
    // No two modules of a package's source import each other, however far round (docs/architecture.md).
    files: ['packages/*/src/**/*.ts'],
    plugins: { ruralkit: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'ruralkit/no-import-cycle': 'error' },
  },
);
