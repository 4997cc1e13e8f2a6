// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers may only import downwards: core ← formats, matching, store ← services ← api, cli. */
const forbid = (...layers) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: layers.map((layer) => ({
        // Opening the store is configuration, not querying: the shells may do it.
        group: layer === 'store' ? ['**/store/**', '!**/store/open-store.js'] : [`**/${layer}/**`],
        message: `this layer must not import from src/${layer}`,
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**', 'bench/out/**', 'src/formats/cyclonedx/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/core/**'], rules: forbid('formats', 'matching', 'store', 'services', 'api', 'cli') },
  { files: ['src/formats/**', 'src/matching/**'], rules: forbid('store', 'services', 'api', 'cli') },
  { files: ['src/store/**'], rules: forbid('formats', 'matching', 'services', 'api', 'cli') },
  { files: ['src/services/**'], rules: forbid('api', 'cli') },
  { files: ['src/api/**'], rules: forbid('cli', 'store') },
  { files: ['src/cli/**'], rules: forbid('api', 'store') },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
