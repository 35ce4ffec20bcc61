// Lint for every project. Module boundaries are enforced from the Nx tags in each
// package.json: a service never imports another service, an adapter depends only on
// its port, contracts depend on nothing, domain code on nothing but the kernel.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

/** Dependency rules by tag; specs may also use the conformance suites and test helpers. */
function boundaries(inSpecs) {
  const testing = inSpecs ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    // The registry CLI loads the service runtime only for a server event store (it brings NestJS
    // and every driver: ~190 MB of RSS an embedded import does not need); its services import it
    // statically, which is fine.
    checkDynamicDependenciesExceptions: ['@relapse-watch/service-runtime'],
    depConstraints: [
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      // A service uses shared libs and its own code, never another service.
      ...['gateway', 'registry', 'inspection', 'assistance', 'reporting'].map((scope) => ({
        sourceTag: `scope:${scope}`,
        onlyDependOnLibsWithTags: ['scope:shared', `scope:${scope}`],
      })),
      // The dashboard talks to the API over HTTP only: it imports nothing of the services or libs
      // (its browser specs may use the test helpers, e.g. the test log capture).
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', ...testing] },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:port', onlyDependOnLibsWithTags: ['type:port', ...testing] },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', ...testing] },
      // Integration specs of an adapter may run it together with other real adapters.
      {
        sourceTag: 'type:adapter',
        onlyDependOnLibsWithTags: ['type:port', ...testing, ...(inSpecs ? ['type:adapter'] : [])],
      },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:port', 'type:testing', 'type:adapter'] },
      {
        sourceTag: 'type:platform',
        onlyDependOnLibsWithTags: [
          'type:port',
          'type:adapter',
          'type:platform',
          'type:contracts',
          'type:domain',
          ...testing,
        ],
      },
      {
        sourceTag: 'type:service',
        onlyDependOnLibsWithTags: [
          'type:port',
          'type:adapter',
          'type:platform',
          'type:contracts',
          'type:domain',
          ...testing,
        ],
      },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
      // A composition root (apps/): puts services side by side in one process; nothing imports it.
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
    ],
  };
}

export default [
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'bench/peers/**',
      'reports/**',
      'data/**',
      '.nx/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      // The OpenAPI document must say what validation does (issue 9): @IsOptional() also lets null through.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use Optional() from @relapse-watch/service-runtime: @IsOptional() lets null through unchecked.',
            },
          ],
        },
      ],
    },
  },
  {
    // Spec support: folders named testing/ are left out of every build (tsconfig.lib.json).
    files: [
      '**/*.spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.fixture.ts',
      '**/*.browser-spec.ts',
      'web/e2e/**/*.ts',
      '**/jest.global-setup.ts',
      '**/src/**/testing/**/*.ts',
    ],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
