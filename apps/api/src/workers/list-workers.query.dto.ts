import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { EMPLOYMENT_STATUSES, EmploymentStatus } from '@ricarica/workers';
import { PageQueryDto } from '../http/pagination.dto';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

class WorkerFilterDto {
  @ApiPropertyOptional({ example: 'ITC1', description: 'NUTS-2 region of home' })
  @IsOptional() @Matches(/^[A-Z]{2}[A-Z0-9]{2}$/, { message: 'must be a NUTS-2 code such as ITC1' })
  region?: string;

  @ApiPropertyOptional({ example: 'TO' })
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'must be a two-letter province abbreviation such as TO' })
  province?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_STATUSES })
  @IsOptional() @IsIn(EMPLOYMENT_STATUSES)
  employmentStatus?: EmploymentStatus;

  @ApiPropertyOptional({ example: true })
  @IsOptional() @Transform(toBool) @IsBoolean()
  visibleToEmployers?: boolean;

  @ApiPropertyOptional({ example: 'a2d2e4a4-30ee-4a4d-a43c-1ed4b9d8e4b6', description: 'Only workers holding this skill' })
  @IsOptional() @IsUUID('all')
  skillId?: string;
}

export class ListWorkersQueryDto extends IntersectionType(PageQueryDto, WorkerFilterDto) {}
