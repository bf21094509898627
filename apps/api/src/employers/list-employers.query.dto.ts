import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../http/pagination.dto';

class EmployerFilterDto {
  @ApiPropertyOptional({ example: 'brembo', description: 'Part of the name, any case' })
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ example: 'ITC4', description: 'NUTS-2 region of at least one site' })
  @IsOptional() @Matches(/^[A-Z]{2}[A-Z0-9]{2}$/, { message: 'must be a NUTS-2 code such as ITC1' })
  region?: string;
}

export class ListEmployersQueryDto extends IntersectionType(PageQueryDto, EmployerFilterDto) {}
