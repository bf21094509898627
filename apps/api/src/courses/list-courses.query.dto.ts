import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { COURSE_MODES, COURSE_STATUSES, CourseMode, CourseStatus, FUNDING_SOURCES, FundingSource } from '@ricarica/courses';
import { LangQueryDto } from '../http/lang-query.dto';
import { PageQueryDto } from '../http/pagination.dto';

class CourseFilterDto {
  @ApiPropertyOptional({ example: '9c4e2b7a-1f3d-4a6e-8b5c-0d2f7e9a1c36' })
  @IsOptional() @IsUUID('all')
  providerId?: string;

  @ApiPropertyOptional({ enum: COURSE_STATUSES, example: 'published' })
  @IsOptional() @IsIn(COURSE_STATUSES)
  status?: CourseStatus;

  @ApiPropertyOptional({ enum: COURSE_MODES, example: 'in_person' })
  @IsOptional() @IsIn(COURSE_MODES)
  mode?: CourseMode;

  @ApiPropertyOptional({ example: 'ITC1', description: 'NUTS-2 region of the location' })
  @IsOptional() @Matches(/^[A-Z]{2}[A-Z0-9]{2}$/, { message: 'must be a NUTS-2 code such as ITC1' })
  region?: string;

  @ApiPropertyOptional({ example: 'TO' })
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'must be a two-letter province abbreviation such as TO' })
  province?: string;

  @ApiPropertyOptional({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0', description: 'Only courses teaching this skill' })
  @IsOptional() @IsUUID('all')
  skillId?: string;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES, example: 'GOL', description: 'Only courses accepting this funding (send FSE+ as FSE%2B)' })
  @IsOptional() @IsIn(FUNDING_SOURCES)
  funding?: FundingSource;
}

export class ListCoursesQueryDto extends IntersectionType(PageQueryDto, LangQueryDto, CourseFilterDto) {}
