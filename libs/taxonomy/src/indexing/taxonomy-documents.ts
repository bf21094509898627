import { DataSource } from 'typeorm';
import { DocumentSource, OccupationDocument, SkillDocument } from '@ricarica/search';

/** Pages a table by primary key (keyset, so later pages cost what the first does). */
function tableSource<D extends { id: string }>(db: DataSource, table: 'skill' | 'occupation', select: string): DocumentSource<D> {
  return {
    async count() {
      const [{ n }] = await db.query(`select count(*)::int as n from ${table}`);
      return n;
    },
    async *pages(pageSize) {
      let after: string | null = null;
      for (;;) {
        const rows: D[] = await db.query(`${select} where ($1::uuid is null or t.id > $1::uuid) order by t.id limit $2`, [after, pageSize]);
        if (rows.length === 0) return;
        yield rows;
        after = rows[rows.length - 1].id;
      }
    },
    async byIds(ids) {
      return db.query(`${select} where t.id = any($1::uuid[])`, [ids]);
    },
  };
}

export function skillDocumentSource(db: DataSource): DocumentSource<SkillDocument> {
  return tableSource<SkillDocument>(
    db,
    'skill',
    `select t.id, t.uri, t.label_en as "labelEn", t.alt_labels_en as "altLabelsEn", t.label_it as "labelIt",
            t.alt_labels_it as "altLabelsIt", t.label_it_source as "labelItSource", t.skill_type as "skillType",
            t.reuse_level as "reuseLevel"
       from skill t`,
  );
}

export function occupationDocumentSource(db: DataSource): DocumentSource<OccupationDocument> {
  return tableSource<OccupationDocument>(
    db,
    'occupation',
    `select t.id, t.uri, t.label_en as "labelEn", t.alt_labels_en as "altLabelsEn", t.label_it as "labelIt",
            t.alt_labels_it as "altLabelsIt", t.isco_group as "iscoGroup", t.code
       from occupation t`,
  );
}
