/** One line of the results table; `pass` is undefined where there is no target. */
export interface ResultRow {
  driver: string;
  measure: string;
  figure: string;
  target: string;
  pass: boolean | undefined;
}

/** Milliseconds as the table shows them: two decimals under 10 ms, one above. */
export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** A whole number with thousands separators. */
export const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
