import { parse } from 'csv-parse/sync';
import { foldText } from '@ricarica/common';
import { CohortErrors } from './cohort.errors';
import { MAX_MEMBERS_PER_UPLOAD, MemberInput, RejectedRow } from './cohort.types';

export interface NumberedRow {
  line: number;
  input: MemberInput;
}

/** CSV header → MemberInput field; Italian headers accepted too, as HR exports write them. */
const HEADERS: Record<string, keyof MemberInput> = {
  employee_ref: 'employeeRef', employeeref: 'employeeRef', matricola: 'employeeRef',
  municipality: 'municipality', comune: 'municipality',
  province: 'province', provincia: 'province',
  job_title: 'jobTitle', jobtitle: 'jobTitle', mansione: 'jobTitle',
  occupation_id: 'occupationId', occupationid: 'occupationId',
  years: 'years', anni: 'years',
  skills: 'skills', competenze: 'skills',
  email: 'email',
};

/** Rows of a CSV file (comma or semicolon separated, header row), each with its line in the file. */
export function parseMemberCsv(text: string): NumberedRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(body, { columns: (header: string[]) => header.map((h) => foldText(h).replace(/\s+/g, '_')), delimiter, info: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    throw CohortErrors.badUpload('file', `not a readable CSV file: ${(e as Error).message}`);
  }
  if (records.length === 0) throw CohortErrors.badUpload('file', 'no rows under the header');
  const columns = Object.keys(records[0].record);
  const unknown = columns.filter((c) => !(c in HEADERS));
  if (unknown.length) throw CohortErrors.badUpload('file', `unknown column(s) ${unknown.join(', ')}; expected ${Object.keys(HEADERS).filter((h) => h.includes('_') || h === 'email' || h === 'years' || h === 'skills' || h === 'municipality' || h === 'province').join(', ')}`);
  if (!columns.some((c) => HEADERS[c] === 'employeeRef')) throw CohortErrors.badUpload('file', 'the header has no employee_ref column');
  if (records.length > MAX_MEMBERS_PER_UPLOAD) throw CohortErrors.tooManyRows(records.length, MAX_MEMBERS_PER_UPLOAD);
  return records.map(({ record, info }) => {
    const input: MemberInput = {};
    for (const [column, value] of Object.entries(record)) if (value !== '') (input as Record<string, string>)[HEADERS[column]] = value;
    return { line: info.lines, input };
  });
}

/** JSON members, numbered from 1. */
export function numberJsonMembers(members: MemberInput[]): NumberedRow[] {
  if (members.length > MAX_MEMBERS_PER_UPLOAD) throw CohortErrors.tooManyRows(members.length, MAX_MEMBERS_PER_UPLOAD);
  return members.map((input, i) => ({ line: i + 1, input }));
}

export interface MunicipalityRef {
  code: string;
  name: string;
  province: string;
  region: string;
  lat: number;
  lng: number;
}

/** What validation checks references against, loaded in bulk by the caller. */
export interface RowLookups {
  municipalitiesByCode: Map<string, MunicipalityRef>;
  /** By folded name: several when the name repeats across provinces. */
  municipalitiesByName: Map<string, MunicipalityRef[]>;
  occupationIds: Set<string>;
  skillIds: Set<string>;
}

export interface ValidMember {
  line: number;
  employeeRef: string;
  home: MunicipalityRef;
  jobTitle: string | null;
  occupationId: string | null;
  years: number;
  skillIds: string[];
  email: string | null;
}

const REF = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Deliberately plain: one @, no spaces, a dot in the domain; the invitation mail is the real test.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());

export function skillList(v: MemberInput['skills']): string[] {
  if (Array.isArray(v)) return v.map(str).filter(Boolean);
  return str(v).split(/[;|]/).map((s) => s.trim()).filter(Boolean);
}

