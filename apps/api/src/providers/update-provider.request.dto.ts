import { PartialType } from '@nestjs/swagger';
import { CreateProviderRequestDto } from './create-provider.request.dto';

/** Any field; null is refused except where it clears an optional value (accreditation). */
export class UpdateProviderRequestDto extends PartialType(CreateProviderRequestDto, { skipNullProperties: false }) {}
