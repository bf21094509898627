import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkillsService } from '@ricarica/taxonomy';
import { ApiErrors } from '../http/api-errors.decorator';
import { IdParamDto } from '../http/id-param.dto';
import { Lang, RequestLang } from '../http/lang';
import { LangQueryDto } from '../http/lang-query.dto';
import { SearchSkillsQueryDto } from './search-skills.query.dto';
import { SkillResponseDto, SkillSearchResponseDto } from './skill.response.dto';
import { Public } from '../http/access.decorator';

@ApiTags('skills')
@ApiHeader({ name: 'Accept-Language', required: false, description: 'Used when ?lang is absent (it or en; default it)' })
// The taxonomy (ESCO, ISTAT places) is open to anyone.
@Public()
@Controller('skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @ApiOkResponse({ type: SkillSearchResponseDto, description: 'ESCO skills whose Italian or English labels (preferred or alternative) match q' })
  @ApiErrors(400, 503)
  async search(@Query() query: SearchSkillsQueryDto, @RequestLang() lang: Lang): Promise<SkillSearchResponseDto> {
    return { items: await this.skills.search({ q: query.q, lang, limit: query.limit }) };
  }

  @Get(':id')
  @ApiOkResponse({ type: SkillResponseDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto, @Query() _query: LangQueryDto, @RequestLang() lang: Lang): Promise<SkillResponseDto> {
    return this.skills.findById(id, lang);
  }
}
