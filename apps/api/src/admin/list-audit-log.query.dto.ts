import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AUDIT_OUTCOMES, AuditOutcome } from '@ricarica/accounts';
import { PageQueryDto } from '../http/pagination.dto';

class AuditFilterDto {
  @ApiPropertyOptional({ example: '0b9e5a7c-3d1f-4b2a-8e6c-9f4d2a1b7c30' })
  @IsOptional() @IsUUID('all')
  actorUserId?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES, example: 'forbidden' })
  @IsOptional() @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ example: 'PATCH /api/v1/vacancies', description: 'Start of the action: a route or an event such as account.' })
  @IsOptional() @IsString() @MaxLength(160)
  action?: string;
}

export class ListAuditLogQueryDto extends IntersectionType(PageQueryDto, AuditFilterDto) {}
