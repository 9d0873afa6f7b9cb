// One Jest run for every project (unit specs beside the code, *.int-spec.ts integration specs
// against real PostgreSQL and Redis). `npx jest --selectProjects api` runs one project.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

// swc rewrites the workspace aliases to relative paths, so code Jest loads outside its module
// registry (globalSetup/globalTeardown) resolves them too.
const paths = {
  '@hocvu/contracts': ['packages/contracts/src/index.ts'],
  '@hocvu/media': ['packages/media/src/index.ts'],
  '@hocvu/assessment': ['packages/assessment/src/index.ts'],
  '@hocvu/progress': ['packages/progress/src/index.ts'],
  '@hocvu/attestation': ['packages/attestation/src/index.ts'],
  '@hocvu/credentials': ['packages/credentials/src/index.ts'],
  '@hocvu/certificate-pdf': ['packages/certificate-pdf/src/index.ts'],
  '@hocvu/attestation/testing': ['packages/attestation/src/testing.ts'],
  '@hocvu/server-kit': ['packages/server-kit/src/index.ts'],
  '@hocvu/server-kit/testing': ['packages/server-kit/src/testing.ts'],
};

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      baseUrl: root,
      paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@hocvu/contracts$': '<rootDir>/packages/contracts/src/index.ts',
  '^@hocvu/media$': '<rootDir>/packages/media/src/index.ts',
  '^@hocvu/assessment$': '<rootDir>/packages/assessment/src/index.ts',
  '^@hocvu/progress$': '<rootDir>/packages/progress/src/index.ts',
  '^@hocvu/attestation$': '<rootDir>/packages/attestation/src/index.ts',
  '^@hocvu/credentials$': '<rootDir>/packages/credentials/src/index.ts',
  '^@hocvu/certificate-pdf$': '<rootDir>/packages/certificate-pdf/src/index.ts',
  '^@hocvu/attestation/testing$': '<rootDir>/packages/attestation/src/testing.ts',
  '^@hocvu/server-kit$': '<rootDir>/packages/server-kit/src/index.ts',
  '^@hocvu/server-kit/testing$': '<rootDir>/packages/server-kit/src/testing.ts',
};

// jose, oidc-provider and openid-client (with oauth4webapi) ship only ES modules, as do Digital Bazaar's
// verifiable-credential libraries and their base58/base64url helpers (jsonld and the JSON-LD contexts have
// CommonJS builds). Node ≥ 20.19 require()s them natively, but Jest's module registry cannot before Node
// 24.9, so swc compiles them to CommonJS like our own sources.
const ESM_ONLY_PACKAGES =
  '/node_modules/(?!(jose|oidc-provider|openid-client|oauth4webapi|@digitalbazaar/(vc|data-integrity|ed25519-multikey|eddsa-rdfc-2022-cryptosuite|vc-bitstring-status-list|bitstring)|base58-universal|base64url-universal)/)';

const project = (name, root, extra = {}) => ({
  displayName: name,
  rootDir: '.',
  roots: [`<rootDir>/${root}`],
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: [ESM_ONLY_PACKAGES],
  moduleNameMapper,
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  ...extra,
});

export default {
  projects: [
    project('contracts', 'packages/contracts'),
    project('media', 'packages/media'),
    project('assessment', 'packages/assessment'),
    project('progress', 'packages/progress'),
    project('attestation', 'packages/attestation'),
    project('credentials', 'packages/credentials'),
    project('certificate-pdf', 'packages/certificate-pdf'),
    project('server-kit', 'packages/server-kit'),
    project('api', 'apps/api', {
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
    }),
    project('worker', 'apps/worker', {
      globalSetup: '<rootDir>/apps/worker/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/worker/test/global-teardown.ts',
    }),
    project('vneid-sim', 'apps/vneid-sim', { setupFiles: ['<rootDir>/apps/vneid-sim/test/jest-setup.ts'] }),
    project('portal', 'apps/portal', { testMatch: ['**/*.spec.ts'] }),
  ],
};
