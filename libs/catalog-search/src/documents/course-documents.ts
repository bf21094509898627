import { DataSource } from 'typeorm';
import { CourseDocument, DocumentSource, SkillRef } from '@ricarica/search';
import { DocState, LabelledSkill, skillLabelFields } from './labels';

interface CourseRow {
  id: string;
  version: number;
  source_updated_at: number;
  provider_id: string;
  provider_name: string;
  title: string;
  description: string;
  language: string;
  mode: CourseDocument['mode'];
  hours: number;
  cost_eur: number;
  funding: string[];
  eqf_level: number | null;
  lat: number | null;
  lng: number | null;
  municipality: string | null;
  province: string | null;
  region: string | null;
  skills: LabelledSkill[];
  prerequisites: SkillRef[];
  sessions: { startsAt: number; seats: number }[];
}

/** Only published courses are searchable; everything else is absent from the index. */
const PUBLISHED = `c.status = 'published'`;

/** The stamp compared by the consistency check: course or provider written later than the document. */
const SOURCE_UPDATED_AT = `floor(extract(epoch from greatest(c.updated_at, p.updated_at)) * 1000)::float8`;

const SELECT = `
  select c.id, c.version, ${SOURCE_UPDATED_AT} as source_updated_at, c.provider_id, p.name as provider_name, c.title, c.description,
         c.language, c.mode, c.hours, c.cost_eur::float8 as cost_eur, c.funding, c.eqf_level,
         c.location_lat as lat, c.location_lng as lng, c.location_municipality as municipality,
         c.location_province as province, c.location_region as region,
         coalesce((select json_agg(json_build_object('skillId', s.id, 'labelEn', s.label_en, 'labelIt', s.label_it,
                                                     'altLabelsEn', s.alt_labels_en, 'altLabelsIt', s.alt_labels_it)
                                   order by cs.target_level desc, s.label_en)
                     from course_skill cs join skill s on s.id = cs.skill_id where cs.course_id = c.id), '[]') as skills,
         coalesce((select json_agg(json_build_object('skillId', s.id, 'labelEn', s.label_en, 'labelIt', s.label_it) order by s.label_en)
                     from course_prerequisite cp join skill s on s.id = cp.skill_id where cp.course_id = c.id), '[]') as prerequisites,
         coalesce((select json_agg(json_build_object('startsAt', floor(extract(epoch from cs.starts_at))::float8, 'seats', cs.seats) order by cs.starts_at)
                     from course_session cs where cs.course_id = c.id and cs.starts_at > now()), '[]') as sessions
    from course c join provider p on p.id = c.provider_id`;

export function toCourseDocument(r: CourseRow): CourseDocument {
  const next = r.sessions[0];
  const doc: CourseDocument = {
    id: r.id,
    version: r.version,
    sourceUpdatedAt: r.source_updated_at,
    providerId: r.provider_id,
    providerName: r.provider_name,
    title: r.title,
    description: r.description,
    language: r.language,
    mode: r.mode,
    hours: r.hours,
    costEur: r.cost_eur,
    funding: r.funding,
    eqfLevel: r.eqf_level,
    nextSessionStartsAt: next?.startsAt ?? null,
    nextSessionSeats: next?.seats ?? null,
    sessionStarts: r.sessions.map((s) => s.startsAt),
    ...skillLabelFields(r.skills),
    prerequisites: r.prerequisites,
    municipality: r.municipality,
    province: r.province,
    region: r.region,
  };
  if (r.lat !== null && r.lng !== null) doc._geo = { lat: r.lat, lng: r.lng };
  return doc;
}

/** Course documents read from PostgreSQL, the source of truth. */
export class CourseDocuments implements DocumentSource<CourseDocument> {
  constructor(private readonly db: DataSource) {}

  async count(): Promise<number> {
    const [{ n }] = await this.db.query(`select count(*)::int as n from course c where ${PUBLISHED}`);
    return n;
  }

  /** Keyset pages by id, so the last page costs what the first does. */
  async *pages(pageSize: number): AsyncIterable<CourseDocument[]> {
    let after: string | null = null;
    for (;;) {
      const rows: CourseRow[] = await this.db.query(`${SELECT} where ${PUBLISHED} and ($1::uuid is null or c.id > $1::uuid) order by c.id limit $2`, [after, pageSize]);
      if (rows.length === 0) return;
      yield rows.map(toCourseDocument);
      after = rows[rows.length - 1].id;
    }
  }

  /** The published ones among `ids`; the others (draft, archived, deleted) belong out of the index. */
  async byIds(ids: string[]): Promise<CourseDocument[]> {
    if (ids.length === 0) return [];
    const rows: CourseRow[] = await this.db.query(`${SELECT} where ${PUBLISHED} and c.id = any($1::uuid[])`, [ids]);
    return rows.map(toCourseDocument);
  }

  /** What the index should hold for `ids` (every published course when omitted), without building documents. */
  async states(ids?: string[]): Promise<Map<string, DocState>> {
    const rows: { id: string; version: number; stamp: number; next: number | null }[] = await this.db.query(
      `select c.id, c.version, ${SOURCE_UPDATED_AT} as stamp,
              (select floor(extract(epoch from min(cs.starts_at)))::float8 from course_session cs where cs.course_id = c.id and cs.starts_at > now()) as next
         from course c join provider p on p.id = c.provider_id
        where ${PUBLISHED} and ($1::uuid[] is null or c.id = any($1::uuid[]))`,
      [ids ?? null],
    );
    return new Map(rows.map((r) => [r.id, { version: r.version, sourceUpdatedAt: r.stamp, next: r.next }]));
  }

  /** Every course of a provider, whatever its status (a rename must reach all the published ones). */
  async idsOfProvider(providerId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`select id from course where provider_id = $1 order by id`, [providerId]);
    return rows.map((r) => r.id);
  }
}
