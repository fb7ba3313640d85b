/** The default branch of an exhaustive `switch` over a closed set: a new member is a compile error here. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
