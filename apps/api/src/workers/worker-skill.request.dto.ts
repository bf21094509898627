import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { SKILL_SOURCES, SkillSource } from '@ricarica/workers';

export class WorkerSkillRequestDto {
  @ApiProperty({ example: 'a2d2e4a4-30ee-4a4d-a43c-1ed4b9d8e4b6', description: 'ESCO skill UUID' })
  @IsUUID('all', { message: 'must be an ESCO skill UUID' })
  skillId: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 4, description: '1 basic, 2 intermediate, 3 advanced, 4 expert' })
  @IsInt() @Min(1) @Max(4)
  level: number;

  @ApiPropertyOptional({ enum: SKILL_SOURCES, example: 'declared', default: 'declared' })
  @IsOptional() @IsIn(SKILL_SOURCES)
  source?: SkillSource;
}
