import { IsOptional, IsString, Length, ValidateBy, ValidateIf } from 'class-validator';
import { esfPlusRetentionEnd, IsoDate, RetentionEnd } from '@pathway/domain';
import { IsIsoDate } from '../http/validators';

export class RetentionDto {
  /**
   * The last day the participants' personal data is kept, in the project's time zone. Leave it
   * out and give `lastPaymentOn` for the ESF+ rule: 31 December five years after the year of the
   * last payment (Regulation (EU) 2021/1060, Article 82).
   */
  @ValidateIf((body: RetentionDto) => body.lastPaymentOn === undefined || body.retentionEnd !== undefined)
  @IsIsoDate()
  retentionEnd?: string;

  /** The date of the last payment to the project, when the end follows from it. Not together with `retentionEnd` (400). */
  @IsOptional()
  @IsIsoDate()
  @ValidateBy({
    name: 'notWithRetentionEnd',
    validator: {
      validate: (_value: unknown, args) => (args?.object as RetentionDto).retentionEnd === undefined,
      defaultMessage: () => 'lastPaymentOn cannot be given with retentionEnd: give the retention end, or the last payment for the ESF+ rule, not both',
    },
  })
  lastPaymentOn?: string;

  /** The legal basis or reason, e.g. "Regulation (EU) 2021/1060, Article 82". About the project, never a person. */
  @IsString()
  @Length(3, 500)
  basis!: string;

  toRetention(projectId: string): RetentionEnd {
    const lastPaymentOn: IsoDate | null = this.lastPaymentOn ?? null;
    return { projectId, retentionEnd: this.retentionEnd ?? esfPlusRetentionEnd(lastPaymentOn!), basis: this.basis, lastPaymentOn };
  }
}
