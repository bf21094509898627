// The Markdown page of bench/results/search.md, from the results run.ts gathers.
import type { ReindexReport } from '@ricarica/catalog-search';
import type { GenerateReport } from './generate';
import type { LoadResult } from './load';
import type { Options, OutboxReport, PerQuery } from './run';

export function markdown(r: {
  date: string;
  machine: Record<string, unknown>;
  options: Options;
  dataset: GenerateReport;
  bulk: ReindexReport[];
  outbox: OutboxReport;
  api: LoadResult;
  meili: LoadResult;
  ratioP95: number;
  perQuery: PerQuery[];
  goals: { apiP95Under25ms: boolean; apiWithin1_5xMeiliP95: boolean };
}): string {
  const row = (l: LoadResult) => `| ${l.target} | ${l.requests} | ${l.requestsPerSecond} | ${l.latencyMs.p50} | ${l.latencyMs.p95} | ${l.latencyMs.p99} | ${l.non2xx + l.errors} |`;
  return `# Search benchmark

${r.date} · ${r.machine.cpus} × ${r.machine.cpu} · ${r.machine.memoryGb} GB · Node ${r.machine.node} · Meilisearch ${r.machine.meilisearch} · API, worker, Meilisearch, PostgreSQL, Redis and the load generator on this one machine · load average at start ${(r.machine.loadAverageAtStart as number[]).join(' / ')}, during the query runs ${(r.machine.loadAverageDuringQueries as number[]).join(' / ')}.

Produced by \`npm run bench:search\` (bench/search/run.ts). Data generated from ESCO (bench/search/generate.ts): ${r.dataset.courses.toLocaleString('en')} courses (${r.dataset.publishedCourses.toLocaleString('en')} published) from ${r.dataset.providers} providers, ${r.dataset.vacancies.toLocaleString('en')} vacancies (${r.dataset.openVacancies.toLocaleString('en')} open) from ${r.dataset.employers} employers, ${r.dataset.courseSkills.toLocaleString('en')} skills taught, ${r.dataset.requirements.toLocaleString('en')} requirements, ${r.dataset.sessions.toLocaleString('en')} sessions; written in ${(r.dataset.ms / 1000).toFixed(1)} s.

## Indexing throughput

| Path | Index | Documents | Time | Documents/s |
| --- | --- | ---: | ---: | ---: |
${r.bulk.map((b) => `| bulk (reindex: fresh index + swap) | ${b.index} | ${b.documents.toLocaleString('en')} | ${(b.buildMs / 1000).toFixed(1)} s | ${b.documentsPerSecond.toLocaleString('en')} |`).join('\n')}
| outbox → BullMQ → worker (one job per change; WORKER_CONCURRENCY=${r.outbox.workerConcurrency}, so ${r.outbox.workerConcurrency * 64} search jobs at once, coalesced into shared writes) | both | ${(r.outbox.courses + r.outbox.vacancies).toLocaleString('en')} | ${(r.outbox.ms / 1000).toFixed(1)} s | ${r.outbox.documentsPerSecond.toLocaleString('en')} |

After the outbox run the check found ${r.outbox.driftAfter.courses} courses and ${r.outbox.driftAfter.vacancies} vacancies out of line.

## Query latency (${r.options.connections} connections, ${r.options.durationS} s each in ${r.options.rounds} alternating rounds, the same ${r.perQuery.length}-query mix)

| Target | Requests | Req/s | p50 ms | p95 ms | p99 ms | Errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row(r.api)}
${row(r.meili)}

API p95 / Meilisearch p95 = **${r.ratioP95.toFixed(2)}** (goal ≤ 1.5: ${r.goals.apiWithin1_5xMeiliP95 ? 'met' : 'not met'}); API p95 ${r.api.latencyMs.p95} ms (goal < 25 ms: ${r.goals.apiP95Under25ms ? 'met' : 'not met'}).

## Reading these figures

The load is closed-loop: ${r.options.connections} clients each wait for their answer before asking again, so the
mean latency is the number of clients divided by the throughput (Little's law: ${r.options.connections} /
${r.api.requestsPerSecond} req/s ≈ ${Math.round((1000 * r.options.connections) / Math.max(r.api.requestsPerSecond, 1))} ms through the API,
${r.options.connections} / ${r.meili.requestsPerSecond} req/s ≈ ${Math.round((1000 * r.options.connections) / Math.max(r.meili.requestsPerSecond, 1))} ms straight to Meilisearch).
A p95 under 25 ms at ${r.options.connections} connections would take well over 2,000 searches per second; on this
machine Meilisearch alone serves about ${r.meili.requestsPerSecond} of this mix (each query costs it the milliseconds shown below,
on ${r.machine.cpus} cores shared with everything else), so that goal is out of reach here whatever the API does;
what the API controls is its overhead over Meilisearch: the p95 ratio above under load, and the difference between
the two columns below without it. Compare runs with the load averages in the header: other work on the machine
moves every figure.

## Each query alone (median of 25 sequential calls)

| Query | Group | Index | Matches | API ms | Meilisearch ms |
| --- | --- | --- | ---: | ---: | ---: |
${r.perQuery.map((q) => `| ${q.label} | ${q.group} | ${q.kind} | ${q.total} | ${q.apiMs} | ${q.meiliMs} |`).join('\n')}
`;
}

