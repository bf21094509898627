// Types for scripts/meilisearch.js (plain JS so that the test runner can use it before any build).
export interface RunningMeilisearch {
  url: string;
  masterKey: string;
  pid: number;
  stop(): Promise<void>;
}
export function startMeilisearch(options: { dataDir: string; masterKey: string; port?: number; logFile?: string }): Promise<RunningMeilisearch>;
export function freePort(): Promise<number>;
