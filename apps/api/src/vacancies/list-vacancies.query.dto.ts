import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { VACANCY_STATUSES, VacancyStatus } from '@ricarica/vacancies';
import { LangQueryDto } from '../http/lang-query.dto';
import { PageQueryDto } from '../http/pagination.dto';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

class VacancyFilterDto {
  @ApiPropertyOptional({ example: '5b1f7c2a-9d4e-4f0a-8c3b-2e6d1a7f9b40' })
  @IsOptional() @IsUUID('all')
  employerId?: string;

  @ApiPropertyOptional({ enum: VACANCY_STATUSES, example: 'open' })
  @IsOptional() @IsIn(VACANCY_STATUSES)
  status?: VacancyStatus;

  @ApiPropertyOptional({ example: 'ITC1', description: 'NUTS-2 region of the location' })
  @IsOptional() @Matches(/^[A-Z]{2}[A-Z0-9]{2}$/, { message: 'must be a NUTS-2 code such as ITC1' })
  region?: string;

  @ApiPropertyOptional({ example: 'TO' })
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'must be a two-letter province abbreviation such as TO' })
  province?: string;

  @ApiPropertyOptional({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b', description: 'ESCO occupation UUID' })
  @IsOptional() @IsUUID('all')
  occupationId?: string;

  @ApiPropertyOptional({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0', description: 'Only vacancies requiring this skill' })
  @IsOptional() @IsUUID('all')
  skillId?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional() @Transform(toBool) @IsBoolean()
  remote?: boolean;
}

export class ListVacanciesQueryDto extends IntersectionType(PageQueryDto, LangQueryDto, VacancyFilterDto) {}
