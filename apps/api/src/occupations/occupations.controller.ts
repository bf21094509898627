import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OccupationsService, OccupationSuggester } from '@ricarica/taxonomy';
import { ApiErrors } from '../http/api-errors.decorator';
import { IdParamDto } from '../http/id-param.dto';
import { Lang, RequestLang } from '../http/lang';
import { LangQueryDto } from '../http/lang-query.dto';
import { OccupationResponseDto, OccupationSearchResponseDto } from './occupation.response.dto';
import { OccupationSuggestResponseDto } from './occupation-suggestion.response.dto';
import { SearchOccupationsQueryDto } from './search-occupations.query.dto';
import { SuggestOccupationsQueryDto } from './suggest-occupations.query.dto';
import { Public } from '../http/access.decorator';

@ApiTags('occupations')
@ApiHeader({ name: 'Accept-Language', required: false, description: 'Used when ?lang is absent (it or en; default it)' })
// The taxonomy (ESCO, ISTAT places) is open to anyone.
@Public()
@Controller('occupations')
export class OccupationsController {
  constructor(
    private readonly occupations: OccupationsService,
    private readonly suggester: OccupationSuggester,
  ) {}

  @Get()
  @ApiOkResponse({ type: OccupationSearchResponseDto, description: 'ESCO occupations whose Italian or English labels (preferred or alternative) match q' })
  @ApiErrors(400, 503)
  async search(@Query() query: SearchOccupationsQueryDto, @RequestLang() lang: Lang): Promise<OccupationSearchResponseDto> {
    return { items: await this.occupations.search({ q: query.q, lang, limit: query.limit }) };
  }

  @Get('suggest')
  @ApiOkResponse({ type: OccupationSuggestResponseDto, description: 'ESCO occupations for a job title, with a confidence; none when nothing is close enough' })
  @ApiErrors(400, 503)
  suggest(@Query() query: SuggestOccupationsQueryDto, @RequestLang() lang: Lang): Promise<OccupationSuggestResponseDto> {
    return this.suggester.suggest(query.title, lang, { limit: query.limit });
  }

  @Get(':id')
  @ApiOkResponse({ type: OccupationResponseDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto, @Query() _query: LangQueryDto, @RequestLang() lang: Lang): Promise<OccupationResponseDto> {
    return this.occupations.findById(id, lang);
  }
}
