import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MatchingEngine, RebuildStats } from './engine';
import { MatchingErrors } from './matching.errors';
import type { PopulationView } from './population';
import type { ChunkResult, RebuildDepths, WorkerPlan } from './rebuild-kernel';
import { toEpochMs, type Instant } from './types';

/** What one rebuild thread receives: the population in shared memory and its run of workers. */
export interface ThreadTask {
  view: PopulationView;
  plan: WorkerPlan;
  now: number;
  depths: RebuildDepths;
}

export interface ParallelRebuildOptions {
  now: Instant;
  /** Threads to use (default: 2). Each scores a place-ordered run of workers. */
  threads?: number;
  /** Starts a thread for a task; defaults to the compiled rebuild.thread.js next to this file. */
  spawn?: (task: ThreadTask) => Worker;
}

/**
 * Full rebuild over worker threads. The population is copied once into SharedArrayBuffers, so every
 * thread reads the same memory; each thread returns its lists by transfer and the calling thread
 * merges them (MatchingEngine.install). Needs the compiled JavaScript (threads cannot load .ts files).
 */
export async function rebuildInThreads(engine: MatchingEngine, options: ParallelRebuildOptions): Promise<RebuildStats> {
  const threads = options.threads ?? 2;
  if (!Number.isInteger(threads) || threads < 1) throw MatchingErrors.invalidOption('threads', threads);
  const plans = engine.planChunks(threads);
  const view = shareView(engine.view());
  const now = toEpochMs(options.now);
  const depths = { workerStored: engine.depths.workerStored, vacancyStored: engine.depths.vacancyStored };
  const spawn = options.spawn ?? ((task: ThreadTask) => new Worker(join(__dirname, 'rebuild.thread.js'), { workerData: task }));
  const results = await Promise.all(plans.map((plan) => runThread(spawn({ view, plan, now, depths }))));
  return engine.install(results);
}

function runThread(worker: Worker): Promise<ChunkResult> {
  return new Promise((resolve, reject) => {
    let result: ChunkResult | undefined;
    worker.once('message', (r: ChunkResult) => (result = r));
    worker.once('error', reject);
    worker.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`rebuild thread exited with code ${code}`))));
  });
}

function share<T extends Int32Array | Float64Array | Uint8Array>(a: T, length: number): T {
  const Ctor = a.constructor as { new (buffer: SharedArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number };
  const out = new Ctor(new SharedArrayBuffer(Math.max(1, length) * Ctor.BYTES_PER_ELEMENT), 0, length);
  out.set(a.subarray(0, length) as T);
  return out;
}

/** A copy of the view in shared memory, trimmed to the used slots. Ids stay behind: kernels compare ranks. */
function shareView(v: PopulationView): PopulationView {
  const ws = v.workerSlots;
  const vs = v.vacancySlots;
  return {
    skillCount: v.skillCount,
    relOffsets: share(v.relOffsets, v.relOffsets.length),
    relNeighbours: share(v.relNeighbours, v.relNeighbours.length),
    workerSlots: ws,
    workerIds: [],
    workerRank: share(v.workerRank, ws),
    workerFlags: share(v.workerFlags, ws),
    workerLat: share(v.workerLat, ws),
    workerLng: share(v.workerLng, ws),
    workerRadius: share(v.workerRadius, ws),
    workerUnit: share(v.workerUnit, ws * 3),
    workerSkillStart: share(v.workerSkillStart, ws),
    workerSkillCount: share(v.workerSkillCount, ws),
    workerSkills: share(v.workerSkills, v.workerSkills.length),
    vacancySlots: vs,
    vacancyIds: [],
    vacancyRank: share(v.vacancyRank, vs),
    vacancyFlags: share(v.vacancyFlags, vs),
    vacancyLat: share(v.vacancyLat, vs),
    vacancyLng: share(v.vacancyLng, vs),
    vacancyUnit: share(v.vacancyUnit, vs * 3),
    vacancyExpires: share(v.vacancyExpires, vs),
    vacancyReqStart: share(v.vacancyReqStart, vs),
    vacancyReqCount: share(v.vacancyReqCount, vs),
    vacancyReqs: share(v.vacancyReqs, v.vacancyReqs.length),
    vacancyDen: share(v.vacancyDen, vs),
  };
}
