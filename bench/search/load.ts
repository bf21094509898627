import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  target: string;
  connections: number;
  durationS: number;
  requests: number;
  non2xx: number;
  errors: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

interface Raw {
  times: number[];
  non2xx: number;
  errors: number;
  durationS: number;
}

function once(url: string, requests: LoadRequest[], connections: number, durationS: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let non2xx = 0;
    const instance = autocannon(
      { url, connections, duration: durationS, requests: requests as autocannon.Request[], pipelining: 1, timeout: 10 },
      (err, result) => (err ? reject(err) : resolve({ times, non2xx, errors: result.errors + result.timeouts, durationS })),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    });
  });
}

function summarise(target: string, connections: number, runs: Raw[]): LoadResult {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const durationS = runs.reduce((n, r) => n + r.durationS, 0);
  const total = times.reduce((a, b) => a + b, 0);
  return {
    target,
    connections,
    durationS,
    requests: times.length,
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    requestsPerSecond: Math.round(times.length / durationS),
    latencyMs: {
      p50: round2(percentile(times, 50)),
      p95: round2(percentile(times, 95)),
      p99: round2(percentile(times, 99)),
      mean: round2(times.length ? total / times.length : 0),
      max: round2(times[times.length - 1] ?? 0),
    },
  };
}

export interface LoadTarget {
  name: string;
  url: string;
  requests: LoadRequest[];
}

/**
 * Closed-loop load with autocannon: `connections` clients each cycling through their target's requests in
 * order. The targets take turns, `rounds` times, `durationS / rounds` seconds each, so that whatever else the
 * machine does weighs on them alike. Latency percentiles come from every response's own time (autocannon's
 * summary has no p95).
 */
export async function runInterleaved(targets: LoadTarget[], connections: number, durationS: number, rounds: number): Promise<LoadResult[]> {
  const runs = targets.map(() => [] as Raw[]);
  const slice = Math.max(1, Math.round(durationS / rounds));
  for (let round = 0; round < rounds; round++) {
    for (const [i, t] of targets.entries()) runs[i].push(await once(t.url, t.requests, connections, slice));
  }
  return targets.map((t, i) => summarise(t.name, connections, runs[i]));
}
