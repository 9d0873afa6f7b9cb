import { ErrorCode } from '@hocvu/contracts';
import { describe, expect, it } from '@jest/globals';

import { ApiError } from '../../shared/api/api-error';
import { learnerProblemsFromError, parseLearnerLines } from './batch-learners';

describe('the learner list of a skill-certificate batch', () => {
  it('takes one phone number or citizen id per line, skipping blank lines, and remembers each line', () => {
    const parsed = parseLearnerLines('0911000004\n\n  011175012358  \r\n0912 345 678\n');
    expect(parsed.learners).toEqual(['0911000004', '011175012358', '0912 345 678']);
    expect(parsed.lines).toEqual([1, 3, 4]);
    expect(parsed.problems).toEqual([]);
  });

  it('flags lines that are neither a phone number nor a 12-digit citizen id', () => {
    const parsed = parseLearnerLines('0911000004\nQuàng Văn Hùng\n12345\n0211000004\n' + '9'.repeat(40));
    expect(parsed.problems).toEqual([
      { line: 2, value: 'Quàng Văn Hùng', problem: 'invalid' },
      { line: 3, value: '12345', problem: 'invalid' },
      { line: 4, value: '0211000004', problem: 'invalid' },
      { line: 5, value: '9'.repeat(32), problem: 'invalid' },
    ]);
  });

  it('flags the same person written twice, however written', () => {
    const parsed = parseLearnerLines('0911000004\n+84911000004\n0911.000.004\n011175012358\n0111 7501 2358');
    expect(parsed.problems).toEqual([
      { line: 2, value: '+84911000004', problem: 'duplicate' },
      { line: 3, value: '0911.000.004', problem: 'duplicate' },
      { line: 5, value: '0111 7501 2358', problem: 'duplicate' },
    ]);
  });

  it('is empty when nothing was typed', () => {
    expect(parseLearnerLines(' \n\n')).toEqual({ learners: [], lines: [], problems: [] });
  });
});

describe("the API's refusal of some learners", () => {
  const refusal = (problems: unknown) =>
    new ApiError(400, ErrorCode.BatchLearnersInvalid, '2 of 3 learners cannot be in this batch', {
      problems,
    });

  it('is renumbered as lines of the text box (the API counts the entries sent)', () => {
    const { lines } = parseLearnerLines('0911000004\n\n0911000099\n\n\n0911000001');
    expect(
      learnerProblemsFromError(
        refusal([
          { line: 2, value: '0911000099', problem: 'not_found' },
          { line: 3, value: '0911000001', problem: 'not_a_learner' },
        ]),
        lines,
      ),
    ).toEqual([
      { line: 3, value: '0911000099', problem: 'not_found' },
      { line: 6, value: '0911000001', problem: 'not_a_learner' },
    ]);
  });

  it('ignores malformed details and other errors', () => {
    expect(
      learnerProblemsFromError(refusal([{ line: 'x' }, { line: 1, value: 'a', problem: 'new' }]), [1]),
    ).toEqual([]);
    expect(learnerProblemsFromError(refusal(undefined), [1])).toEqual([]);
    expect(learnerProblemsFromError(new ApiError(403, ErrorCode.Forbidden, 'no'), [1])).toBeNull();
    expect(learnerProblemsFromError(new Error('x'), [1])).toBeNull();
  });
});
