import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, Actor } from '@ricarica/accounts';
import { PersonalDataService } from '@ricarica/privacy';
import { WorkersService } from '@ricarica/workers';
import { Access } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { SignedInActor } from '../http/current-actor';
import { IdParamDto } from '../http/id-param.dto';
import { LangQueryDto } from '../http/lang-query.dto';
import { Lang, RequestLang } from '../http/lang';
import { CreateWorkerRequestDto } from './create-worker.request.dto';
import { ListWorkersQueryDto } from './list-workers.query.dto';
import { ReplaceSkillsRequestDto } from './replace-skills.request.dto';
import { UpdateWorkerRequestDto } from './update-worker.request.dto';
import { WorkerPageResponseDto, WorkerResponseDto } from './worker.response.dto';

@ApiTags('workers')
@Controller('workers')
export class WorkerController {
  constructor(
    private readonly workers: WorkersService,
    private readonly policy: AccessPolicy,
    private readonly personalData: PersonalDataService,
  ) {}

  @Post()
  @Access(['worker', 'admin'])
  @ApiCreatedResponse({ type: WorkerResponseDto, description: "A worker account's own profile (one each), or one made by staff" })
  @ApiErrors(400, 409)
  create(@Body() body: CreateWorkerRequestDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang, @SignedInActor() actor: Actor): Promise<WorkerResponseDto> {
    return this.workers.create(body, lang, this.policy.ownerOfNew(actor, 'worker'));
  }

  @Get()
  @Access(['admin'])
  @ApiOkResponse({ type: WorkerPageResponseDto })
  @ApiErrors(400)
  list(@Query() query: ListWorkersQueryDto): Promise<WorkerPageResponseDto> {
    return this.workers.list(query);
  }

  @Get(':id')
  @Access(['worker', 'admin'], { reads: 'worker' })
  @ApiOkResponse({ type: WorkerResponseDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<WorkerResponseDto> {
    return this.workers.get(id, lang);
  }

  @Patch(':id')
  @Access(['worker', 'admin'], { manages: 'worker' })
  @ApiOkResponse({ type: WorkerResponseDto, description: 'visibleToEmployers: false takes the worker out of every candidate list at once' })
  @ApiErrors(400, 404, 409)
  update(@Param() { id }: IdParamDto, @Body() body: UpdateWorkerRequestDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<WorkerResponseDto> {
    return this.workers.update(id, body, lang);
  }

  @Put(':id/skills')
  @Access(['worker', 'admin'], { manages: 'worker' })
  @ApiOkResponse({ type: WorkerResponseDto })
  @ApiErrors(400, 404)
  replaceSkills(@Param() { id }: IdParamDto, @Body() body: ReplaceSkillsRequestDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<WorkerResponseDto> {
    return this.workers.replaceSkills(id, body.skills, lang);
  }

  @Delete(':id')
  @Access(['worker', 'admin'], { manages: 'worker' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Erased like the profile part of DELETE /me: applications and enrolment requests stay only as anonymous counts' })
  @ApiErrors(400, 404)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.personalData.eraseWorkerProfile(id);
  }
}
