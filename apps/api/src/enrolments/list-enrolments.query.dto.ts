import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ENROLMENT_STATUSES, EnrolmentStatus } from '@ricarica/applications';
import { LangQueryDto } from '../http/lang-query.dto';
import { PageQueryDto } from '../http/pagination.dto';

class EnrolmentFilterDto {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES, example: 'requested' })
  @IsOptional() @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;
}

export class ListEnrolmentsQueryDto extends IntersectionType(PageQueryDto, LangQueryDto, EnrolmentFilterDto) {}
