import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, Actor } from '@ricarica/accounts';
import { EnrolmentsService } from '@ricarica/applications';
import { PageWithLangQueryDto } from '../applications/list-applications.query.dto';
import { Access } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { SignedInActor } from '../http/current-actor';
import { IdParamDto } from '../http/id-param.dto';
import { Lang, RequestLang } from '../http/lang';
import { LangQueryDto } from '../http/lang-query.dto';
import { CreateEnrolmentRequestDto } from './create-enrolment.request.dto';
import { EnrolmentPageResponseDto, EnrolmentResponseDto } from './enrolment.response.dto';
import { ListEnrolmentsQueryDto } from './list-enrolments.query.dto';
import { UpdateEnrolmentRequestDto } from './update-enrolment.request.dto';

@ApiTags('enrolments')
@Controller()
export class EnrolmentController {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly policy: AccessPolicy,
  ) {}

  @Post('courses/:id/enrolments')
  @Access(['worker'], { reads: 'course' })
  @ApiCreatedResponse({ type: EnrolmentResponseDto, description: "Holds a seat of the session (409 ENROLMENT.SESSION_FULL when none is left); reveals the worker's profile to the provider" })
  @ApiErrors(400, 404, 409)
  request(
    @Param() { id }: IdParamDto,
    @Body() body: CreateEnrolmentRequestDto,
    @Query() _q: LangQueryDto,
    @RequestLang() lang: Lang,
    @SignedInActor() actor: Actor,
  ): Promise<EnrolmentResponseDto> {
    return this.enrolments.request(id, body.sessionId, actor.workerId, lang);
  }

  @Get('courses/:id/enrolments')
  @Access(['provider', 'admin'], { manages: 'course' })
  @ApiOkResponse({ type: EnrolmentPageResponseDto, description: 'Newest first, with the profiles the requesters revealed (not those who withdrew)' })
  @ApiErrors(400, 404)
  listForCourse(
    @Param() { id }: IdParamDto,
    @Query() query: ListEnrolmentsQueryDto,
    @RequestLang() lang: Lang,
    @SignedInActor() actor: Actor,
  ): Promise<EnrolmentPageResponseDto> {
    return this.enrolments.listForCourse(id, this.policy.sideOf(actor), query, lang);
  }

  @Get('enrolments/:id')
  @Access(['worker', 'provider', 'admin'], { reads: 'enrolment' })
  @ApiOkResponse({ type: EnrolmentResponseDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang, @SignedInActor() actor: Actor): Promise<EnrolmentResponseDto> {
    return this.enrolments.get(id, lang, this.policy.sideOf(actor));
  }

  @Patch('enrolments/:id')
  @Access(['worker', 'provider', 'admin'], { manages: 'enrolment' })
  @ApiOkResponse({ type: EnrolmentResponseDto })
  @ApiErrors(400, 404, 409)
  move(
    @Param() { id }: IdParamDto,
    @Body() body: UpdateEnrolmentRequestDto,
    @Query() _q: LangQueryDto,
    @RequestLang() lang: Lang,
    @SignedInActor() actor: Actor,
  ): Promise<EnrolmentResponseDto> {
    return this.enrolments.move(id, this.policy.sideOf(actor), body.status, lang);
  }

  @Get('workers/:id/enrolments')
  @Access(['worker', 'admin'], { reads: 'worker' })
  @ApiOkResponse({ type: EnrolmentPageResponseDto, description: "The worker's own enrolment requests, newest first" })
  @ApiErrors(400, 404)
  listForWorker(@Param() { id }: IdParamDto, @Query() query: PageWithLangQueryDto, @RequestLang() lang: Lang): Promise<EnrolmentPageResponseDto> {
    return this.enrolments.listForWorker(id, query, lang);
  }
}
