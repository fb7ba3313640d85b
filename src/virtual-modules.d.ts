/** The institution's own final-test files, (name, YAML) pairs: scripts/local-final-test-bank.mjs. */
declare module 'virtual:local-final-test-bank' {
  const files: readonly (readonly [name: string, text: string])[];
  export default files;
}
