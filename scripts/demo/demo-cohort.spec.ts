import path from 'node:path';
import { foldText } from '@ricarica/common';
import { MunicipalityRef, parseMemberCsv, validateMembers } from '@ricarica/cohorts';
import { buildCohortMembers, memberCsv } from './demo-cohort';
import { readMunicipalities } from './demo-source';

describe('the demo cohort file', () => {
  it('is a 300-row Italian HR export that the upload accepts whole: homes near the plant, unique references, some emails', async () => {
    const municipalities = await readMunicipalities(path.join(__dirname, '..', '..', 'data'));
    const plant = municipalities.find((m) => m.name === 'Rivalta di Torino')!;
    const rows = buildCohortMembers(municipalities, plant, 300, { seed: 1, emailDomain: 'example.it', refPrefix: 'SC' });
    const csv = memberCsv(rows);
    expect(csv.split('\n')[0]).toBe('matricola;comune;provincia;mansione;anni;email');

    const parsed = parseMemberCsv(csv);
    const refs: MunicipalityRef[] = municipalities.map((m) => ({ code: m.istatCode, name: m.name, province: m.province, region: m.region, lat: m.lat, lng: m.lng }));
    const byName = new Map<string, MunicipalityRef[]>();
    for (const m of refs) byName.set(foldText(m.name), [...(byName.get(foldText(m.name)) ?? []), m]);
    const { valid, rejected } = validateMembers(parsed, { municipalitiesByCode: new Map(refs.map((m) => [m.code, m])), municipalitiesByName: byName, occupationIds: new Set(), skillIds: new Set() });
    expect(rejected).toEqual([]);
    expect(valid).toHaveLength(300);
    expect(new Set(valid.map((v) => v.employeeRef)).size).toBe(300);
    expect(valid.every((v) => v.home.province === 'TO')).toBe(true);
    const withEmail = valid.filter((v) => v.email !== null).length;
    expect(withEmail).toBeGreaterThan(90);
    expect(withEmail).toBeLessThan(210);
    expect(new Set(valid.map((v) => v.home.name)).size).toBeGreaterThan(10);
  });

  it('is the same on every run for a seed', async () => {
    const municipalities = await readMunicipalities(path.join(__dirname, '..', '..', 'data'));
    const plant = municipalities.find((m) => m.name === 'Orbassano')!;
    const a = buildCohortMembers(municipalities, plant, 50, { seed: 7, emailDomain: 'example.it', refPrefix: 'X' });
    const b = buildCohortMembers(municipalities, plant, 50, { seed: 7, emailDomain: 'example.it', refPrefix: 'X' });
    expect(a).toEqual(b);
  });
});
