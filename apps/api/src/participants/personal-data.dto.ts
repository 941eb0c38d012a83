import { IsBoolean, IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PersonalData } from '@pathway/privacy';
import { RequestValidationError } from '../http/problem';
import { IsIsoDate } from '../http/validators';

export const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;
/** A national identity number as written: Swedish (19900101-2385, 900101+2385) or another country's. */
export const IDENTITY_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 +-]{0,31}$/;

/** The contact details a caseworker may change later (PATCH); null removes one. */
export class ContactDetailsDto {
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number: digits, spaces, ( ) - and an optional leading +' })
  phone?: string | null;

  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string | null;

  /**
   * The person has protected identity (skyddad identitet): the monthly participant file to SCB
   * carries a replacement code instead of the identity number. Sealed like the rest; false or
   * null when it is lifted.
   */
  @IsOptional()
  @IsBoolean({ message: 'protectedIdentity must be true or false' })
  protectedIdentity?: boolean | null;

  /** What was given, with null kept (it removes the detail); at least one field. */
  toChange(): PersonalData {
    const change = Object.fromEntries(Object.entries(this).filter(([, value]) => value !== undefined)) as PersonalData;
    if (Object.keys(change).length === 0) {
      throw new RequestValidationError([{ field: 'personal', reason: 'give at least one of phone, email, address, protectedIdentity' }]);
    }
    return change;
  }
}

/**
 * Who the person is, for the caseworkers of the project only. It is sealed with the
 * participant's own key before it is recorded, and forgotten for good on erasure.
 */
export class PersonalDataDto extends ContactDetailsDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  /** When the entry profile does not hold it. */
  @IsOptional()
  @IsIsoDate()
  dateOfBirth?: string;

  @IsOptional()
  @Matches(IDENTITY_NUMBER, { message: 'nationalIdentityNumber must be 1 to 32 letters, digits, spaces, + or -' })
  nationalIdentityNumber?: string;

  @IsOptional()
  @IsString()
  @Length(1, 4000)
  notes?: string;

  toPersonalData(): PersonalData {
    const data = Object.fromEntries(Object.entries(this).filter(([, value]) => value !== undefined && value !== null)) as PersonalData;
    if (Object.keys(data).length === 0) {
      throw new RequestValidationError([{ field: 'personal', reason: 'personal must hold at least one field, or be left out' }]);
    }
    return data;
  }
}
