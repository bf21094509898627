import { parentPort, workerData } from 'node:worker_threads';
import { scoreWorkerChunk } from './rebuild-kernel';
import type { ThreadTask } from './parallel-rebuild';

// Entry point of one rebuild thread: score the chunk on the shared population, hand the result back.
const task = workerData as ThreadTask;
const result = scoreWorkerChunk(task.view, task.plan, task.now, task.depths);
const c = result.candidates;
parentPort?.postMessage(result, [result.listLength.buffer, result.listVacancy.buffer, result.listNumerator.buffer, result.listDistance.buffer, c.length.buffer, c.worker.buffer, c.numerator.buffer, c.distance.buffer] as ArrayBuffer[]);
