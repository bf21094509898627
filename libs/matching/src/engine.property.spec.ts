import fc from 'fast-check';
import { MatchingEngine } from './engine';
import { referenceLists } from './reference';
import { Relatedness } from './relatedness';
import { SkillIndex } from './skill-index';
import type { Importance } from './scoring';
import type { ListDepths, RequirementTuple, SkillLevelTuple, VacancyRecord, WorkerRecord } from './types';

/*
 * The engine (place groups, postings, heaps, early rejection, incremental events) against brute force:
 * identical served lists, entry for entry, on random populations built to produce ties (few places,
 * few skills, shallow lists) and after random sequences of events.
 */

const NOW = 1_700_000_000_000;
const SKILLS = 10;
const DEPTHS: ListDepths = { workerStored: 4, workerServed: 3, vacancyStored: 5, vacancyServed: 4 };

// Places near Turin and Milan, some identical, so that distance ties happen.
const PLACES: ReadonlyArray<readonly [number, number] | null> = [[45.07, 7.69], [45.07, 7.69], [45.12, 7.6], [45.46, 9.19], [45.3, 8.4], [44.9, 7.7], null];

const edgesArb = fc.array(fc.record({ concept: fc.integer({ min: 0, max: SKILLS + 2 }), broader: fc.integer({ min: 0, max: SKILLS + 2 }) }), { maxLength: 14 });

const skillsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: SKILLS - 1 }), fc.integer({ min: 1, max: 4 })), { maxLength: 5 });
const reqsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: SKILLS - 1 }), fc.constantFrom<Importance>('essential', 'optional'), fc.integer({ min: 1, max: 4 })), { maxLength: 5 });

const workerArb = (id: string) =>
  fc.record({
    place: fc.integer({ min: 0, max: PLACES.length - 1 }),
    radius: fc.constantFrom(0, 5, 15, 40, 100, 400),
    consent: fc.boolean(),
    skills: skillsArb,
  }).map(({ place, radius, consent, skills }): WorkerRecord => ({ id, lat: PLACES[place]?.[0] ?? null, lng: PLACES[place]?.[1] ?? null, mobilityRadiusKm: radius, visibleToEmployers: consent, skills: skills as SkillLevelTuple[] }));

const vacancyArb = (id: string) =>
  fc.record({
    place: fc.integer({ min: 0, max: PLACES.length - 1 }),
    remote: fc.boolean(),
    open: fc.integer({ min: 0, max: 9 }).map((n) => n > 1),
    expires: fc.constantFrom<number | null>(null, NOW - 1, NOW, NOW + 1000),
    reqs: reqsArb,
  }).map(({ place, remote, open, expires, reqs }): VacancyRecord => ({ id, lat: PLACES[place]?.[0] ?? null, lng: PLACES[place]?.[1] ?? null, remote, open, expiresAt: expires, requirements: reqs as RequirementTuple[] }));

const idArb = fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') });

const populationArb = fc.record({
  edges: edgesArb,
  workerIds: fc.uniqueArray(idArb, { maxLength: 14 }),
  vacancyIds: fc.uniqueArray(idArb, { maxLength: 10 }),
}).chain(({ edges, workerIds, vacancyIds }) =>
  fc.record({
    edges: fc.constant(edges),
    workers: fc.tuple(...workerIds.map((id) => workerArb(id))),
    vacancies: fc.tuple(...vacancyIds.map((id) => vacancyArb(id))),
  }),
);

function relatednessOf(edges: { concept: number; broader: number }[]): Relatedness {
  const key = (i: number) => (i < SKILLS ? `s${i}` : `g${i}`);
  const skills = SkillIndex.of(Array.from({ length: SKILLS }, (_, i) => key(i)));
  return Relatedness.fromBroaderEdges(skills, edges.map((e) => ({ concept: key(e.concept), broader: key(e.broader) })));
}

function expectSameAsReference(engine: MatchingEngine, workers: Map<string, WorkerRecord>, vacancies: Map<string, VacancyRecord>, rel: Relatedness): void {
  const ref = referenceLists([...workers.values()], [...vacancies.values()], rel, NOW, { worker: DEPTHS.workerStored * 4, vacancy: DEPTHS.vacancyStored * 4 });
  for (const id of workers.keys()) {
    const expected = (ref.workers.get(id) ?? []).slice(0, DEPTHS.workerServed);
    expect({ worker: id, list: engine.matchesOf(id) }).toEqual({ worker: id, list: expected });
    // The stored list, deeper than served, is always an exact prefix of the full ranking.
    const stored = engine.matchesOf(id, DEPTHS.workerStored);
    expect(stored).toEqual((ref.workers.get(id) ?? []).slice(0, stored.length));
  }
  for (const id of vacancies.keys()) {
    const expected = (ref.vacancies.get(id) ?? []).slice(0, DEPTHS.vacancyServed);
    expect({ vacancy: id, list: engine.candidatesOf(id) }).toEqual({ vacancy: id, list: expected });
    const stored = engine.candidatesOf(id, DEPTHS.vacancyStored);
    expect(stored).toEqual((ref.vacancies.get(id) ?? []).slice(0, stored.length));
  }
}

