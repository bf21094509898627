import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IMPORTANCES, Importance } from '@ricarica/vacancies';

export class VacancyRequirementRequestDto {
  @ApiProperty({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0', description: 'ESCO skill UUID' })
  @IsUUID('all', { message: 'must be an ESCO skill UUID' })
  skillId: string;

  @ApiProperty({ enum: IMPORTANCES, example: 'essential' })
  @IsIn(IMPORTANCES)
  importance: Importance;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 4, default: 2, description: '1 basic, 2 intermediate, 3 advanced, 4 expert' })
  @IsOptional() @IsInt() @Min(1) @Max(4)
  minLevel?: number;
}
