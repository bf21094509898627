import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MatchingEngine } from './engine';
import { rebuildInThreads, type ThreadTask } from './parallel-rebuild';
import { referenceLists } from './reference';
import { Relatedness } from './relatedness';
import { SkillIndex } from './skill-index';
import type { RequirementTuple, VacancyRecord, WorkerRecord } from './types';

const NOW = Date.UTC(2025, 0, 15);
const DAY = 86_400_000;
// welding and brazing share a group; drawing is broader of cad; safety stands alone.
const skills = SkillIndex.of(['welding', 'brazing', 'drawing', 'cad', 'safety']);
const [WELDING, BRAZING, , CAD, SAFETY] = [0, 1, 2, 3, 4];
const rel = Relatedness.fromBroaderEdges(skills, [
  { concept: 'welding', broader: 'G' },
  { concept: 'brazing', broader: 'G' },
  { concept: 'cad', broader: 'drawing' },
]);

const TURIN = { lat: 45.0703, lng: 7.6869 };
const MONCALIERI = { lat: 44.9998, lng: 7.6826 };
const MILAN = { lat: 45.4642, lng: 9.19 };

function worker(id: string, skillsHeld: [number, number][], at = TURIN, radius = 50, consent = true): WorkerRecord {
  return { id, ...at, mobilityRadiusKm: radius, visibleToEmployers: consent, skills: skillsHeld };
}

function vacancy(id: string, requirements: RequirementTuple[], at = TURIN, extra: Partial<VacancyRecord> = {}): VacancyRecord {
  return { id, ...at, remote: false, open: true, expiresAt: NOW + 30 * DAY, requirements, ...extra };
}

function engineWith(workers: WorkerRecord[], vacancies: VacancyRecord[], depths = {}): MatchingEngine {
  const engine = new MatchingEngine(rel, depths);
  engine.loadWorkers(workers);
  engine.loadVacancies(vacancies);
  engine.rebuild(NOW);
  return engine;
}

const ids = <T extends { vacancyId?: string; workerId?: string }>(list: T[]) => list.map((e) => e.vacancyId ?? e.workerId);