type Op = { kind: 'worker'; record: WorkerRecord } | { kind: 'removeWorker'; id: string } | { kind: 'vacancy'; record: VacancyRecord } | { kind: 'removeVacancy'; id: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  idArb.chain((id) => workerArb(`w${id}`).map((record): Op => ({ kind: 'worker', record }))),
  idArb.map((id): Op => ({ kind: 'removeWorker', id: `w${id}` })),
  idArb.chain((id) => vacancyArb(`v${id}`).map((record): Op => ({ kind: 'vacancy', record }))),
  idArb.map((id): Op => ({ kind: 'removeVacancy', id: `v${id}` })),
);

describe('MatchingEngine against brute force', () => {
  it('gives identical lists after a full rebuild', () => {
    fc.assert(
      fc.property(populationArb, ({ edges, workers, vacancies }) => {
        const rel = relatednessOf(edges);
        const engine = new MatchingEngine(rel, DEPTHS);
        engine.loadWorkers(workers);
        engine.loadVacancies(vacancies);
        engine.rebuild(NOW);
        expectSameAsReference(engine, new Map(workers.map((w) => [w.id, w])), new Map(vacancies.map((v) => [v.id, v])), rel);
      }),
      { numRuns: 300 },
    );
  });

  it('gives identical lists on larger populations, where floors fill and most pairs are pruned', () => {
    const bigPopulation = fc.record({
      edges: edgesArb,
      workers: fc.array(fc.tuple(idArb, idArb, idArb), { minLength: 40, maxLength: 120 }),
      vacancies: fc.array(fc.tuple(idArb, idArb), { minLength: 10, maxLength: 40 }),
    }).chain(({ edges, workers, vacancies }) => {
      const wIds = [...new Set(workers.map((t) => t.join('')))];
      const vIds = [...new Set(vacancies.map((t) => t.join('')))];
      return fc.record({ edges: fc.constant(edges), workers: fc.tuple(...wIds.map((id) => workerArb(id))), vacancies: fc.tuple(...vIds.map((id) => vacancyArb(id))) });
    });
    fc.assert(
      fc.property(bigPopulation, ({ edges, workers, vacancies }) => {
        const rel = relatednessOf(edges);
        const engine = new MatchingEngine(rel, DEPTHS);
        engine.loadWorkers(workers);
        engine.loadVacancies(vacancies);
        engine.rebuild(NOW);
        expectSameAsReference(engine, new Map(workers.map((w) => [w.id, w])), new Map(vacancies.map((v) => [v.id, v])), rel);
      }),
      { numRuns: 40 },
    );
  });

  it('gives identical lists after any sequence of worker and vacancy events', () => {
    fc.assert(
      fc.property(populationArb, fc.array(opArb, { maxLength: 25 }), ({ edges, workers, vacancies }, ops) => {
        const rel = relatednessOf(edges);
        const engine = new MatchingEngine(rel, DEPTHS);
        const ws = new Map(workers.map((w) => [`w${w.id}`, { ...w, id: `w${w.id}` }]));
        const vs = new Map(vacancies.map((v) => [`v${v.id}`, { ...v, id: `v${v.id}` }]));
        engine.loadWorkers(ws.values());
        engine.loadVacancies(vs.values());
        engine.rebuild(NOW);
        for (const op of ops) {
          if (op.kind === 'worker') (ws.set(op.record.id, op.record), engine.upsertWorker(op.record, NOW));
          else if (op.kind === 'removeWorker') (ws.delete(op.id), engine.removeWorker(op.id, NOW));
          else if (op.kind === 'vacancy') (vs.set(op.record.id, op.record), engine.upsertVacancy(op.record, NOW));
          else (vs.delete(op.id), engine.removeVacancy(op.id, NOW));
          expectSameAsReference(engine, ws, vs, rel);
        }
      }),
      { numRuns: 200 },
    );
  });
});
