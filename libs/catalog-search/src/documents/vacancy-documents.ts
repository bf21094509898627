import { DataSource } from 'typeorm';
import { DocumentSource, RequirementRef, VacancyDocument } from '@ricarica/search';
import { DocState, LabelledSkill, shortLabels, skillLabelFields } from './labels';

interface VacancyRow {
  id: string;
  version: number;
  source_updated_at: number;
  employer_id: string;
  employer_name: string;
  title: string;
  description: string;
  occupation_id: string | null;
  occupation_label_it: string | null;
  occupation_label_en: string | null;
  occupation_alt_labels_it: string[] | null;
  occupation_alt_labels_en: string[] | null;
  contract_type: VacancyDocument['contractType'];
  salary_min_eur: number | null;
  salary_max_eur: number | null;
  remote: boolean;
  openings: number;
  lat: number | null;
  lng: number | null;
  municipality: string | null;
  province: string | null;
  region: string | null;
  expires_at: number | null;
  published_at: number;
  skills: (LabelledSkill & Pick<RequirementRef, 'importance' | 'minLevel'>)[];
}

/** Only open vacancies that have not expired are searchable. */
const SEARCHABLE = `v.status = 'open' and (v.expires_at is null or v.expires_at > now())`;

const SOURCE_UPDATED_AT = `floor(extract(epoch from greatest(v.updated_at, e.updated_at)) * 1000)::float8`;

const SELECT = `
  select v.id, v.version, ${SOURCE_UPDATED_AT} as source_updated_at, v.employer_id, e.name as employer_name, v.title, v.description,
         v.occupation_id, o.label_it as occupation_label_it, o.label_en as occupation_label_en,
         o.alt_labels_it as occupation_alt_labels_it, o.alt_labels_en as occupation_alt_labels_en,
         v.contract_type, v.salary_min_eur, v.salary_max_eur, v.remote, v.openings,
         v.location_lat as lat, v.location_lng as lng, v.location_municipality as municipality,
         v.location_province as province, v.location_region as region,
         floor(extract(epoch from v.expires_at))::float8 as expires_at, floor(extract(epoch from v.created_at))::float8 as published_at,
         coalesce((select json_agg(json_build_object('skillId', s.id, 'labelEn', s.label_en, 'labelIt', s.label_it,
                                                     'altLabelsEn', s.alt_labels_en, 'altLabelsIt', s.alt_labels_it,
                                                     'importance', r.importance, 'minLevel', r.min_level)
                                   order by r.importance, s.label_en)
                     from vacancy_requirement r join skill s on s.id = r.skill_id where r.vacancy_id = v.id), '[]') as skills
    from vacancy v
    join employer e on e.id = v.employer_id
    left join occupation o on o.id = v.occupation_id`;

export function toVacancyDocument(r: VacancyRow): VacancyDocument {
  const labels = skillLabelFields(r.skills);
  const doc: VacancyDocument = {
    id: r.id,
    version: r.version,
    sourceUpdatedAt: r.source_updated_at,
    employerId: r.employer_id,
    employerName: r.employer_name,
    title: r.title,
    description: r.description,
    occupationId: r.occupation_id,
    occupationLabelIt: r.occupation_label_it,
    occupationLabelEn: r.occupation_label_en,
    occupationAltLabelsIt: r.occupation_alt_labels_it ?? [],
    occupationAltLabelsEn: shortLabels(r.occupation_alt_labels_en ?? []),
    ...labels,
    skills: r.skills.map(({ skillId, labelEn, labelIt, importance, minLevel }) => ({ skillId, labelEn, labelIt, importance, minLevel })),
    contractType: r.contract_type,
    salaryMinEur: r.salary_min_eur,
    salaryMaxEur: r.salary_max_eur,
    remote: r.remote,
    openings: r.openings,
    municipality: r.municipality,
    province: r.province,
    region: r.region,
    expiresAt: r.expires_at,
    publishedAt: r.published_at,
  };
  if (r.lat !== null && r.lng !== null) doc._geo = { lat: r.lat, lng: r.lng };
  return doc;
}

/** Vacancy documents read from PostgreSQL, the source of truth. */
export class VacancyDocuments implements DocumentSource<VacancyDocument> {
  constructor(private readonly db: DataSource) {}

  async count(): Promise<number> {
    const [{ n }] = await this.db.query(`select count(*)::int as n from vacancy v where ${SEARCHABLE}`);
    return n;
  }

  async *pages(pageSize: number): AsyncIterable<VacancyDocument[]> {
    let after: string | null = null;
    for (;;) {
      const rows: VacancyRow[] = await this.db.query(`${SELECT} where ${SEARCHABLE} and ($1::uuid is null or v.id > $1::uuid) order by v.id limit $2`, [after, pageSize]);
      if (rows.length === 0) return;
      yield rows.map(toVacancyDocument);
      after = rows[rows.length - 1].id;
    }
  }

  /** The open, unexpired ones among `ids`; the others (draft, closed, expired, deleted) belong out of the index. */
  async byIds(ids: string[]): Promise<VacancyDocument[]> {
    if (ids.length === 0) return [];
    const rows: VacancyRow[] = await this.db.query(`${SELECT} where ${SEARCHABLE} and v.id = any($1::uuid[])`, [ids]);
    return rows.map(toVacancyDocument);
  }

  async states(ids?: string[]): Promise<Map<string, DocState>> {
    const rows: { id: string; version: number; stamp: number }[] = await this.db.query(
      `select v.id, v.version, ${SOURCE_UPDATED_AT} as stamp
         from vacancy v join employer e on e.id = v.employer_id
        where ${SEARCHABLE} and ($1::uuid[] is null or v.id = any($1::uuid[]))`,
      [ids ?? null],
    );
    return new Map(rows.map((r) => [r.id, { version: r.version, sourceUpdatedAt: r.stamp }]));
  }

  async idsOfEmployer(employerId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`select id from vacancy where employer_id = $1 order by id`, [employerId]);
    return rows.map((r) => r.id);
  }
}
