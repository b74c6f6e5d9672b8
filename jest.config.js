// One project per database: SQLite always, MariaDB/MySQL when TEST_MYSQL_URL is set.
// Each test file gets its own fresh database (see test/helpers/testDatabase.ts).
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/plugins', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // tsconfig.json sets isolatedModules, so ts-jest only transpiles each file; types (tests included) are checked once,
  // by `npm run typecheck` in .ci/run, rather than again in every jest worker.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The package's two public names (package.json "exports"), for code written against them: examples/.
  moduleNameMapper: {
    '^wc-host$': '<rootDir>/src/index.ts',
    '^wc-host/customers$': '<rootDir>/plugins/customers/index.ts',
  },
};

const projects = [
  {
    ...base,
    displayName: 'sqlite',
    setupFiles: ['<rootDir>/test/setup/sqlite.js'],
    testPathIgnorePatterns: ['\\.mysql\\.test\\.ts$'],
  },
];
if (process.env.TEST_MYSQL_URL) {
  projects.push({
    ...base,
    displayName: 'mariadb',
    setupFiles: ['<rootDir>/test/setup/mysql.js'],
    // Compile-time and documentation checks open no database: once, in the SQLite project, is enough.
    testPathIgnorePatterns: [
      '/test/typeTests\\.test\\.ts$',
      '/test/types\\.hooks\\.test\\.ts$',
      '/test/docs\\.hooksTable\\.test\\.ts$',
      '/test/package\\.exports\\.test\\.ts$',
    ],
  });
}

module.exports = { projects, testTimeout: 30000 };
