import {
  DEFAULT_PARTICIPANT_FILE_LAYOUT,
  ParticipantFileConfigError,
  parseParticipantFileLayout,
  protectedIdentityCode,
} from './participant-file-layout';
import { participantFile } from './participant-file-output';

const csvLines = (body: Buffer) => body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');

describe('the participant file layout and the protected identity code (SCB)', () => {
  it('defaults to Personnummer, Startdatum, Slutdatum, Anmärkning and the code ÅÅÅÅMMDDT{G}29', () => {
    const layout = parseParticipantFileLayout({});
    expect(layout).toEqual(DEFAULT_PARTICIPANT_FILE_LAYOUT);
    expect(layout.columns.map((c) => c.header)).toEqual(['Personnummer', 'Startdatum', 'Slutdatum', 'Anmärkning']);
    expect(protectedIdentityCode(layout.protectedIdentity, '1985-07-03', 'woman')).toBe('19850703TF29');
    expect(protectedIdentityCode(layout.protectedIdentity, '1985-07-03', 'man')).toBe('19850703TM29');
  });

  it('makes no code without a birth date, a gender, or a letter for the gender', () => {
    const code = DEFAULT_PARTICIPANT_FILE_LAYOUT.protectedIdentity;
    expect(protectedIdentityCode(code, null, 'woman')).toBeNull();
    expect(protectedIdentityCode(code, '1985-07-03', null)).toBeNull();
    expect(protectedIdentityCode(code, '1985-07-03', 'non-binary')).toBeNull();
  });

  it('takes a configured template and gender letters', () => {
    const layout = parseParticipantFileLayout({ protectedCode: 'X{YYYY}-{MM}-{DD}{G}', genderLetters: '{"woman":"k","man":"m","non-binary":"x"}' });
    expect(protectedIdentityCode(layout.protectedIdentity, '2001-12-24', 'non-binary')).toBe('X2001-12-24x');
    expect(protectedIdentityCode(layout.protectedIdentity, '2001-12-24', 'woman')).toBe('X2001-12-24k');
  });

  it('refuses a bad setting with an error naming it', () => {
    const refused = (raw: Parameters<typeof parseParticipantFileLayout>[0]) => {
      try {
        parseParticipantFileLayout(raw);
      } catch (error) {
        expect(error).toBeInstanceOf(ParticipantFileConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused({ columns: 'not json' })).toMatch(/^PARTICIPANT_FILE_COLUMNS must be JSON/);
    expect(refused({ columns: '[]' })).toMatch(/1 to 50 columns/);
    expect(refused({ columns: '[{"header":"Start","field":"startDate"}]' })).toMatch(/exactly one identityNumber/);
    expect(refused({ columns: '[{"header":"Pnr","field":"ssn"}]' })).toMatch(/column 1 needs a "field", one of identityNumber/);
    expect(refused({ columns: '[{"header":"Pnr","field":"identityNumber","dateFormat":"YYYYMMDD"}]' })).toMatch(/dateFormat/);
    expect(refused({ columns: '[{"header":"Pnr","field":"identityNumber"},{"header":"Pnr","field":"startDate"}]' })).toMatch(/repeat a header/);
    expect(refused({ columns: '[{"header":"Pnr","field":"identityNumber","colour":"red"}]' })).toMatch(/unknown keys: colour/);
    expect(refused({ columns: '[{"header":"Pnr","field":"identityNumber"},{"header":"Ärende","field":"text"}]' })).toMatch(/"text" column needs a "value"/);
    expect(refused({ protectedCode: '{YYYY}{MM}{DD}' })).toMatch(/^PARTICIPANT_FILE_PROTECTED_CODE must use/);
    expect(refused({ protectedCode: '{YYYY}{MM}{DD}{G}{NR}' })).toMatch(/may use only/);
    expect(refused({ genderLetters: '{"female":"F"}' })).toMatch(/^PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS must be/);
    expect(refused({ genderLetters: '{"woman":"FFF"}' })).toMatch(/GENDER_LETTERS/);
  });

  it('writes the file in a configured layout: order, date format, fixed text, project and month', async () => {
    const layout = parseParticipantFileLayout({
      columns: JSON.stringify([
        { header: 'Ärendenummer', field: 'text', value: '2023/00123' },
        { header: 'Projekt', field: 'projectId' },
        { header: 'Månad', field: 'month' },
        { header: 'Startdatum', field: 'startDate', dateFormat: 'YYYYMMDD' },
        { header: 'Slutdatum', field: 'endDate', dateFormat: 'YYYYMMDD' },
        { header: 'Personnummer', field: 'identityNumber' },
      ]),
    });
    const rows = [
      { participantId: 'a', startDate: '2024-01-08', endDate: null, identityNumber: '200308142389', gap: null },
      { participantId: 'b', startDate: '2024-01-09', endDate: '2024-01-24', identityNumber: null, gap: 'protected-incomplete' as const },
    ];
    const file = await participantFile({ projectId: 'P-1', month: '2024-01', asKnownOn: '2024-02-02T09:00:00.000Z', rows }, 'csv-semicolon', layout);
    expect(csvLines(file.body)).toEqual([
      'Ärendenummer;Projekt;Månad;Startdatum;Slutdatum;Personnummer',
      '2023/00123;P-1;2024-01;20240108;;200308142389',
      '2023/00123;P-1;2024-01;20240109;20240124;',
    ]);
    const byDefault = await participantFile({ projectId: 'P-1', month: '2024-01', asKnownOn: '2024-02-02T09:00:00.000Z', rows }, 'csv');
    expect(csvLines(byDefault.body)[2]).toBe(',2024-01-09,2024-01-24,Skyddad identitet: ersättningskoden kan inte bildas (födelsedatum eller kön saknas i inskrivningsuppgifterna)');
  });
});
