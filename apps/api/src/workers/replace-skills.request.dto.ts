import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { WorkerSkillRequestDto } from './worker-skill.request.dto';

export class ReplaceSkillsRequestDto {
  @ApiProperty({ type: [WorkerSkillRequestDto] })
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => WorkerSkillRequestDto)
  skills: WorkerSkillRequestDto[];
}
