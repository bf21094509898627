import { IndexNames } from '@ricarica/search';
import { CatalogSearchService } from './catalog-search.service';
import { distanceKm, quote } from './filters';
import { CourseSearchQuery } from './search.types';

const service = new CatalogSearchService({} as never, new IndexNames('t_'));
const base: CourseSearchQuery = { page: 1, limit: 20, lang: 'it', sort: 'relevance' };
const now = new Date('2027-01-01T00:00:00Z');
const s = (iso: string) => Date.parse(iso) / 1000;

describe('CatalogSearchService.courseRequest', () => {
  it('turns every filter into a quoted Meilisearch expression, ANDed', () => {
    const req = service.courseRequest({
      ...base, q: 'saldatura', skills: ['a'], region: ['ITC1', 'ITC4'], province: ['TO'], mode: ['online'], funding: ['FSE+'], language: ['it'],
      eqfLevel: [3], maxHours: 100, maxCostEur: 0,
    }, [], now);
    expect(req.q).toBe('saldatura');
    expect(req.filter).toEqual([
      'skillIds IN ["a"]', 'region IN ["ITC1", "ITC4"]', 'province IN ["TO"]', 'mode IN ["online"]', 'funding IN ["FSE+"]', 'language IN ["it"]',
      'eqfLevel IN ["3"]', 'hours <= 100', 'costEur <= 0',
    ]);
    expect(req).toMatchObject({ page: 1, hitsPerPage: 20, facets: ['mode', 'funding', 'region', 'province', 'language', 'eqfLevel'], sort: undefined });
  });

  it('looks for one session in the start window, never in the past', () => {
    expect(service.courseRequest({ ...base, startsAfter: new Date('2026-06-01'), startsBefore: new Date('2027-03-01') }, [], now).filter).toEqual([
      `sessionStarts ${s('2027-01-01T00:00:00Z')} TO ${s('2027-03-01T00:00:00Z')}`,
    ]);
    expect(service.courseRequest({ ...base, startsAfter: new Date('2027-02-01') }, [], now).filter).toEqual([`sessionStarts ${s('2027-02-01')} TO 32503680000`]);
  });

  it('filters by radius and sorts by distance from near', () => {
    const req = service.courseRequest({ ...base, near: { lat: 45.07, lng: 7.68 }, radiusKm: 12.5, sort: 'distance' }, [], now);
    expect(req.filter).toEqual(['_geoRadius(45.07, 7.68, 12500)']);
    expect(req.sort).toEqual(['_geoPoint(45.07, 7.68):asc']);
    expect(service.courseRequest({ ...base, sort: 'startsAt' }, [], now).sort).toEqual(['nextSessionStartsAt:asc']);
  });
});

describe('CatalogSearchService.vacancyRequest', () => {
  it('hides expired vacancies and reads the salary minimum against the top of the range', () => {
    const req = service.vacancyRequest({ ...base, sort: 'salary', remote: false, salaryMin: 30000, contractType: ['permanent'] }, now);
    expect(req.filter).toEqual([
      `(expiresAt IS NULL OR expiresAt > ${s('2027-01-01T00:00:00Z')})`, 'contractType IN ["permanent"]', 'remote = false',
      '(salaryMaxEur >= 30000 OR (salaryMaxEur IS NULL AND salaryMinEur >= 30000))',
    ]);
    expect(req.sort).toEqual(['salaryMaxEur:desc']);
  });
});

describe('filters', () => {
  it('quotes values so that none can change the expression', () => {
    expect(quote('a" OR id EXISTS')).toBe('"a\\" OR id EXISTS"');
    expect(quote('back\\slash')).toBe('"back\\\\slash"');
  });

  it('measures great-circle distances', () => {
    expect(distanceKm({ lat: 45.0703, lng: 7.6869 }, { lat: 45.4642, lng: 9.19 })).toBeCloseTo(125.6, 0);
  });
});
