import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, Actor } from '@ricarica/accounts';
import { CoursesService } from '@ricarica/courses';
import { Access, Public } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { CurrentActor } from '../http/current-actor';
import { IdParamDto } from '../http/id-param.dto';
import { LangQueryDto } from '../http/lang-query.dto';
import { Lang, RequestLang } from '../http/lang';
import { CoursePageResponseDto, CourseResponseDto } from './course.response.dto';
import { CreateCourseRequestDto } from './create-course.request.dto';
import { ListCoursesQueryDto } from './list-courses.query.dto';
import { UpdateCourseRequestDto } from './update-course.request.dto';

@ApiTags('courses')
@Controller('courses')
export class CourseController {
  constructor(
    private readonly courses: CoursesService,
    private readonly policy: AccessPolicy,
  ) {}

  @Post()
  @Access(['provider', 'admin'], { owns: { provider: 'providerId' } })
  @ApiCreatedResponse({ type: CourseResponseDto })
  @ApiErrors(400, 404)
  create(@Body() body: CreateCourseRequestDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<CourseResponseDto> {
    return this.courses.create(body, lang);
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: CoursePageResponseDto, description: 'Published courses; a provider also sees its own in any status, an admin all' })
  @ApiErrors(400)
  list(@Query() query: ListCoursesQueryDto, @RequestLang() lang: Lang, @CurrentActor() actor: Actor | null): Promise<CoursePageResponseDto> {
    return this.courses.list({ ...query, scope: this.policy.courseScope(actor) }, lang);
  }

  @Get(':id')
  @Public({ reads: 'course' })
  @ApiOkResponse({ type: CourseResponseDto, description: 'A draft or archived course answers 404 except to its provider and admins' })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<CourseResponseDto> {
    return this.courses.get(id, lang);
  }

  @Patch(':id')
  @Access(['provider', 'admin'], { manages: 'course', owns: { provider: 'providerId' } })
  @ApiOkResponse({ type: CourseResponseDto })
  @ApiErrors(400, 404)
  update(@Param() { id }: IdParamDto, @Body() body: UpdateCourseRequestDto, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<CourseResponseDto> {
    return this.courses.update(id, body, lang);
  }

  @Delete(':id')
  @Access(['provider', 'admin'], { manages: 'course' })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.courses.remove(id);
  }
}
