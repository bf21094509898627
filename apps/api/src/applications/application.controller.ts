import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, Actor } from '@ricarica/accounts';
import { ApplicationsService, CandidatesService } from '@ricarica/applications';
import { Access } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { SignedInActor } from '../http/current-actor';
import { IdParamDto } from '../http/id-param.dto';
import { Lang, RequestLang } from '../http/lang';
import { LangQueryDto } from '../http/lang-query.dto';
import { ApplicationPageResponseDto, ApplicationResponseDto } from './application.response.dto';
import { CandidateListResponseDto, ListCandidatesQueryDto } from './candidate.response.dto';
import { ListApplicationsQueryDto, PageWithLangQueryDto } from './list-applications.query.dto';
import { UpdateApplicationRequestDto } from './update-application.request.dto';

@ApiTags('applications')
@Controller()
export class ApplicationController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly candidates: CandidatesService,
    private readonly policy: AccessPolicy,
  ) {}

  @Post('vacancies/:id/applications')
  @Access(['worker'], { reads: 'vacancy' })
  @ApiCreatedResponse({ type: ApplicationResponseDto, description: "Once per vacancy; reveals the worker's profile to the vacancy's employer" })
  @ApiErrors(400, 404, 409)
  apply(@Param() { id }: IdParamDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang, @SignedInActor() actor: Actor): Promise<ApplicationResponseDto> {
    return this.applications.apply(id, actor.workerId, lang);
  }

  @Get('vacancies/:id/applications')
  @Access(['employer', 'admin'], { manages: 'vacancy' })
  @ApiOkResponse({ type: ApplicationPageResponseDto, description: 'Newest first, with the profiles the applicants revealed (not those who withdrew)' })
  @ApiErrors(400, 404)
  listForVacancy(
    @Param() { id }: IdParamDto,
    @Query() query: ListApplicationsQueryDto,
    @RequestLang() lang: Lang,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationPageResponseDto> {
    return this.applications.listForVacancy(id, this.policy.sideOf(actor), query, lang);
  }

  @Get('vacancies/:id/candidates')
  @Access(['employer', 'admin'], { manages: 'vacancy' })
  @ApiOkResponse({
    type: CandidateListResponseDto,
    description: 'The stored ranked list (docs/matching.md): consenting workers within reach, best fit first; anonymous unless they applied',
  })
  @ApiErrors(400, 404)
  listCandidates(@Param() { id }: IdParamDto, @Query() query: ListCandidatesQueryDto, @RequestLang() lang: Lang): Promise<CandidateListResponseDto> {
    return this.candidates.list(id, query.limit, lang);
  }

  @Get('applications/:id')
  @Access(['worker', 'employer', 'admin'], { reads: 'application' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang, @SignedInActor() actor: Actor): Promise<ApplicationResponseDto> {
    return this.applications.get(id, lang, this.policy.sideOf(actor));
  }

  @Patch('applications/:id')
  @Access(['worker', 'employer', 'admin'], { manages: 'application' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiErrors(400, 404, 409)
  move(
    @Param() { id }: IdParamDto,
    @Body() body: UpdateApplicationRequestDto,
    @Query() _q: LangQueryDto,
    @RequestLang() lang: Lang,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.applications.move(id, this.policy.sideOf(actor), body.status, lang);
  }

  @Get('workers/:id/applications')
  @Access(['worker', 'admin'], { reads: 'worker' })
  @ApiOkResponse({ type: ApplicationPageResponseDto, description: "The worker's own applications, newest first" })
  @ApiErrors(400, 404)
  listForWorker(@Param() { id }: IdParamDto, @Query() query: PageWithLangQueryDto, @RequestLang() lang: Lang): Promise<ApplicationPageResponseDto> {
    return this.applications.listForWorker(id, query, lang);
  }
}
