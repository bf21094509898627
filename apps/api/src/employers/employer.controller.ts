import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, Actor } from '@ricarica/accounts';
import { EmployersService } from '@ricarica/employers';
import { Access, Public } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { SignedInActor } from '../http/current-actor';
import { IdParamDto } from '../http/id-param.dto';
import { CreateEmployerRequestDto } from './create-employer.request.dto';
import { EmployerPageResponseDto, EmployerResponseDto } from './employer.response.dto';
import { ListEmployersQueryDto } from './list-employers.query.dto';
import { UpdateEmployerRequestDto } from './update-employer.request.dto';

@ApiTags('employers')
@Controller('employers')
export class EmployerController {
  constructor(
    private readonly employers: EmployersService,
    private readonly policy: AccessPolicy,
  ) {}

  @Post()
  @Access(['employer', 'admin'])
  @ApiCreatedResponse({ type: EmployerResponseDto })
  @ApiErrors(400, 409)
  create(@Body() body: CreateEmployerRequestDto, @SignedInActor() actor: Actor): Promise<EmployerResponseDto> {
    return this.employers.create(body, this.policy.ownerOfNew(actor, 'employer'));
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: EmployerPageResponseDto })
  @ApiErrors(400)
  list(@Query() query: ListEmployersQueryDto): Promise<EmployerPageResponseDto> {
    return this.employers.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: EmployerResponseDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto): Promise<EmployerResponseDto> {
    return this.employers.get(id);
  }

  @Patch(':id')
  @Access(['employer', 'admin'], { manages: 'employer' })
  @ApiOkResponse({ type: EmployerResponseDto })
  @ApiErrors(400, 404, 409)
  update(@Param() { id }: IdParamDto, @Body() body: UpdateEmployerRequestDto): Promise<EmployerResponseDto> {
    return this.employers.update(id, body);
  }

  @Delete(':id')
  @Access(['employer', 'admin'], { manages: 'employer' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with all its vacancies' })
  @ApiErrors(400, 404)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.employers.remove(id);
  }
}
