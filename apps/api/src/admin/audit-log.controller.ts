import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@ricarica/accounts';
import { Access } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { AuditPageResponseDto } from './audit-entry.response.dto';
import { ListAuditLogQueryDto } from './list-audit-log.query.dto';

@ApiTags('admin')
@Controller('admin/audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access(['admin'])
  @ApiOkResponse({ type: AuditPageResponseDto, description: 'Refused attempts, admin access to private records and account events, newest first' })
  @ApiErrors(400)
  list(@Query() query: ListAuditLogQueryDto): Promise<AuditPageResponseDto> {
    return this.audit.list(query);
  }
}
