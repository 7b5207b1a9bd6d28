// Typed errors for bad input, caught once at the edge (CLI, server). A wrong number in a report is never an
// error: it is a finding. A broken invariant of our own code is an assert.
export class InputError extends Error {
  /**
   * `limit`: the name of the bound of src/readers/limits.ts the input went over (a crafted or runaway file),
   * so a caller can tell "too big" from "broken".
   */
  constructor(
    readonly file: string, readonly problem: string, readonly problemEn: string = problem, readonly limit?: string,
  ) {
    super(`${file}: ${problemEn}`);
    this.name = 'InputError';
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${message}`);
}
