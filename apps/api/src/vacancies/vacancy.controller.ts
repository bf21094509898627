import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, Actor } from '@ricarica/accounts';
import { VacanciesService } from '@ricarica/vacancies';
import { Access, Public } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { CurrentActor } from '../http/current-actor';
import { IdParamDto } from '../http/id-param.dto';
import { LangQueryDto } from '../http/lang-query.dto';
import { Lang, RequestLang } from '../http/lang';
import { CreateVacancyRequestDto } from './create-vacancy.request.dto';
import { ListVacanciesQueryDto } from './list-vacancies.query.dto';
import { UpdateVacancyRequestDto } from './update-vacancy.request.dto';
import { VacancyPageResponseDto, VacancyResponseDto } from './vacancy.response.dto';

@ApiTags('vacancies')
@Controller('vacancies')
export class VacancyController {
  constructor(
    private readonly vacancies: VacanciesService,
    private readonly policy: AccessPolicy,
  ) {}

  @Post()
  @Access(['employer', 'admin'], { owns: { employer: 'employerId' } })
  @ApiCreatedResponse({ type: VacancyResponseDto })
  @ApiErrors(400, 404)
  create(@Body() body: CreateVacancyRequestDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<VacancyResponseDto> {
    return this.vacancies.create(body, lang);
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: VacancyPageResponseDto, description: 'Open, unexpired vacancies; an employer also sees its own in any status, an admin all' })
  @ApiErrors(400)
  list(@Query() query: ListVacanciesQueryDto, @RequestLang() lang: Lang, @CurrentActor() actor: Actor | null): Promise<VacancyPageResponseDto> {
    return this.vacancies.list({ ...query, scope: this.policy.vacancyScope(actor) }, lang);
  }

  @Get(':id')
  @Public({ reads: 'vacancy' })
  @ApiOkResponse({ type: VacancyResponseDto, description: 'A draft, closed or expired vacancy answers 404 except to its employer and admins' })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<VacancyResponseDto> {
    return this.vacancies.get(id, lang);
  }

  @Patch(':id')
  @Access(['employer', 'admin'], { manages: 'vacancy', owns: { employer: 'employerId' } })
  @ApiOkResponse({ type: VacancyResponseDto })
  @ApiErrors(400, 404)
  update(@Param() { id }: IdParamDto, @Body() body: UpdateVacancyRequestDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<VacancyResponseDto> {
    return this.vacancies.update(id, body, lang);
  }

  @Delete(':id')
  @Access(['employer', 'admin'], { manages: 'vacancy' })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.vacancies.remove(id);
  }
}
