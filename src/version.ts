// Kept in sync with package.json by a test (test/version.test.ts).
export const VERSION = "0.1.0";
