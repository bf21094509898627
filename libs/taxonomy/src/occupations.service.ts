import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import { Repository } from 'typeorm';
import { DomainError } from '@ricarica/common';
import { IndexNames, MEILI_CLIENT, OccupationDocument, searchUnavailable } from '@ricarica/search';
import { Occupation } from './entities';
import { altLabelsIn, labelIn, Lang, matchedLabel } from './labels';
import { MAX_SEARCH_LIMIT, skillSummary } from './skills.service';
import { OccupationDetail, OccupationHit, SearchQuery, SkillSummary } from './taxonomy.views';

type OccupationLabels = Pick<Occupation, 'id' | 'uri' | 'labelEn' | 'altLabelsEn' | 'labelIt' | 'altLabelsIt' | 'iscoGroup' | 'code'>;

function occupationHit(lang: Lang, o: OccupationLabels): OccupationHit {
  return {
    occupationId: o.id,
    uri: o.uri,
    label: labelIn(lang, o),
    labelEn: o.labelEn,
    labelIt: o.labelIt,
    altLabels: altLabelsIn(lang, o),
    iscoGroup: o.iscoGroup,
    code: o.code,
  };
}

interface RelatedSkillRow {
  relation_type: 'essential' | 'optional';
  id: string;
  uri: string;
  label_en: string;
  label_it: string | null;
  label_it_source: 'esco' | 'ricarica' | null;
  skill_type: string | null;
  reuse_level: string | null;
}

/** ESCO occupations: autocomplete, and one occupation with its essential and optional skills. */
@Injectable()
export class OccupationsService {
  private readonly logger = new Logger(OccupationsService.name);

  constructor(
    @InjectRepository(Occupation) private readonly occupations: Repository<Occupation>,
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
    private readonly names: IndexNames,
  ) {}

  async search({ q, lang, limit }: SearchQuery): Promise<OccupationHit[]> {
    const uid = this.names.occupations;
    let hits;
    try {
      ({ hits } = await this.meili.index<OccupationDocument>(uid).search(q.trim(), { limit: Math.min(Math.max(limit, 1), MAX_SEARCH_LIMIT) }));
    } catch (e) {
      this.logger.warn(`search on ${uid} failed: ${(e as Error).message}`);
      throw searchUnavailable(uid, e);
    }
    return hits.map((h) => {
      const hit = occupationHit(lang, h);
      const matched = matchedLabel(lang, h, q);
      if (matched !== undefined) hit.matchedLabel = matched;
      return hit;
    });
  }

  /** One query for the occupation, one for all its skills. @throws DomainError OCCUPATION.NOT_FOUND */
  async findById(id: string, lang: Lang): Promise<OccupationDetail> {
    const occupation = await this.occupations.findOne({ where: { id } });
    if (!occupation) throw DomainError.notFound('occupation', id);
    const rows: RelatedSkillRow[] = await this.occupations.query(
      `select os.relation_type, s.id, s.uri, s.label_en, s.label_it, s.label_it_source, s.skill_type, s.reuse_level
         from occupation_skill os
         join skill s on s.id = os.skill_id
        where os.occupation_id = $1`,
      [id],
    );
    const essentialSkills: SkillSummary[] = [];
    const optionalSkills: SkillSummary[] = [];
    for (const r of rows) {
      const summary = skillSummary(lang, {
        id: r.id,
        uri: r.uri,
        labelEn: r.label_en,
        labelIt: r.label_it,
        labelItSource: r.label_it_source,
        skillType: r.skill_type,
        reuseLevel: r.reuse_level,
      });
      (r.relation_type === 'essential' ? essentialSkills : optionalSkills).push(summary);
    }
    const byLabel = (a: SkillSummary, b: SkillSummary) => a.label.localeCompare(b.label, lang);
    return { ...occupationHit(lang, occupation), description: occupation.description, essentialSkills: essentialSkills.sort(byLabel), optionalSkills: optionalSkills.sort(byLabel) };
  }
}
