import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, Actor } from '@ricarica/accounts';
import { ProvidersService } from '@ricarica/providers';
import { Access, Public } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { SignedInActor } from '../http/current-actor';
import { IdParamDto } from '../http/id-param.dto';
import { CreateProviderRequestDto } from './create-provider.request.dto';
import { ListProvidersQueryDto } from './list-providers.query.dto';
import { ProviderPageResponseDto, ProviderResponseDto } from './provider.response.dto';
import { UpdateProviderRequestDto } from './update-provider.request.dto';

@ApiTags('providers')
@Controller('providers')
export class ProviderController {
  constructor(
    private readonly providers: ProvidersService,
    private readonly policy: AccessPolicy,
  ) {}

  @Post()
  @Access(['provider', 'admin'])
  @ApiCreatedResponse({ type: ProviderResponseDto })
  @ApiErrors(400)
  create(@Body() body: CreateProviderRequestDto, @SignedInActor() actor: Actor): Promise<ProviderResponseDto> {
    return this.providers.create(body, this.policy.ownerOfNew(actor, 'provider'));
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: ProviderPageResponseDto })
  @ApiErrors(400)
  list(@Query() query: ListProvidersQueryDto): Promise<ProviderPageResponseDto> {
    return this.providers.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: ProviderResponseDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParamDto): Promise<ProviderResponseDto> {
    return this.providers.get(id);
  }

  @Patch(':id')
  @Access(['provider', 'admin'], { manages: 'provider' })
  @ApiOkResponse({ type: ProviderResponseDto })
  @ApiErrors(400, 404)
  update(@Param() { id }: IdParamDto, @Body() body: UpdateProviderRequestDto): Promise<ProviderResponseDto> {
    return this.providers.update(id, body);
  }

  @Delete(':id')
  @Access(['provider', 'admin'], { manages: 'provider' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with all its courses' })
  @ApiErrors(400, 404)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.providers.remove(id);
  }
}
