import { ApiProperty } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'skills[0].level' })
  field: string;

  @ApiProperty({ example: 'must not be greater than 4' })
  reason: string;
}

/** The one error shape of the whole API. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'REQUEST.INVALID', description: 'Stable code; clients branch on it.' })
  code: string;

  @ApiProperty({ example: 'skills[0].level: must not be greater than 4' })
  message: string;

  @ApiProperty({ type: [FieldProblemDto] })
  errors: FieldProblemDto[];

  @ApiProperty({ example: '6f1c8a0e-5d0b-4c36-9f0e-3d2a0c1b7e55', description: 'Quote it when reporting a problem.' })
  correlationId: string;
}
