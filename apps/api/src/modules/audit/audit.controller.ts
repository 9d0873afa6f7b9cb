import { Permission } from '@hocvu/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { RequirePermission } from '../../common/auth/decorators';
import { AuditService } from './audit.service';
import { AuditLogPageDto, AuditLogQueryDto } from './dto/audit-log.dto';

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(Permission.AuditLogRead)
  @ApiOkResponse({ type: AuditLogPageDto })
  async list(@Query() query: AuditLogQueryDto): Promise<AuditLogPageDto> {
    const { items, total } = await this.audit.list(query.page, query.pageSize);
    return {
      items: items.map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
