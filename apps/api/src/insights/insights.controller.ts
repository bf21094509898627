import { applyDecorators, Controller, Get, Param, Query, Res, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@ricarica/accounts';
import { areaCsv, InsightsReadService, provincesCsv, regionsCsv, skillCsv, trainingDemandCsv } from '@ricarica/insights';
import { Public } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { CurrentActor } from '../http/current-actor';
import { Lang, RequestLang } from '../http/lang';
import {
  InsightsFormatQueryDto,
  InsightsListQueryDto,
  ProvinceCodeParamDto,
  RegionCodeParamDto,
  SkillIdParamDto,
  SkillInsightsQueryDto,
  TrainingDemandQueryDto,
} from './insights.query.dto';
import { AreaInsightsResponseDto } from './area-insights.response.dto';
import { InsightMonthsResponseDto, ProvincesInsightsResponseDto, RegionsInsightsResponseDto } from './regions-insights.response.dto';
import { SkillInsightsResponseDto } from './skill-insights.response.dto';
import { TrainingDemandResponseDto } from './training-demand.response.dto';

/** JSON as the DTO, or with `?format=csv` a CSV text. */
const OkJsonOrCsv = (type: Type<unknown>, description: string) =>
  applyDecorators(
    ApiExtraModels(type),
    ApiOkResponse({
      description,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': { schema: { type: 'string', example: 'month,region_code,region_name,workers,…\r\n2026-11,ITC1,Piemonte,1280,…\r\n' } },
      },
    }),
  );

const SUPPRESSION = 'Counts of fewer than 5 workers are null with `suppressed: true` (and one more cell when a total would give them back); admins see every count.';

/**
 * Regional transition insights from the stored monthly snapshots: open to anyone, anonymous by
 * suppression; `?format=csv` for spreadsheets.
 */
@ApiTags('insights')
@Controller('insights')
export class InsightsController {
  constructor(private readonly insights: InsightsReadService) {}

  /** Every region with its headline figures and top shortage skills. */
  @Get('regions')
  @Public()
  @OkJsonOrCsv(RegionsInsightsResponseDto, `Regions with workers by status, vacancies, openings, match rate, shortage intensity and top shortages. ${SUPPRESSION}`)
  @ApiErrors(400, 404)
  async regions(@Query() q: InsightsFormatQueryDto, @CurrentActor() actor: Actor | null, @RequestLang() lang: Lang, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.insights.regions(q.month, viewer(actor, lang));
    return q.format === 'csv' ? csv(reply, `insights-regions-${view.snapshot.month}.csv`, regionsCsv(view)) : view;
  }

  /** The months with a stored snapshot, for a month picker. */
  @Get('months')
  @Public()
  @ApiOkResponse({ type: InsightMonthsResponseDto, description: 'Months with a stored snapshot, latest first (empty before the first snapshot)' })
  async months(): Promise<InsightMonthsResponseDto> {
    return { items: await this.insights.months() };
  }

  /** Every province of a region with its headline figures, shortage intensity and top shortage skills. */
  @Get('regions/:code/provinces')
  @Public()
  @OkJsonOrCsv(ProvincesInsightsResponseDto, `The region's provinces with workers by status, vacancies, openings, match rate, shortage intensity and top shortages. ${SUPPRESSION}`)
  @ApiErrors(400, 404)
  async provinces(@Param() { code }: RegionCodeParamDto, @Query() q: InsightsFormatQueryDto, @CurrentActor() actor: Actor | null, @RequestLang() lang: Lang, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.insights.provinces(code, q.month, viewer(actor, lang));
    return q.format === 'csv' ? csv(reply, `insights-${code}-provinces-${view.snapshot.month}.csv`, provincesCsv(view)) : view;
  }

  /** One region's figures: supply, demand, gaps, transitions, training capacity, outcomes and trend. */
  @Get('regions/:code')
  @Public()
  @OkJsonOrCsv(AreaInsightsResponseDto, `A region's figures for the month. ${SUPPRESSION}`)
  @ApiErrors(400, 404)
  async region(@Param() { code }: RegionCodeParamDto, @Query() q: InsightsListQueryDto, @CurrentActor() actor: Actor | null, @RequestLang() lang: Lang, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.insights.area('region', code, q.month, { ...viewer(actor, lang), limit: q.limit });
    return q.format === 'csv' ? csv(reply, `insights-${code}-${view.snapshot.month}.csv`, areaCsv(view)) : view;
  }

  /** The same figures for a province. */
  @Get('provinces/:code')
  @Public()
  @OkJsonOrCsv(AreaInsightsResponseDto, `A province's figures for the month. ${SUPPRESSION}`)
  @ApiErrors(400, 404)
  async province(@Param() { code }: ProvinceCodeParamDto, @Query() q: InsightsListQueryDto, @CurrentActor() actor: Actor | null, @RequestLang() lang: Lang, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.insights.area('province', code, q.month, { ...viewer(actor, lang), limit: q.limit });
    return q.format === 'csv' ? csv(reply, `insights-${code}-${view.snapshot.month}.csv`, areaCsv(view)) : view;
  }

  /** One skill: supply, demand, courses per area, and its trend by month. */
  @Get('skills/:skillId')
  @Public()
  @OkJsonOrCsv(SkillInsightsResponseDto, `A skill's figures per area and month. ${SUPPRESSION}`)
  @ApiErrors(400, 404)
  async skill(@Param() { skillId }: SkillIdParamDto, @Query() q: SkillInsightsQueryDto, @CurrentActor() actor: Actor | null, @RequestLang() lang: Lang, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.insights.skill(skillId, q.region, q.month, viewer(actor, lang));
    return q.format === 'csv' ? csv(reply, `insights-skill-${skillId}-${view.snapshot.month}.csv`, skillCsv(view)) : view;
  }

  /** For training bodies: shortage skills ranked by how many displaced or at-risk workers a course would help, with the courses that exist. */
  @Get('training-demand')
  @Public()
  @OkJsonOrCsv(TrainingDemandResponseDto, `Shortage skills of a region or province by workers who would gain. ${SUPPRESSION}`)
  @ApiErrors(400, 404)
  async trainingDemand(@Query() q: TrainingDemandQueryDto, @CurrentActor() actor: Actor | null, @RequestLang() lang: Lang, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.insights.trainingDemand(q.region, q.province, q.month, { ...viewer(actor, lang), limit: q.limit });
    return q.format === 'csv' ? csv(reply, `insights-training-demand-${view.area.code}-${view.snapshot.month}.csv`, trainingDemandCsv(view)) : view;
  }
}

const viewer = (actor: Actor | null, lang: Lang) => ({ unsuppressed: actor?.role === 'admin', lang });

function csv(reply: FastifyReply, filename: string, body: string): string {
  void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
  return body;
}