describe('MatchingEngine rebuild', () => {
  it('ranks a worker’s vacancies by score, then distance, then vacancy id', () => {
    const engine = engineWith(
      [worker('w1', [[WELDING, 4]])],
      [
        vacancy('v-b', [[WELDING, 'essential', 2]]),
        vacancy('v-a', [[WELDING, 'essential', 2]], MONCALIERI),
        vacancy('v-c', [[WELDING, 'essential', 2], [SAFETY, 'essential', 1]]),
        vacancy('aaa', [[WELDING, 'essential', 3]]),
      ],
    );
    const list = engine.matchesOf('w1');
    expect(ids(list)).toEqual(['aaa', 'v-b', 'v-a', 'v-c']);
    expect(list[2]).toEqual({ vacancyId: 'v-a', score: 1, numerator: 48, denominator: 48, distanceKm: expect.closeTo(7.8, 0) });
    expect(list[3]).toEqual(expect.objectContaining({ score: 0.5, numerator: 48, denominator: 96 }));
  });

  it('ranks a vacancy’s candidates by score, then distance, then worker id, among consenting workers only', () => {
    const engine = engineWith(
      [worker('w-b', [[WELDING, 2]]), worker('w-a', [[WELDING, 2]]), worker('w-far', [[WELDING, 2]], MONCALIERI), worker('w-half', [[BRAZING, 4]]), worker('w-hidden', [[WELDING, 4]], TURIN, 50, false)],
      [vacancy('v', [[WELDING, 'essential', 2]])],
    );
    expect(ids(engine.candidatesOf('v'))).toEqual(['w-a', 'w-b', 'w-far', 'w-half']);
    expect(ids(engine.matchesOf('w-hidden'))).toEqual(['v']);
  });

  it('leaves out vacancies beyond the radius but keeps remote ones, with their real distance', () => {
    const engine = engineWith([worker('w', [[CAD, 2]], TURIN, 20)], [vacancy('milan', [[CAD, 'essential', 2]], MILAN), vacancy('milan-remote', [[CAD, 'essential', 2]], MILAN, { remote: true }), vacancy('remote-nowhere', [[CAD, 'essential', 2]], TURIN, { remote: true, lat: null, lng: null })]);
    const list = engine.matchesOf('w');
    expect(ids(list)).toEqual(['remote-nowhere', 'milan-remote']);
    expect(list[0].distanceKm).toBe(0);
    expect(list[1].distanceKm).toBeCloseTo(125.8, 0);
  });

  it('leaves out closed vacancies and those expired at `now`', () => {
    const engine = engineWith([worker('w', [[SAFETY, 1]])], [vacancy('closed', [[SAFETY, 'optional', 1]], TURIN, { open: false }), vacancy('expired', [[SAFETY, 'optional', 1]], TURIN, { expiresAt: NOW }), vacancy('open', [[SAFETY, 'optional', 1]], TURIN, { expiresAt: new Date(NOW + 1) })]);
    expect(ids(engine.matchesOf('w'))).toEqual(['open']);
    expect(engine.candidatesOf('expired')).toEqual([]);
  });

  it('stores nothing for an empty profile', () => {
    const engine = engineWith([worker('empty', [])], [vacancy('v', [[SAFETY, 'essential', 1]])]);
    expect(engine.matchesOf('empty')).toEqual([]);
    expect(engine.candidatesOf('v')).toEqual([]);
  });

  it('gives the same lists when the rebuild is split into chunks and installed', () => {
    const { workers, vacancies } = randomPopulation(7, 300, 80);
    const whole = engineWith(workers, vacancies, SMALL);
    const split = new MatchingEngine(rel, SMALL);
    split.loadWorkers(workers);
    split.loadVacancies(vacancies);
    const chunks = split.planChunks(3).map((plan) => split.scoreChunk(plan, NOW));
    split.install(chunks);
    for (const w of workers) expect(split.matchesOf(w.id, SMALL.workerStored)).toEqual(whole.matchesOf(w.id, SMALL.workerStored));
    for (const v of vacancies) expect(split.candidatesOf(v.id, SMALL.vacancyStored)).toEqual(whole.candidatesOf(v.id, SMALL.vacancyStored));
  });

  it('gives the same lists as brute force on a few hundred workers (pruning on, floors filled)', () => {
    const { workers, vacancies } = randomPopulation(11, 400, 120);
    const engine = engineWith(workers, vacancies, SMALL);
    const ref = referenceLists(workers, vacancies, rel, NOW, { worker: SMALL.workerServed, vacancy: SMALL.vacancyServed });
    for (const w of workers) expect(engine.matchesOf(w.id)).toEqual(ref.workers.get(w.id));
    for (const v of vacancies) expect(engine.candidatesOf(v.id)).toEqual(ref.vacancies.get(v.id));
  });

  it('gives the same lists on worker threads as on one thread', async () => {
    const { workers, vacancies } = randomPopulation(3, 250, 60);
    const single = engineWith(workers, vacancies, SMALL);
    const threaded = new MatchingEngine(rel, SMALL);
    threaded.loadWorkers(workers);
    threaded.loadVacancies(vacancies);
    const stats = await rebuildInThreads(threaded, { now: NOW, threads: 2, spawn: spawnTypeScriptThread });
    expect(stats.chunks).toBe(2);
    for (const w of workers) expect(threaded.matchesOf(w.id, SMALL.workerStored)).toEqual(single.matchesOf(w.id, SMALL.workerStored));
    for (const v of vacancies) expect(threaded.candidatesOf(v.id, SMALL.vacancyStored)).toEqual(single.candidatesOf(v.id, SMALL.vacancyStored));
  }, 30000);
});

