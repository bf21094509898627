import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import { Repository } from 'typeorm';
import { DomainError } from '@ricarica/common';
import { IndexNames, MEILI_CLIENT, SkillDocument, searchUnavailable } from '@ricarica/search';
import { Skill } from './entities';
import { altLabelsIn, labelIn, Lang, matchedLabel } from './labels';
import { BroaderConcept, SearchQuery, SkillDetail, SkillHit, SkillSummary } from './taxonomy.views';

export const MAX_SEARCH_LIMIT = 50;

type SkillLabels = Pick<Skill, 'id' | 'uri' | 'labelEn' | 'labelIt' | 'labelItSource' | 'skillType' | 'reuseLevel'>;

/** Maps a skill row or document to what lists show. */
export function skillSummary(lang: Lang, s: SkillLabels): SkillSummary {
  return {
    skillId: s.id,
    uri: s.uri,
    label: labelIn(lang, s),
    labelEn: s.labelEn,
    labelIt: s.labelIt,
    labelSource: s.labelItSource,
    skillType: s.skillType,
    reuseLevel: s.reuseLevel,
  };
}

/** ESCO skills: typo-tolerant autocomplete over both languages' labels, and one skill with its broader concepts. */
@Injectable()
export class SkillsService {
  private readonly logger = new Logger(SkillsService.name);

  constructor(
    @InjectRepository(Skill) private readonly skills: Repository<Skill>,
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
    private readonly names: IndexNames,
  ) {}

  async search({ q, lang, limit }: SearchQuery): Promise<SkillHit[]> {
    const uid = this.names.skills;
    let hits;
    try {
      ({ hits } = await this.meili.index<SkillDocument>(uid).search(q.trim(), { limit: Math.min(Math.max(limit, 1), MAX_SEARCH_LIMIT) }));
    } catch (e) {
      this.logger.warn(`search on ${uid} failed: ${(e as Error).message}`);
      throw searchUnavailable(uid, e);
    }
    return hits.map((h) => {
      const hit: SkillHit = { ...skillSummary(lang, { ...h, labelItSource: h.labelItSource }), altLabels: altLabelsIn(lang, h) };
      const matched = matchedLabel(lang, h, q);
      if (matched !== undefined) hit.matchedLabel = matched;
      return hit;
    });
  }

  /** @throws DomainError SKILL.NOT_FOUND */
  async findById(id: string, lang: Lang): Promise<SkillDetail> {
    const skill = await this.skills.findOne({ where: { id } });
    if (!skill) throw DomainError.notFound('skill', id);
    const rows: { uri: string; type: string; skill_id: string | null; label_en: string | null; label_it: string | null; group_id: string | null; group_label: string | null }[] =
      await this.skills.query(
        `select b.broader_uri as uri, b.broader_type as type, s.id as skill_id, s.label_en, s.label_it, g.id as group_id, g.label_en as group_label
           from skill_broader b
           left join skill s on s.uri = b.broader_uri
           left join skill_group g on g.uri = b.broader_uri
          where b.concept_uri = $1 and (s.id is not null or g.id is not null)
          order by coalesce(g.label_en, s.label_en)`,
        [skill.uri],
      );
    const broader: BroaderConcept[] = rows.map((r) =>
      r.skill_id
        ? { id: r.skill_id, uri: r.uri, type: 'skill', label: labelIn(lang, { labelEn: r.label_en!, labelIt: r.label_it }) }
        : { id: r.group_id!, uri: r.uri, type: 'skillGroup', label: r.group_label! },
    );
    return { ...skillSummary(lang, skill), altLabels: altLabelsIn(lang, skill), description: skill.description, broader };
  }
}
