import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { APPLICATION_STATUSES, ApplicationStatus } from '@ricarica/applications';
import { LangQueryDto } from '../http/lang-query.dto';
import { PageQueryDto } from '../http/pagination.dto';

class ApplicationFilterDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, example: 'received' })
  @IsOptional() @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}

export class ListApplicationsQueryDto extends IntersectionType(PageQueryDto, LangQueryDto, ApplicationFilterDto) {}

export class PageWithLangQueryDto extends IntersectionType(PageQueryDto, LangQueryDto) {}
