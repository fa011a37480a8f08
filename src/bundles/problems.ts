/** One thing wrong with a bundle: where (a JSON path such as $.people[3].fromDate) and what was expected. */
export interface BundleProblem {
  path: string;
  message: string;
}

/** Thrown when a bundle cannot be imported; it lists every problem found. */
export class BundleError extends Error {
  constructor(readonly problems: BundleProblem[]) {
    super(
      `The bundle was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} found.\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
  }
}

/** Writes a path of keys and indexes as a JSON path: $.people[3].fromDate. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
    '$',
  );
}
