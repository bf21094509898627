import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export class CourseSkillRequestDto {
  @ApiProperty({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0', description: 'ESCO skill UUID' })
  @IsUUID('all', { message: 'must be an ESCO skill UUID' })
  skillId: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 4, description: 'Level reached by the end: 1 basic, 2 intermediate, 3 advanced, 4 expert' })
  @IsInt() @Min(1) @Max(4)
  targetLevel: number;
}
