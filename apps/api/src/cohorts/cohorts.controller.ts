import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@ricarica/accounts';
import { CohortErrors, CohortReportService, CohortsService, publicReport, reportCsv, reportHtml } from '@ricarica/cohorts';
import { DomainError } from '@ricarica/common';
import { Access } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { SignedInActor } from '../http/current-actor';
import { IdParamDto } from '../http/id-param.dto';
import {
  ConfirmOccupationRequestDto, CreateCohortRequestDto, InviteMemberRequestDto, ListMembersQueryDto, MemberParamsDto, ReportQueryDto, UploadMembersRequestDto,
} from './cohort.request.dto';
import { CohortReportResponseDto } from './cohort-report.response.dto';
import {
  CohortListResponseDto, CohortMemberPageResponseDto, CohortQueuedResponseDto, CohortResponseDto, CohortUploadResponseDto,
} from './cohort.response.dto';

/** Largest CSV accepted (5,000 rows with emails and skills fit well within it). */
export const MAX_CSV_BYTES = 8 * 1024 * 1024;

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly reports: CohortReportService,
  ) {}

  @Post()
  @Access(['employer', 'admin'], { owns: { employer: 'employerId' } })
  @ApiCreatedResponse({ type: CohortResponseDto, description: 'The cohort, with zero members' })
  @ApiErrors(400, 404)
  create(@Body() body: CreateCohortRequestDto): Promise<CohortResponseDto> {
    return this.cohorts.create(body);
  }

  @Get()
  @Access(['employer', 'admin'])
  @ApiOkResponse({ type: CohortListResponseDto, description: "Admins: every cohort; employers: their own's" })
  async list(@SignedInActor() actor: Actor): Promise<CohortListResponseDto> {
    return { items: await this.cohorts.list(actor.role === 'admin' ? null : (actor.employerId ?? '00000000-0000-0000-0000-000000000000')) };
  }

  @Get(':id')
  @Access(['employer', 'admin'], { manages: 'cohort' })
  @ApiOkResponse({ type: CohortResponseDto, description: 'The cohort with progress counts: mapped, to confirm, invited, claimed, matched' })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto): Promise<CohortResponseDto> {
    return this.cohorts.get(id);
  }

  @Post(':id/members')
  @HttpCode(202)
  @Access(['employer', 'admin'], { manages: 'cohort' })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody({
    description:
      'CSV (as the body with Content-Type text/csv, or as the file field of a multipart form) with the header employee_ref, municipality, province, job_title, ' +
      'occupation_id, years, skills (ESCO skill ids separated by ;), email; or JSON {"members": [...]}. At most 5,000 rows.',
    type: UploadMembersRequestDto,
  })
  @ApiAcceptedResponse({ type: CohortUploadResponseDto, description: 'Valid rows kept (processed by the worker), rejected rows listed with their line and reason' })
  @ApiErrors(400, 404)
  async upload(@Param() { id }: IdParamDto, @Req() req: FastifyRequest): Promise<CohortUploadResponseDto> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'text/csv') return this.cohorts.uploadCsv(id, String(req.body ?? ''));
    if (type === 'multipart/form-data') {
      const file = await req.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
      if (!file) throw CohortErrors.badUpload('file', 'no file in the form');
      const buffer = await file.toBuffer();
      return this.cohorts.uploadCsv(id, buffer.toString('utf8'));
    }
    const dto = plainToInstance(UploadMembersRequestDto, req.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      throw DomainError.invalid('VALIDATION.FAILED', errors.flatMap((e) => flatten(e)));
    }
    return this.cohorts.uploadJson(id, dto.members);
  }

  @Get(':id/members')
  @Access(['employer', 'admin'], { manages: 'cohort' })
  @ApiOkResponse({ type: CohortMemberPageResponseDto, description: 'Members by employee reference; ?status=to_confirm lists those a person must confirm, with suggestions' })
  @ApiErrors(400, 404)
  members(@Param() { id }: IdParamDto, @Query() q: ListMembersQueryDto): Promise<CohortMemberPageResponseDto> {
    return this.cohorts.members(id, q.status, q.limit, q.cursor, q.lang ?? 'it');
  }

  @Patch(':id/members/:memberId')
  @HttpCode(204)
  @Access(['employer', 'admin'], { manages: 'cohort' })
  @ApiNoContentResponse({ description: "The member's occupation is set; its pre-profile follows (by the worker when it does not exist yet)" })
  @ApiErrors(400, 404, 409)
  async confirm(@Param() { id, memberId }: MemberParamsDto, @Body() body: ConfirmOccupationRequestDto): Promise<void> {
    await this.cohorts.confirmOccupation(id, memberId, body.occupationId);
  }

  @Post(':id/members/:memberId/invitation')
  @HttpCode(202)
  @Access(['admin'], { manages: 'cohort' })
  @ApiAcceptedResponse({ type: CohortQueuedResponseDto, description: 'An invitation for a member without email; the mail is sent by the worker' })
  @ApiErrors(400, 404, 409)
  async invite(@Param() { id, memberId }: MemberParamsDto, @Body() body: InviteMemberRequestDto): Promise<CohortQueuedResponseDto> {
    await this.cohorts.invite(id, memberId, body.email);
    return { queued: true };
  }

  @Get(':id/report')
  @Access(['employer', 'admin'], { manages: 'cohort' })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiExtraModels(CohortReportResponseDto)
  @ApiOkResponse({
    description: 'Where the cohort can go, the training it takes, who is hardest to place. Non-admins: counts under 5 withheld. ' +
      '?format=csv: one table (section) as CSV; ?format=html: a printable page',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CohortReportResponseDto) } },
      'text/csv': { schema: { type: 'string', example: 'occupation_id,occupation,fit_today,fit_today_suppressed,with_pathway_300h,with_pathway_suppressed,vacancies,openings,employers\r\n…' } },
      'text/html': { schema: { type: 'string', example: '<!doctype html><html lang="it">…</html>' } },
    },
  })
  @ApiErrors(400, 404)
  async report(
    @Param() { id }: IdParamDto, @Query() q: ReportQueryDto, @SignedInActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CohortReportResponseDto | string> {
    const { report: full, stale } = await this.reports.stored(id);
    const report = actor.role === 'admin' ? full : publicReport(full);
    if (q.format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="cohort-${id}-${q.section}.csv"`);
      return reportCsv(report, q.section);
    }
    if (q.format === 'html') {
      const cohort = await this.cohorts.get(id);
      reply.header('content-type', 'text/html; charset=utf-8');
      return reportHtml(report, { name: cohort.name, employer: cohort.employer.name, plant: cohort.plant.name ?? cohort.plant.municipality });
    }
    return { ...report, stale };
  }

  @Post(':id/report')
  @HttpCode(202)
  @Access(['employer', 'admin'], { manages: 'cohort' })
  @ApiAcceptedResponse({ type: CohortQueuedResponseDto, description: 'The report is recomputed by the worker (after vacancies or courses changed)' })
  @ApiErrors(400, 404)
  async refreshReport(@Param() { id }: IdParamDto): Promise<CohortQueuedResponseDto> {
    await this.cohorts.requestReport(id);
    return { queued: true };
  }
}

function flatten(e: import('class-validator').ValidationError, path = ''): { field: string; reason: string }[] {
  const field = path ? `${path}.${e.property}` : e.property;
  const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
  return [...own, ...(e.children ?? []).flatMap((c) => flatten(c, /^\d+$/.test(c.property) ? field : field))].map((p) => ({ ...p, field: p.field.replace(/\.(\d+)/g, '[$1]') }));
}
