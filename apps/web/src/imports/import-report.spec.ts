import { contentTypeOf, refusalMessageId, shownProblems, PROBLEMS_SHOWN } from './import-report';

describe('the import screen’s report', () => {
  it('sends a file with the type its name says, whatever the browser guessed', () => {
    expect(contentTypeOf('Deltagare.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(contentTypeOf('export.csv')).toBe('text/csv');
    expect(contentTypeOf('notes.txt')).toBe('application/octet-stream');
  });

  it('says the upload refusals in words of the screen, and leaves the import’s own codes to their messages', () => {
    expect(refusalMessageId({ status: 413, code: 'REQUEST.TOO_LARGE' })).toBe('problem.IMPORT.FILE_TOO_LARGE');
    expect(refusalMessageId({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' })).toBe('import.refused.type');
    expect(refusalMessageId({ status: 413, code: 'IMPORT.INFLATES_TOO_LARGE' })).toBeNull();
    expect(refusalMessageId({ status: 422, code: 'IMPORT.NOT_A_SPREADSHEET' })).toBeNull();
  });

  it('lists at most PROBLEMS_SHOWN problems', () => {
    expect(shownProblems(Array.from({ length: PROBLEMS_SHOWN + 5 }, (_, i) => i))).toHaveLength(PROBLEMS_SHOWN);
    expect(shownProblems([1, 2])).toEqual([1, 2]);
  });
});