/** What an upload must hold to know which municipalities, occupations and skills to load. */
export function referencesOf(rows: NumberedRow[]): { codes: string[]; names: string[]; occupationIds: string[]; skillIds: string[] } {
  const codes = new Set<string>();
  const names = new Set<string>();
  const occupations = new Set<string>();
  const skills = new Set<string>();
  for (const { input } of rows) {
    const m = str(input.municipality);
    if (/^\d{6}$/.test(m)) codes.add(m);
    else if (m) names.add(foldText(m));
    const o = str(input.occupationId);
    if (UUID.test(o)) occupations.add(o.toLowerCase());
    for (const s of skillList(input.skills)) if (UUID.test(s)) skills.add(s.toLowerCase());
  }
  return { codes: [...codes], names: [...names], occupationIds: [...occupations], skillIds: [...skills] };
}

/**
 * Validates every row on its own: the valid ones are returned, each bad one is rejected with its line and
 * the first problem found. A reference repeated in the file keeps its first row; the later ones are rejected.
 */
export function validateMembers(rows: NumberedRow[], lookups: RowLookups): { valid: ValidMember[]; rejected: RejectedRow[] } {
  const valid: ValidMember[] = [];
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, input } of rows) {
    const ref = str(input.employeeRef);
    const reject = (field: string, reason: string) => rejected.push({ line, employeeRef: ref || null, field, reason });
    if (!ref) { reject('employeeRef', 'empty employee reference'); continue; }
    if (!REF.test(ref)) { reject('employeeRef', 'employee reference must be 1-64 letters, digits, . _ / or -'); continue; }
    const seen = firstLine.get(ref.toUpperCase());
    if (seen !== undefined) { reject('employeeRef', `duplicate reference (first on line ${seen})`); continue; }
    firstLine.set(ref.toUpperCase(), line);

    const place = str(input.municipality);
    const province = str(input.province).toUpperCase();
    if (!place) { reject('municipality', 'empty municipality'); continue; }
    let home: MunicipalityRef | undefined;
    if (/^\d{6}$/.test(place)) home = lookups.municipalitiesByCode.get(place);
    else {
      const named = (lookups.municipalitiesByName.get(foldText(place)) ?? []).filter((m) => !province || m.province === province);
      if (named.length > 1) { reject('municipality', `"${place}" names several municipalities: add the province or use the ISTAT code`); continue; }
      home = named[0];
    }
    if (!home) { reject('municipality', `unknown municipality "${place}"${province ? ` in province ${province}` : ''}`); continue; }

    const title = str(input.jobTitle);
    const occupation = str(input.occupationId).toLowerCase();
    if (occupation && !(UUID.test(occupation) && lookups.occupationIds.has(occupation))) { reject('occupationId', `${occupation} is not an ESCO occupation`); continue; }
    if (!title && !occupation) { reject('jobTitle', 'empty job title (give a job title or an ESCO occupation id)'); continue; }
    if (title.length > 200) { reject('jobTitle', 'job title longer than 200 characters'); continue; }

    const yearsRaw = str(input.years).replace(',', '.');
    const years = yearsRaw === '' ? 0 : Number(yearsRaw);
    if (!Number.isFinite(years) || years < 0 || years > 60) { reject('years', `years in the role must be a number from 0 to 60, got "${yearsRaw}"`); continue; }

    const skills = skillList(input.skills).map((s) => s.toLowerCase());
    const badSkill = skills.find((s) => !(UUID.test(s) && lookups.skillIds.has(s)));
    if (badSkill) { reject('skills', `${badSkill} is not an ESCO skill`); continue; }

    const email = str(input.email);
    if (email && (!EMAIL.test(email) || email.length > 320)) { reject('email', `bad email "${email}"`); continue; }

    valid.push({ line, employeeRef: ref, home, jobTitle: title || null, occupationId: occupation || null, years: Math.round(years * 10) / 10, skillIds: [...new Set(skills)], email: email ? email.toLowerCase() : null });
  }
  return { valid, rejected };
}
