import 'reflect-metadata';
import { ValidateBy } from 'class-validator';
import { ContactDetailsDto } from '../participants/personal-data.dto';
import { RequestValidationError } from './problem';
import { validationPipe } from './validation';

class Throwing {
  @ValidateBy({ name: 'throws', validator: { validate: () => { throw new TypeError('validator bug'); } } })
  field!: string;
}

describe('the edge validation pipe', () => {
  const pipe = validationPipe();

  it('turns an exception inside a validator into a 400 for the part, never a 500', async () => {
    await expect(pipe.transform({ field: 'x' }, { type: 'body', metatype: Throwing })).rejects.toMatchObject({
      errors: [{ field: 'body', reason: 'body cannot be read as the expected shape' }],
    });
  });

  it('answers a lone surrogate in email with a 400 even without the body inspection in front', async () => {
    const answer = pipe.transform({ email: 'a\ud800@example.com' }, { type: 'body', metatype: ContactDetailsDto });
    await expect(answer).rejects.toBeInstanceOf(RequestValidationError);
  });

  it('keeps the field errors of an ordinary refusal', async () => {
    await expect(pipe.transform({ phone: 'call me' }, { type: 'body', metatype: ContactDetailsDto })).rejects.toMatchObject({
      errors: [{ field: 'phone', reason: expect.stringMatching(/phone number/) }],
    });
  });
});
