import { parseMemberCsv, RowLookups, validateMembers } from './member-rows';

const TORINO = { code: '001272', name: 'Torino', province: 'TO', region: 'ITC1', lat: 45.07, lng: 7.68 };
const SAMONE_TO = { code: '001234', name: 'Samone', province: 'TO', region: 'ITC1', lat: 45.45, lng: 7.84 };
const SAMONE_TN = { code: '022165', name: 'Samone', province: 'TN', region: 'ITH2', lat: 46.08, lng: 11.52 };
const OCC = '7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const lookups: RowLookups = {
  municipalitiesByCode: new Map([[TORINO.code, TORINO]]),
  municipalitiesByName: new Map([['torino', [TORINO]], ['samone', [SAMONE_TO, SAMONE_TN]]]),
  occupationIds: new Set([OCC]),
  skillIds: new Set(),
};

describe('member rows', () => {
  it('numbers CSV rows by their line in the file and accepts Italian headers and semicolons', () => {
    const rows = parseMemberCsv('matricola;comune;mansione;email\nA1;Torino;saldatore;\n\nA2;001272;magazziniere;x@example.it\n');
    expect(rows).toEqual([
      { line: 2, input: { employeeRef: 'A1', municipality: 'Torino', jobTitle: 'saldatore' } },
      { line: 4, input: { employeeRef: 'A2', municipality: '001272', jobTitle: 'magazziniere', email: 'x@example.it' } },
    ]);
  });

  it('refuses a file with an unknown column, naming it', () => {
    expect(() => parseMemberCsv('employee_ref,colour\nA1,red\n')).toThrow(/colour/);
  });

  it('rejects each bad row with its first problem and keeps the rest', () => {
    const { valid, rejected } = validateMembers(
      [
        { line: 2, input: { employeeRef: 'A1', municipality: 'torino', jobTitle: 'saldatore', years: '3,5' } },
        { line: 3, input: { employeeRef: 'A1', municipality: 'Torino', jobTitle: 'saldatore' } },
        { line: 4, input: { employeeRef: 'A3', municipality: 'Samone', jobTitle: 'saldatore' } },
        { line: 5, input: { employeeRef: 'A4', municipality: 'Samone', province: 'tn', occupationId: OCC } },
        { line: 6, input: { employeeRef: 'A5', municipality: 'Torino' } },
        { line: 7, input: { employeeRef: 'A6', municipality: 'Torino', jobTitle: 'x', email: 'nope' } },
      ],
      lookups,
    );
    expect(valid.map((v) => [v.line, v.home.code, v.years])).toEqual([[2, '001272', 3.5], [5, '022165', 0]]);
    expect(rejected.map((r) => [r.line, r.field])).toEqual([[3, 'employeeRef'], [4, 'municipality'], [6, 'jobTitle'], [7, 'email']]);
    expect(rejected[0].reason).toBe('duplicate reference (first on line 2)');
  });
});
