import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class LangQueryDto {
  @ApiPropertyOptional({ enum: ['it', 'en'], example: 'it', description: 'Language of labels; defaults to Accept-Language, then it' })
  @IsOptional() @IsIn(['it', 'en'])
  lang?: 'it' | 'en';
}
