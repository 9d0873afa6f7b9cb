// @ts-check
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries reads Nx's cached project graph and, when there is none, skips itself with
// only a warning. A plain `npx eslint` (editor, pre-commit hook, fresh clone) would then check no boundaries,
// so build the graph here (about a second). Inside an Nx task the runner has just built it already.
if (!process.env.NX_TASK_TARGET_PROJECT) {
  await createProjectGraphAsync({ exitOnError: false });
}

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const TEST_FILES = [
  '**/*.spec.{ts,tsx}',
  '**/*.int-spec.ts',
  '**/test/**/*.{ts,tsx}',
  'apps/portal-e2e/**/*.ts',
];

/**
 * Who may import whom. A project's `tags` live in its project.json; a project with no tag matching a
 * constraint may import no other project at all. Nx itself already forbids importing an application.
 */
const depConstraints = [
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
  { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
  { sourceTag: 'scope:vneid-sim', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
  { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:shared', 'scope:client'] },
  { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // The end-to-end harness starts the real stack on a throw-away database (server-kit/testing).
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:client', 'scope:server'] },
  { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:shared'] },
  // Libraries never reach into an application.
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
];

export default defineConfig(
  globalIgnores([
    '**/dist',
    '**/coverage',
    '**/node_modules',
    '.nx',
    'test-results',
    'playwright-report',
    // Generated: the API client types come from openapi.json, other .d.ts files from tsc.
    'packages/api-client/src/schema.d.ts',
    '**/*.d.ts',
    // Local state (gitignored): embedded PostgreSQL data, scratch files.
    '.hocvu',
    'tmp',
  ]),

  js.configs.recommended,

  // Registers the @nx plugin.
  ...nx.configs['flat/base'],

  {
    name: 'hocvu/all',
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
      // Node builtins (`node:fs`) sort alphabetically with the other packages rather than in a group
      // of their own, as the code already does: side effects, packages, other absolute, relative.
      'simple-import-sort/imports': ['error', { groups: [['^\\u0000'], ['^@?\\w'], ['^'], ['^\\.']] }],
      'simple-import-sort/exports': 'error',
    },
  },

  {
    name: 'hocvu/typescript',
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is type-checked with its nearest tsconfig.json (packages/*/, apps/*/).
        projectService: {
          // Top-level migrations/ has no tsconfig.json of its own; apps/api/tsconfig.json includes it, so its
          // compiler options serve there. Drop these three lines if migrations/ ever gets a tsconfig.json
          // (typescript-eslint then refuses files that match both). The default limit of 8 files is raised
          // because every schema change adds a migration.
          allowDefaultProject: ['migrations/*.ts'],
          defaultProject: 'apps/api/tsconfig.json',
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 500,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // A switch over a union must name every member, unless it has a `default`: writing one is a decision
      // to handle "everything else" (including `undefined` from a `.find()`), not an oversight.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // Off on purpose: NestJS resolves constructor injection from `emitDecoratorMetadata`, which needs the
      // injected class as a value import. The auto-fix would rewrite `import { UsersService }` to
      // `import type`, erasing the import at runtime and breaking DI with "can't resolve dependencies".
      '@typescript-eslint/consistent-type-imports': 'off',
      // Nest modules, DTOs and entities are classes that exist only to carry decorators.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Same escape hatch as TypeScript's noUnusedParameters: a leading underscore marks "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    name: 'hocvu/tests',
    files: TEST_FILES,
    rules: {
      // `expect(service.method).toHaveBeenCalled()` passes a method without its `this` on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Jest matchers (`expect.any`, `expect.objectContaining`) and HTTP response bodies are typed `any`.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  {
    // Config files and scripts run by Node directly: no type information, Node's globals. ES modules have
    // no require, module or __dirname (they use import.meta.dirname); .js is CommonJS here (no "type").
    name: 'hocvu/javascript',
    files: ['**/*.{js,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'hocvu/javascript-esm',
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.nodeBuiltin } },
  },

  {
    name: 'hocvu/portal-react',
    files: ['apps/portal/**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },

  {
    // Hooks also live in plain .ts files (features/*/hooks/use-*.ts), so the hook rules cover both.
    name: 'hocvu/portal-hooks',
    files: ['apps/portal/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // Last: turns off every rule that would fight Prettier over formatting.
  prettier,
);
