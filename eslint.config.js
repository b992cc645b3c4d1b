// Lint rules for the whole workspace: typescript-eslint's recommended set, and core's layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Core's layers (层), lowest first: a module imports only from its own layer and the ones below
 * (docs/architecture.md). `plans` holds plan data and reads only the model.
 */
const LAYERS = ['model', 'rules', 'evaluate', 'workflows', 'plugins'];
const layerRules = [...LAYERS, 'plans'].map((layer) => {
  const below = layer === 'plans' ? ['model'] : LAYERS.slice(0, LAYERS.indexOf(layer));
  const forbidden = [...LAYERS, 'plans'].filter((other) => other !== layer && !below.includes(other));
  return {
    files: [`packages/core/src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((other) => ({
            group: [`../${other}/*`, `../../${other}/*`, `**/core/src/${other}/*`],
            message: `core's ${layer} layer may import only from ${below.length ? below.join(', ') : 'itself'} (docs/architecture.md)`,
          })),
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'docs/api/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
);
