import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ricarica/config';
import { Lang, MatchReadService } from '@ricarica/matches';
import { candidateRefKey, CandidateView, toCandidateView } from './candidate-privacy';

export interface CandidateList {
  vacancyId: string;
  computedAt: Date | null;
  /** True while a recomputation for this vacancy is queued (it changed after computedAt). */
  stale: boolean;
  items: CandidateView[];
}

/**
 * The workers who fit a vacancy, for its employer: the vacancy's stored ranked list (consenting
 * workers only, filtered again at read time so a withdrawn consent hides a worker at once), each
 * entry projected by toCandidateView.
 */
@Injectable()
export class CandidatesService {
  private readonly key: Buffer;

  constructor(
    private readonly matches: MatchReadService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = candidateRefKey(config.auth.jwtSecret);
  }

  async list(vacancyId: string, limit: number, lang: Lang): Promise<CandidateList> {
    const stored = await this.matches.vacancyCandidates(vacancyId, limit, lang);
    return { vacancyId, computedAt: stored.computedAt, stale: stored.stale, items: stored.items.map((c) => toCandidateView(c, vacancyId, this.key)) };
  }
}