describe('MatchingEngine events', () => {
  it('refuses events before the first rebuild', () => {
    const engine = new MatchingEngine(rel);
    expect(() => engine.upsertWorker(worker('w', []), NOW)).toThrow(expect.objectContaining({ code: 'MATCHING.INVALID_OPTION' }));
  });

  it('moves a worker into and out of candidate lists when its skills change', () => {
    const engine = engineWith([worker('w', [[SAFETY, 4]])], [vacancy('weld', [[WELDING, 'essential', 2]]), vacancy('safe', [[SAFETY, 'essential', 1]])]);
    expect(ids(engine.candidatesOf('weld'))).toEqual([]);
    const result = engine.upsertWorker(worker('w', [[WELDING, 3]]), NOW);
    expect(ids(result.matches)).toEqual(['weld']);
    expect(result.enteredVacancies).toEqual(['weld']);
    expect(result.leftVacancies).toEqual(['safe']);
    expect(ids(engine.candidatesOf('weld'))).toEqual(['w']);
    expect(ids(engine.candidatesOf('safe'))).toEqual([]);
  });

  it('drops a removed worker from every candidate list', () => {
    const engine = engineWith([worker('w', [[SAFETY, 4]]), worker('x', [[SAFETY, 1]])], [vacancy('safe', [[SAFETY, 'essential', 1]])]);
    const result = engine.removeWorker('w', NOW);
    expect(result.leftVacancies).toEqual(['safe']);
    expect(ids(engine.candidatesOf('safe'))).toEqual(['x']);
    expect(engine.matchesOf('w')).toEqual([]);
  });

  it('rescores a vacancy against every worker when its requirements change', () => {
    const engine = engineWith([worker('welder', [[WELDING, 4]]), worker('drafter', [[CAD, 4]])], [vacancy('v', [[WELDING, 'essential', 1]])]);
    const result = engine.upsertVacancy(vacancy('v', [[CAD, 'essential', 2]]), NOW);
    expect(ids(result.candidates)).toEqual(['drafter']);
    expect(result.changedWorkers.sort()).toEqual(['drafter', 'welder']);
    expect(ids(engine.matchesOf('welder'))).toEqual([]);
  });

  it('recomputes a worker’s list when removals leave its stored list shorter than served', () => {
    const vs = ['a', 'b', 'c', 'd', 'e'].map((id, i) => vacancy(id, [[SAFETY, 'essential', 1], [CAD, 'essential', 1 + (i % 4)]]));
    const engine = engineWith([worker('w', [[SAFETY, 4], [CAD, 2]])], vs, { workerStored: 3, workerServed: 2 });
    expect(ids(engine.matchesOf('w', 3))).toEqual(['a', 'b', 'e']);
    engine.removeVacancy('a', NOW);
    const result = engine.removeVacancy('b', NOW);
    expect(result.rescoredWorkers).toEqual(['w']);
    expect(ids(engine.matchesOf('w', 3))).toEqual(['e', 'c', 'd']);
  });
});

const SMALL = { workerStored: 6, workerServed: 4, vacancyStored: 10, vacancyServed: 8 };

/** A seeded population with many ties: few places, few skills. */
function randomPopulation(seed: number, nWorkers: number, nVacancies: number): { workers: WorkerRecord[]; vacancies: VacancyRecord[] } {
  let state = seed;
  const rnd = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const places = [TURIN, MONCALIERI, MILAN, { lat: 45.3, lng: 8.4 }];
  const level = () => 1 + Math.floor(rnd() * 4);
  const workers = Array.from({ length: nWorkers }, (_, i): WorkerRecord => ({
    ...worker(`w${(i * 7919) % 1000}-${i}`, Array.from({ length: Math.floor(rnd() * 4) }, () => [Math.floor(rnd() * 5), level()] as [number, number]), pick(places), pick([5, 20, 60, 200]), rnd() < 0.6),
  }));
  const vacancies = Array.from({ length: nVacancies }, (_, i): VacancyRecord =>
    vacancy(`v${(i * 104729) % 997}-${i}`, Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => [Math.floor(rnd() * 5), rnd() < 0.6 ? 'essential' : 'optional', level()] as const), pick(places), { remote: rnd() < 0.15 }),
  );
  return { workers, vacancies };
}

/** Threads need JavaScript: this one compiles the TypeScript sources on the fly (tests only). */
function spawnTypeScriptThread(task: ThreadTask): Worker {
  const entry = join(__dirname, 'rebuild.thread.ts');
  const code = `
    const ts = require('typescript');
    const fs = require('fs');
    require.extensions['.ts'] = (module, file) => module._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText, file);
    require(${JSON.stringify(entry)});
  `;
  return new Worker(code, { eval: true, workerData: task });
}
