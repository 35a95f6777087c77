/**
 * One Jest config for every suite. TypeScript and middy's ESM-only packages are compiled by SWC to
 * CommonJS (middy 5 ships only an `import` export, which Jest's CommonJS resolver cannot follow, so
 * `@middy/*` is mapped to its entry file and let through the transform).
 */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
  moduleNameMapper: { '^@middy/(core|util)$': '<rootDir>/node_modules/@middy/$1/index.js' },
  testTimeout: 20000,
  maxWorkers: 2,
};
