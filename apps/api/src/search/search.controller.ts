import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CatalogSearchService, CourseRecommendationsService } from '@ricarica/catalog-search';
import { Access, Public } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { IdParamDto } from '../http/id-param.dto';
import { Lang, RequestLang } from '../http/lang';
import { CourseSearchQueryDto, parseLatLng, RecommendedCoursesQueryDto, VacancySearchQueryDto } from './search-query.dto';
import { CourseSearchResponseDto, RecommendedCoursesResponseDto, VacancySearchResponseDto } from './search.response.dto';

const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

const SEARCH_503 = 'Meilisearch is unavailable (SEARCH.UNAVAILABLE); writes keep working and reach search once it is back';

@ApiTags('search')
@ApiHeader({ name: 'Accept-Language', required: false, description: 'Language of labels when ?lang is absent (it or en; default it)' })
@Controller()
export class SearchController {
  constructor(
    private readonly search: CatalogSearchService,
    private readonly recommendations: CourseRecommendationsService,
  ) {}

  @Get('search/courses')
  @Public()
  @ApiOkResponse({ type: CourseSearchResponseDto, description: `Published courses. ${SEARCH_503}` })
  @ApiErrors(400, 503)
  courses(@Query() query: CourseSearchQueryDto, @RequestLang() lang: Lang): Promise<CourseSearchResponseDto> {
    return this.search.searchCourses({
      ...query,
      near: parseLatLng(query.near),
      startsAfter: date(query.startsAfter),
      startsBefore: date(query.startsBefore),
      eqfLevel: query.eqfLevel,
      lang,
    });
  }

  @Get('search/vacancies')
  @Public()
  @ApiOkResponse({ type: VacancySearchResponseDto, description: `Open vacancies that have not expired. ${SEARCH_503}` })
  @ApiErrors(400, 503)
  vacancies(@Query() query: VacancySearchQueryDto, @RequestLang() lang: Lang): Promise<VacancySearchResponseDto> {
    return this.search.searchVacancies({ ...query, near: parseLatLng(query.near), lang });
  }

  @Get('workers/:id/courses/recommended')
  @Access(['worker', 'admin'], { reads: 'worker' })
  @ApiOkResponse({
    type: RecommendedCoursesResponseDto,
    description:
      "Courses teaching the skills of the worker's current gap (from its top matches; while it has none, from open vacancies within its radius), " +
      `given within its mobility radius of home or online, most of the gap closed first. ${SEARCH_503}`,
  })
  @ApiErrors(400, 404, 503)
  recommended(@Param() { id }: IdParamDto, @Query() query: RecommendedCoursesQueryDto, @RequestLang() lang: Lang): Promise<RecommendedCoursesResponseDto> {
    return this.recommendations.recommend(id, {
      ...query,
      startsAfter: date(query.startsAfter),
      startsBefore: date(query.startsBefore),
      lang,
    });
  }
}
