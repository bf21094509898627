import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MatchReadService, PathwayReadService } from '@ricarica/matches';
import { Access } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { IdParamDto } from '../http/id-param.dto';
import { Lang, RequestLang } from '../http/lang';
import { LangQueryDto } from '../http/lang-query.dto';
import { MatchListQueryDto } from './match-list.query.dto';
import { WorkerVacancyParamsDto } from './pathway-params.dto';
import { PathwayResponseDto, PathwaysResponseDto } from './pathway.response.dto';
import { WorkerMatchesResponseDto } from './match.response.dto';

@ApiTags('matches')
@Controller()
export class MatchController {
  constructor(
    private readonly matches: MatchReadService,
    private readonly pathways: PathwayReadService,
  ) {}

  /** Vacancies the worker can reach, best fit first, with what is met and what is missing. */
  @Get('workers/:id/matches')
  @Access(['worker', 'admin'], { manages: 'worker' })
  @ApiOkResponse({ type: WorkerMatchesResponseDto })
  @ApiErrors(400, 404)
  workerMatches(@Param() { id }: IdParamDto, @Query() query: MatchListQueryDto, @RequestLang() lang: Lang): Promise<WorkerMatchesResponseDto> {
    return this.matches.workerMatches(id, Math.min(query.limit, 50), lang);
  }

  /** A retraining plan: the reachable courses that close this vacancy's gap fastest, in order. */
  @Get('workers/:id/matches/:vacancyId/pathway')
  @Access(['worker', 'admin'], { manages: 'worker', alsoReads: { vacancyId: 'vacancy' } })
  @ApiOkResponse({ type: PathwayResponseDto })
  @ApiErrors(400, 404)
  pathway(@Param() { id, vacancyId }: WorkerVacancyParamsDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<PathwayResponseDto> {
    return this.pathways.pathway(id, vacancyId, lang);
  }

  /** The course sets that raise the worker's fit the most per training hour, across its top matches. */
  @Get('workers/:id/pathways')
  @Access(['worker', 'admin'], { manages: 'worker' })
  @ApiOkResponse({ type: PathwaysResponseDto })
  @ApiErrors(400, 404)
  allPathways(@Param() { id }: IdParamDto, @Query() query: MatchListQueryDto, @RequestLang() lang: Lang): Promise<PathwaysResponseDto> {
    return this.pathways.pathways(id, Math.min(query.limit, 20), lang);
  }
}
