/** Latency and throughput of one measured load, in the units autocannon reports. */
export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p975: number;
  p99: number;
  /** Requests that did not answer 2xx, or failed outright: must be nought. */
  failures: number;
}

/** The value below which `p` percent of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The median of some samples. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Figures of a closed-loop load from its per-call latencies (ms) over `seconds`. */
export function loadFigures(latencies: readonly number[], seconds: number, failures: number): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p975: percentile(sorted, 97.5),
    p99: percentile(sorted, 99),
    failures,
  };
}

/** Times an async step, in milliseconds. */
export async function timed<T>(step: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await step();
  return { ms: performance.now() - started, value };
}
